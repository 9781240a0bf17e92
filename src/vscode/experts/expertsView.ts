import * as vscode from 'vscode';
import { RELATIONSHIP_LABELS, type Relationship } from '../../core/directory/types';
import type { RankedExpert } from '../../core/experts/types';
import { describeTarget, expertsViewModel, type ExpertRow } from '../../core/presentation/expertsViewModel';
import type { CommunityRolesSlot } from './communityRolesSlot';
import { Debouncer } from '../../core/util/debounce';
import { escapeMarkdown } from '../../core/util/markdown';
import type { ExpertServices } from './expertServices';
import { readExpertSettings } from './expertSettings';
import { rankTarget, type RankedTarget } from './rankTarget';
import { editorTarget, ScopeState, targetKey, type ExpertsScope } from './viewScope';

type ViewTarget = RankedTarget;

export type ExpertsNode =
  | { kind: 'message'; text: string; icon: string }
  | { kind: 'area'; label: string; experts: ExpertRow[] }
  | { kind: 'all'; total: number; experts: ExpertRow[]; expanded: boolean; generation: number }
  | { kind: 'expert'; expert: RankedExpert; row: ExpertRow; target: ViewTarget };

const RELATIONSHIP_ICONS: Record<Relationship, string> = {
  'your-team': 'person',
  'other-team': 'organization',
  'other-business-unit': 'briefcase',
  'other-company': 'globe',
  unknown: 'question',
};

const SELECTION_DEBOUNCE_MS = 300;

/** For the extension's tests: what the view says and how often it ranked. */
export interface ExpertsViewState {
  scope: ExpertsScope;
  description: string | undefined;
  /** Rankings started, including ones cancelled because the target moved on. */
  computations: number;
}

/**
 * The Experts view: who knows the block at the cursor (or the selection), the file or its folder.
 * It ranks only when that target changes (debounced), cancels a ranking the cursor has left, and
 * says what it shows in its description.
 */
