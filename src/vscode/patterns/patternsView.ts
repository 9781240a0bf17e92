/** The Patterns view: a tree over the catalogue, with the active editor's patterns on top. */
import * as vscode from 'vscode';
import { appliesTo } from '../../core/patterns/applicability';
import { Debouncer } from '../../core/util/debounce';
import { escapeMarkdown } from '../../core/util/markdown';
import { Commands } from '../contracts';
import { issued } from '../platform/links';
import type { Pattern } from '../../core/patterns/patternTypes';
import type { DocumentPatterns } from './documentPatterns';
import type { PatternStore } from './patternStore';
import { buildPatternTree, STATUS_ICONS, type PatternsNode } from './patternTreeModel';

export const FILTER_CONTEXT_KEY = 'constellation.patterns.filtered';

export class PatternsViewProvider implements vscode.TreeDataProvider<PatternsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PatternsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText: string | undefined;
  private cachedRoots: PatternsNode[] | undefined;
  private readonly typing = new Debouncer(300);
  private lastDocument: vscode.TextDocument | undefined;

  constructor(private readonly store: PatternStore, private readonly documents: DocumentPatterns) {}

  get filter(): string | undefined {
    return this.filterText;
  }

  async setFilter(text: string | undefined): Promise<void> {
    this.filterText = text?.trim() || undefined;
    await vscode.commands.executeCommand('setContext', FILTER_CONTEXT_KEY, this.filterText !== undefined);
    this.refresh();
  }

  refresh(): void {
    this.cachedRoots = undefined;
    this.changed.fire(undefined);
  }

  /** Refreshes after typing settles (the active document changes on every keystroke). */
  refreshSoon(): void {
    this.typing.schedule(() => this.refresh());
  }

  /** Patterns that apply to the active editor: used in it (markers, detections) or scoped to its path. */
  appliesToActive(): Pattern[] {
    // Focus on a webview (the pattern page) leaves no active editor: keep showing the last file.
    const active = vscode.window.activeTextEditor?.document;
    if (active) this.lastDocument = active;
    const current = this.lastDocument;
    const catalogue = this.store.catalogue();
    if (!current || current.isClosed || !catalogue || current.uri.scheme !== 'file') return [];
    const found = new Map(this.documents.patternsOf(current).map((p) => [p.id, p]));
    const document = { path: vscode.workspace.asRelativePath(current.uri, false), languageId: current.languageId };
    for (const pattern of catalogue.patterns) {
      // Scoped to this path by its globs; a retired pattern no longer applies to anything new.
      if (pattern.status !== 'retired' && pattern.appliesTo.files.length > 0 && appliesTo(pattern, document)) found.set(pattern.id, pattern);
    }
    return [...found.values()];
  }

  roots(): PatternsNode[] {
    this.cachedRoots ??= issueNodes(buildPatternTree({
      catalogue: this.store.catalogue(),
      loading: this.store.loading,
      applies: this.appliesToActive(),
      filter: this.filterText,
      notices: [...this.store.notices],
    }));
    return this.cachedRoots;
  }

  getChildren(node?: PatternsNode): PatternsNode[] {
    if (!node) return this.roots();
    return node.kind === 'group' ? node.children : [];
  }

  getTreeItem(node: PatternsNode): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.description = node.detail;
      item.contextValue = node.id === 'filter' ? 'patternFilter' : 'message';
      return item;
    }
    if (node.kind === 'group') {
      const expanded = node.group === 'applies' || node.group === 'community';
      const item = new vscode.TreeItem(node.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon(node.group === 'applies' ? 'target' : node.group === 'community' ? 'organization' : 'tag');
      item.description = `${node.children.length}`;
      item.contextValue = `patternGroup.${node.group}`;
      return item;
    }
    const { pattern } = node;
    const item = new vscode.TreeItem(pattern.title, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = pattern.status === 'adopted' ? pattern.id : `${pattern.status} · ${pattern.id}`;
    item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[pattern.status]);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escapeMarkdown(pattern.title)}** · $(${STATUS_ICONS[pattern.status]}) ${pattern.status}\n\n${escapeMarkdown(pattern.summary)}`);
    if (pattern.replacedBy) tooltip.appendMarkdown(`\n\nReplaced by \`${pattern.replacedBy}\``);
    item.tooltip = tooltip;
    item.contextValue = `pattern.${pattern.status}`;
    item.command = { command: Commands.patterns.open, title: 'Open Pattern', arguments: [pattern.id] };
    return item;
  }

  dispose(): void {
    this.typing.dispose();
    this.changed.dispose();
  }
}

/** The nodes the view hands to VS Code are the extension's own: commands may trust them as arguments. */
function issueNodes(nodes: PatternsNode[]): PatternsNode[] {
  for (const node of nodes) {
    issued(node);
    if (node.kind === 'group') issueNodes(node.children);
  }
  return nodes;
}
