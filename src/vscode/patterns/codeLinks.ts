/** Code → pattern: markers become links and hovers; detected uses get a CodeLens. */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { Pattern } from '../../core/patterns/patternTypes';
import { escapeMarkdown } from '../../core/util/markdown';
import { Commands, commandLink } from '../contracts';
import { LINK_COMMAND_IDS } from '../platform/links';
import type { DocumentPatterns } from './documentPatterns';
import { readPatternSettings } from './patternSettings';
import { STATUS_ICONS } from './patternTreeModel';

export const OPEN_COMMAND = Commands.patterns.open;

export function openPatternUri(id: string): vscode.Uri {
  return vscode.Uri.parse(commandLink(Commands.patterns.open, id));
}

function markerRange(line: number, startCol: number, endCol: number): vscode.Range {
  return new vscode.Range(line - 1, startCol - 1, line - 1, endCol - 1);
}

/** The Markdown a marker hover shows: title, status, summary and the replacement. */
export function patternHoverMarkdown(pattern: Pattern, replacement: Pattern | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: LINK_COMMAND_IDS };
  md.appendMarkdown(`**Community pattern:** [${escapeMarkdown(pattern.title)}](${openPatternUri(pattern.id).toString()})`);
  md.appendMarkdown(` · $(${STATUS_ICONS[pattern.status]}) ${pattern.status}\n\n`);
  md.appendMarkdown(`${escapeMarkdown(pattern.summary)}\n\n`);
  if (pattern.replacedBy) {
    const title = replacement ? escapeMarkdown(replacement.title) : `\`${pattern.replacedBy}\``;
    md.appendMarkdown(`Replaced by [${title}](${openPatternUri(pattern.replacedBy).toString()})\n\n`);
  }
  md.appendMarkdown(`*${escapeMarkdown(pattern.community)}* · \`${pattern.id}\``);
  return md;
}

export class MarkerLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly documents: DocumentPatterns, private readonly logger: Logger) {}

  provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    try {
      if (token.isCancellationRequested) return [];
      return this.documents
        .analyse(document)
        .markers.filter((use) => use.pattern)
        .map(({ marker, pattern }) => {
          const link = new vscode.DocumentLink(markerRange(marker.line, marker.startCol, marker.endCol), openPatternUri(marker.id));
          link.tooltip = `Open pattern: ${pattern?.title ?? marker.id}`;
          return link;
        });
    } catch (error) {
      this.logger.error(`pattern links: ${(error as Error).message}`);
      return [];
    }
  }
}

export class MarkerHoverProvider implements vscode.HoverProvider {
  constructor(private readonly documents: DocumentPatterns, private readonly logger: Logger) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    try {
      if (token.isCancellationRequested) return undefined;
      const use = this.documents.analyse(document).markers.find(
        ({ marker }) => marker.line === position.line + 1 && position.character >= marker.startCol - 1 && position.character <= marker.endCol - 1,
      );
      if (!use?.pattern) return undefined;
      const replacement = use.pattern.replacedBy ? this.documents.catalogue()?.byId(use.pattern.replacedBy) : undefined;
      return new vscode.Hover(patternHoverMarkdown(use.pattern, replacement), markerRange(use.marker.line, use.marker.startCol, use.marker.endCol));
    } catch (error) {
      this.logger.error(`pattern hover: ${(error as Error).message}`);
      return undefined;
    }
  }
}

export class DetectedUseLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly documents: DocumentPatterns, private readonly logger: Logger) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    try {
      if (token.isCancellationRequested || !readPatternSettings().codeLens) return [];
      const seen = new Set<string>();
      const lenses: vscode.CodeLens[] = [];
      for (const use of this.documents.analyse(document).detected) {
        const key = `${use.pattern.id}:${use.range.startLine}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const line = use.range.startLine - 1;
        const prefix = use.pattern.status === 'adopted' || use.pattern.status === 'proposed' ? 'Community pattern' : `Community pattern (${use.pattern.status})`;
        lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: `${prefix}: ${use.pattern.title}`, command: OPEN_COMMAND, arguments: [use.pattern.id] }));
        if (lenses.length >= 200) break;
      }
      return lenses;
    } catch (error) {
      this.logger.error(`pattern code lens: ${(error as Error).message}`);
      return [];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