export class ExpertsViewProvider implements vscode.TreeDataProvider<ExpertsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExpertsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly tree: vscode.TreeView<ExpertsNode>;
  private readonly scopes: ScopeState;
  private readonly follow = new Debouncer(SELECTION_DEBOUNCE_MS);
  private target: ViewTarget | undefined;
  /** The key of what the editor last pointed at: the same block again is no reason to rank. */
  private editorKey: string | undefined;
  private expandAll = false;
  private generation = 0;
  private computed: Promise<ExpertsNode[]> | undefined;
  private inflight: AbortController | undefined;
  private computations = 0;

  constructor(private readonly services: ExpertServices, private readonly communityRoles?: CommunityRolesSlot) {
    this.scopes = new ScopeState(services.platform.workspaceState);
    this.tree = vscode.window.createTreeView('constellation.experts', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.tree,
      vscode.window.onDidChangeActiveTextEditor(() => this.followEditor()),
      vscode.window.onDidChangeTextEditorSelection((e) => { if (e.textEditor === vscode.window.activeTextEditor) this.followEditor(); }),
    );
    this.followEditor(0);
  }

  get scope(): ExpertsScope {
    return this.scopes.scope;
  }

  /** Shows a scope from now on (kept for this workspace); without one, asks. */
  async chooseScope(scope?: ExpertsScope): Promise<void> {
    const chosen = scope ?? (await this.scopes.pick());
    if (!chosen || chosen === this.scopes.scope) return;
    await this.scopes.set(chosen);
    this.editorKey = undefined;
    this.followEditor(0);
  }

  /** Shows the experts of a given target (`showAll`: the full list open) until the editor points elsewhere. */
  showTarget(target: ViewTarget, options: { showAll?: boolean } = {}): void {
    this.follow.cancel();
    this.target = target;
    this.expandAll = options.showAll === true;
    this.refresh();
  }

  refresh(): void {
    this.inflight?.abort();
    this.inflight = undefined;
    this.computed = undefined;
    this.generation++;
    this.changed.fire(undefined);
  }

  /** The top-level nodes as they are now (also used by tests through the extension's API). */
  roots(): Promise<ExpertsNode[]> {
    this.computed ??= this.compute();
    return this.computed;
  }

  state(): ExpertsViewState {
    return { scope: this.scopes.scope, description: this.tree.description, computations: this.computations };
  }

  getChildren(node?: ExpertsNode): Promise<ExpertsNode[]> | ExpertsNode[] {
    if (!node) return this.roots();
    const target = this.target;
    if ((node.kind === 'area' || node.kind === 'all') && target) return node.experts.map((row) => ({ kind: 'expert', expert: row.expert, row, target }));
    return [];
  }

  getTreeItem(node: ExpertsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'message': {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
      case 'area': {
        const item = new vscode.TreeItem('Knows this area', vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.label;
        item.tooltip = 'People who have not worked on this code but know the folder around it';
        item.iconPath = new vscode.ThemeIcon('folder-library');
        item.contextValue = 'areaExperts';
        return item;
      }
      case 'all': {
        const state = node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(`Show all experts (${node.total})`, state);
        // A new id when "Show all" is asked for again, so the tree applies the expanded state.
        item.id = `all:${node.generation}:${node.expanded ? 'open' : 'closed'}`;
        item.iconPath = new vscode.ThemeIcon('list-flat');
        item.contextValue = 'allExperts';
        return item;
      }
      case 'expert':
        return expertItem(node.row, this.communityRoles?.describe(node.expert.email));
    }
  }

  private followEditor(delay = SELECTION_DEBOUNCE_MS): void {
    this.follow.schedule(() => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.uri.scheme !== 'file') return;
      const target = editorTarget(editor, this.scopes.scope);
      const key = targetKey(target);
      if (key === this.editorKey) return;
      this.editorKey = key;
      this.showTarget(target);
    }, '', delay);
  }

  private async compute(): Promise<ExpertsNode[]> {
    if (!vscode.workspace.isTrusted) return [];
    const target = this.target;
    if (!target) return [];
    const cancel = new AbortController();
    this.inflight = cancel;
    this.computations++;
    const generation = this.generation;
    try {
      // No limit: "Show all experts (N)" lists all N.
      const { ranking, repository, path, indexing } = await rankTarget(this.services, target, { limit: Number.MAX_SAFE_INTEGER, signal: cancel.signal });
      if (cancel.signal.aborted) return [];
      const kind: ExpertsScope = target.startLine !== undefined ? 'lines' : 'folder' in target && target.folder ? 'folder' : 'file';
      this.tree.description = describeTarget({ kind, path: path ?? vscode.Uri.parse(target.uri).path, startLine: target.startLine, endLine: target.endLine });
      if (!repository) return [{ kind: 'message', text: 'This file is not in a git repository.', icon: 'info' }];
      const nodes: ExpertsNode[] = [];
      if (indexing) nodes.push({ kind: 'message', text: 'Indexing history…', icon: 'sync~spin' });
      if (!ranking || ranking.experts.length === 0) {
        if (!indexing) nodes.push({ kind: 'message', text: 'No history for this code yet.', icon: 'info' });
        return nodes;
      }
      const model = expertsViewModel(ranking, { crossTeamFirst: readExpertSettings().crossTeamFirst });
      if (model.knowledgeAtRisk) nodes.push({ kind: 'message', text: 'Knowledge at risk: everyone who wrote this code has left', icon: 'warning' });
      nodes.push(...model.code.map((row): ExpertsNode => ({ kind: 'expert', expert: row.expert, row, target })));
      if (model.area) nodes.push({ kind: 'area', label: model.area.label, experts: model.area.experts });
      nodes.push({ kind: 'all', total: model.all.total, experts: model.all.experts, expanded: this.expandAll, generation });
      return nodes;
    } catch (err) {
      if (cancel.signal.aborted) return [];
      this.services.platform.logger.warn(`experts view failed: ${err instanceof Error ? err.message : String(err)}`);
      return [{ kind: 'message', text: 'Could not compute experts; see the Constellation log.', icon: 'error' }];
    } finally {
      if (this.inflight === cancel) this.inflight = undefined;
    }
  }

  dispose(): void {
    this.follow.dispose();
    this.inflight?.abort();
    for (const d of this.disposables) d.dispose();
  }
}

function expertItem(row: ExpertRow, communityRoles?: string): vscode.TreeItem {
  const { expert } = row;
  const item = new vscode.TreeItem(expert.name);
  item.description = [row.description, communityRoles].filter(Boolean).join(' · ');
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escapeMarkdown(expert.name)}**${expert.former ? ' *(former)*' : ''} — ${escapeMarkdown(expert.email)}\n\n`);
  if (communityRoles) tooltip.appendMarkdown(`${escapeMarkdown(communityRoles)}\n\n`);
  tooltip.appendMarkdown(`${escapeMarkdown(RELATIONSHIP_LABELS[expert.relationship])}\n\n${row.details.split('\n').map(escapeMarkdown).join('  \n')}`);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(expert.former ? 'person-remove' : RELATIONSHIP_ICONS[expert.relationship]);
  item.contextValue = 'expert';
  return item;
}
