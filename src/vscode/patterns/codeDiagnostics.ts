/** Diagnostics in code: unknown marker ids (with "did you mean" fixes) and uses of deprecated patterns. */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { Debouncer } from '../../core/util/debounce';
import type { DocumentPatterns } from './documentPatterns';
import { OPEN_COMMAND } from './codeLinks';

export const UNKNOWN_PATTERN_CODE = 'unknown-pattern';
export const DEPRECATED_PATTERN_CODE = 'deprecated-pattern';

export class CodeDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('constellation-pattern-usage');
  private readonly typing = new Debouncer(300);

  constructor(private readonly documents: DocumentPatterns, private readonly logger: Logger) {}

  /** Recomputes after typing settles. */
  updateSoon(document: vscode.TextDocument): void {
    this.typing.schedule(() => this.update(document), document.uri.toString());
  }

  update(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file' || document.isClosed) return;
    try {
      const analysis = this.documents.analyse(document);
      const catalogue = this.documents.catalogue();
      const out: vscode.Diagnostic[] = [];
      for (const { marker, pattern } of analysis.markers) {
        if (pattern || !catalogue) continue;
        const range = new vscode.Range(marker.line - 1, marker.startCol - 1, marker.line - 1, marker.endCol - 1);
        const close = catalogue.closestIds(marker.id);
        const hint = close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
        const d = new vscode.Diagnostic(range, `Unknown pattern "${marker.id}": no pattern library defines it.${hint}`, vscode.DiagnosticSeverity.Warning);
        d.source = 'Constellation';
        d.code = UNKNOWN_PATTERN_CODE;
        out.push(d);
      }
      const reported = new Set<string>();
      const uses = [
        ...analysis.markers.flatMap((m) => (m.pattern ? [{ pattern: m.pattern, line: m.marker.line }] : [])),
        ...analysis.detected.map((d) => ({ pattern: d.pattern, line: d.range.startLine })),
      ];
      for (const { pattern, line } of uses) {
        if (pattern.status !== 'deprecated' && pattern.status !== 'retired') continue;
        const key = `${pattern.id}:${line}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const replacement = pattern.replacedBy ? catalogue?.byId(pattern.replacedBy) : undefined;
        const instead = pattern.replacedBy ? ` Use "${replacement?.title ?? pattern.replacedBy}" (${pattern.replacedBy}) instead.` : '';
        const textLine = document.lineAt(Math.min(line - 1, document.lineCount - 1));
        const range = new vscode.Range(textLine.lineNumber, textLine.firstNonWhitespaceCharacterIndex, textLine.lineNumber, textLine.text.length);
        const d = new vscode.Diagnostic(range, `This code follows the ${pattern.status} pattern "${pattern.title}".${instead}`, vscode.DiagnosticSeverity.Information);
        d.source = 'Constellation';
        d.code = DEPRECATED_PATTERN_CODE;
        out.push(d);
      }
      this.collection.set(document.uri, out);
    } catch (error) {
      this.logger.error(`pattern diagnostics of ${document.uri.fsPath}: ${(error as Error).message}`);
    }
  }

  updateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  forget(document: vscode.TextDocument): void {
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.typing.dispose();
    this.collection.dispose();
  }
}

/** Quick fixes: replace an unknown id by a close one; open the replacement of a deprecated pattern. */
export class PatternCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly documents: DocumentPatterns) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const catalogue = this.documents.catalogue();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'Constellation') continue;
      if (diagnostic.code === UNKNOWN_PATTERN_CODE && catalogue) {
        const unknown = document.getText(diagnostic.range);
        catalogue.closestIds(unknown).forEach((id, i) => {
          const action = new vscode.CodeAction(`Change to "${id}" (${catalogue.byId(id)?.title ?? id})`, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, diagnostic.range, id);
          action.diagnostics = [diagnostic];
          action.isPreferred = i === 0;
          actions.push(action);
        });
      }
      if (diagnostic.code === DEPRECATED_PATTERN_CODE) {
        // The diagnostic reaches us as a copy: find the use again from its line.
        const line = diagnostic.range.start.line + 1;
        const analysis = this.documents.analyse(document);
        const pattern = [
          ...analysis.markers.flatMap((m) => (m.pattern && m.marker.line === line ? [m.pattern] : [])),
          ...analysis.detected.filter((d) => d.range.startLine === line).map((d) => d.pattern),
        ].find((p) => p.status === 'deprecated' || p.status === 'retired');
        if (!pattern) continue;
        const target = pattern.replacedBy ?? pattern.id;
        const title = pattern.replacedBy ? `Open the replacement pattern "${catalogue?.byId(target)?.title ?? target}"` : `Open pattern "${target}"`;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { command: OPEN_COMMAND, title, arguments: [target] };
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }
}
