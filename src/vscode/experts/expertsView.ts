import * as vscode from 'vscode';
import { RELATIONSHIP_LABELS, type Relationship } from '../../core/directory/types';
import { groupByRelationship } from '../../core/experts/display';
import type { ExpertRanking, RankedExpert } from '../../core/experts/types';
import { escapeMarkdown } from '../../core/util/markdown';
import type { CommunityRolesSlot } from './communityRolesSlot';
import { readExpertSettings } from './expertSettings';
import { Debouncer } from '../../core/util/debounce';
import { fromRange } from './codeTarget';
import type { ExpertServices } from './expertServices';
import { rankTarget, type RankedTarget } from './rankTarget';

type ViewTarget = RankedTarget;

export type ExpertsNode =
  | { kind: 'message'; text: string; icon: string }
  | { kind: 'group'; relationship: Relationship; experts: RankedExpert[] }
  | { kind: 'expert'; expert: RankedExpert; target: ViewTarget };

const RELATIONSHIP_ICONS: Record<Relationship, string> = {
  'your-team': 'person',
  'other-team': 'organization',
  'other-business-unit': 'briefcase',
  'other-company': 'globe',
  unknown: 'question',
};

const SELECTION_DEBOUNCE_MS = 300;

/** The Experts view: who knows the active editor's selection (or file), grouped by relationship. */
export class ExpertsViewProvider implements vscode.TreeDataProvider<ExpertsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExpertsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private target: ViewTarget | undefined;
  private readonly follow = new Debouncer(SELECTION_DEBOUNCE_MS);
  private computed: Promise<ExpertsNode[]> | undefined;

  constructor(private readonly services: ExpertServices, private readonly communityRoles?: CommunityRolesSlot) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.followEditor()),
      vscode.window.onDidChangeTextEditorSelection((e) => { if (e.textEditor === vscode.window.activeTextEditor) this.followEditor(); }),
    );
    this.followEditor(0);
  }

  /** Shows the experts of a given target until the editor selection changes again. */
  showTarget(target: ViewTarget): void {
    this.target = target;
    this.refresh();
  }

  refresh(): void {
    this.computed = undefined;
    this.changed.fire(undefined);
  }

  /** The top-level nodes as they are now (also used by tests through the extension's API). */
  roots(): Promise<ExpertsNode[]> {
    this.computed ??= this.compute();
    return this.computed;
  }

  getChildren(node?: ExpertsNode): Promise<ExpertsNode[]> | ExpertsNode[] {
    if (!node) return this.roots();
    if (node.kind === 'group') return node.experts.map((expert) => ({ kind: 'expert', expert, target: this.target! }));
    return [];
  }

  getTreeItem(node: ExpertsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'message': {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(`${capitalise(RELATIONSHIP_LABELS[node.relationship])} (${node.experts.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(RELATIONSHIP_ICONS[node.relationship]);
        item.contextValue = 'relationshipGroup';
        return item;
      }
      case 'expert':
        return expertItem(node.expert, this.communityRoles?.describe(node.expert.email));
    }
  }

  private followEditor(delay = SELECTION_DEBOUNCE_MS): void {
    this.follow.schedule(() => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.uri.scheme !== 'file') return;
      this.target = editor.selection.isEmpty ? { uri: editor.document.uri.toString() } : fromRange(editor.document, editor.selection);
      this.refresh();
    }, '', delay);
  }

  private async compute(): Promise<ExpertsNode[]> {
    if (!vscode.workspace.isTrusted) return [];
    const target = this.target;
    if (!target) return [];
    try {
      const { ranking, repository, indexing } = await rankTarget(this.services, target, { limit: 50 });
      if (!repository) return [{ kind: 'message', text: 'This file is not in a git repository.', icon: 'info' }];
      return this.nodesFor(ranking, indexing);
    } catch (err) {
      this.services.platform.logger.warn(`experts view failed: ${err instanceof Error ? err.message : String(err)}`);
      return [{ kind: 'message', text: 'Could not compute experts; see the Constellation log.', icon: 'error' }];
    }
  }

  private nodesFor(ranking: ExpertRanking | undefined, indexing: boolean): ExpertsNode[] {
    const nodes: ExpertsNode[] = [];
    if (indexing) nodes.push({ kind: 'message', text: 'Indexing history…', icon: 'sync~spin' });
    if (!ranking || ranking.experts.length === 0) {
      if (!indexing) nodes.push({ kind: 'message', text: 'No history for this code yet.', icon: 'info' });
      return nodes;
    }
    if (ranking.knowledgeAtRisk) nodes.push({ kind: 'message', text: 'Knowledge at risk: every expert is former', icon: 'warning' });
    const { crossTeamFirst } = readExpertSettings();
    for (const group of groupByRelationship(ranking.experts, crossTeamFirst)) {
      nodes.push({ kind: 'group', relationship: group.relationship, experts: group.experts });
    }
    return nodes;
  }

  dispose(): void {
    this.follow.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function expertItem(expert: RankedExpert, communityRoles?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(expert.name);
  const place = [expert.placement.team?.name, expert.placement.businessUnit?.name ?? expert.placement.company?.name];
  item.description = [...place, expert.former ? 'former' : undefined, communityRoles].filter(Boolean).join(' · ');
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escapeMarkdown(expert.name)}** — ${escapeMarkdown(expert.email)}\n\n`);
  if (communityRoles) tooltip.appendMarkdown(`${escapeMarkdown(communityRoles)}\n\n`);
  tooltip.appendMarkdown(`${escapeMarkdown(RELATIONSHIP_LABELS[expert.relationship])}\n\n${escapeMarkdown(expert.explanation)}`);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(expert.former ? 'person-remove' : RELATIONSHIP_ICONS[expert.relationship]);
  item.contextValue = 'expert';
  return item;
}
