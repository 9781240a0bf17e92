/** The Communities view: the current file's communities on top, every declared one, then the potential ones. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { ParticipationLevel } from '../../core/communities/reportTypes';
import { Commands } from '../contracts';
import { issued } from '../platform/links';
import type { RepositoryRegistry } from '../platform/repositories';
import { communitiesOfFile } from './communityModel';
import { participationEvidenceText } from './participationModel';
import type { CommunityReportService } from './reportService';
import { childNodes, rootNodes, type CommunitiesNode, type HubFiguresOf } from './viewModel';

const LEVEL_ICONS: Record<ParticipationLevel, string> = { core: 'star-full', active: 'star-half', peripheral: 'star-empty', newcomer: 'sparkle' };
const SECTION_ICONS = { members: 'person', patterns: 'book', threads: 'comment-discussion', health: 'pulse', org: 'globe' } as const;

export class CommunitiesViewProvider implements vscode.TreeDataProvider<CommunitiesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CommunitiesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly service: CommunityReportService, private readonly registry: RepositoryRegistry, private readonly hub?: { get: HubFiguresOf; onDidChange: vscode.Event<void> }) {
    this.disposables.push(service.onDidChange(() => this.refresh()), vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
    if (hub) this.disposables.push(hub.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: CommunitiesNode): Promise<CommunitiesNode[]> {
    const snapshot = this.service.snapshot();
    if (node) return snapshot ? childNodes(snapshot, node, this.hubOf()).map(issued) : [];
    if (!vscode.workspace.isTrusted) return [];
    if (!snapshot) {
      const state = this.service.state;
      if (state.kind === 'idle') void this.service.ensure(false);
      if (state.kind === 'failed') return [issued({ kind: 'message', text: `Could not compute the communities: ${state.message}`, icon: 'error' })];
      if (state.kind === 'cancelled') return [issued({ kind: 'message', text: 'Cancelled: refresh to compute the communities.', icon: 'info' })];
      return [issued({ kind: 'message', text: 'Computing the communities of practice…', icon: 'sync~spin' })];
    }
    // Nothing declared: the view's welcome offers to create communities.yml from the proposals.
    if (snapshot.configFiles.length === 0) return [];
    return rootNodes(snapshot, await this.currentFile(), this.hubOf()).map(issued);
  }

  private hubOf(): HubFiguresOf | undefined {
    const hub = this.hub;
    return hub && ((id) => hub.get(id));
  }

  /** The active editor's file and the communities whose code areas hold it. */
  async currentFile(): Promise<{ path: string; communities: string[] } | undefined> {
    const snapshot = this.service.snapshot();
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!snapshot || !uri) return undefined;
    const location = await this.registry.locate(uri);
    if (!location) return undefined;
    return { path: location.relativePath, communities: communitiesOfFile(snapshot, location.repository.root, location.relativePath).map((c) => c.id) };
  }

  getTreeItem(node: CommunitiesNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'message':
        return item(node.text, node.icon);
      case 'fileGroup': {
        const group = item(`This file: ${path.posix.basename(node.file)}`, 'file', vscode.TreeItemCollapsibleState.Expanded);
        group.description = `${node.communities.length} communit${node.communities.length === 1 ? 'y' : 'ies'}`;
        group.tooltip = `Communities whose code areas hold ${node.file}`;
        return group;
      }
      case 'potentialGroup': {
        const group = item(`Potential communities (${node.proposals.length})`, 'circle-large-outline', collapsed);
        group.tooltip = 'People who work on the same code across teams, in areas no declared community covers: discovered, not declared.';
        return group;
      }
      case 'community': {
        const community = item(node.name, 'organization', collapsed);
        community.description = node.description;
        community.tooltip = node.tooltip;
        community.contextValue = 'community';
        community.command = { command: Commands.communities.openPage, title: 'Open Community Page', arguments: [node.id] };
        return community;
      }
      case 'section':
        return item(node.label, SECTION_ICONS[node.section], collapsed);
      case 'level':
        return item(node.label, LEVEL_ICONS[node.level], node.level === 'core' ? vscode.TreeItemCollapsibleState.Expanded : collapsed);
      case 'member': {
        const member = item(node.name, 'person');
        member.description = [node.team, node.member.declaredRole].filter(Boolean).join(' · ');
        member.tooltip = `${node.name} · ${node.team} · ${node.member.level} (centrality ${node.member.centrality.toFixed(2)})\n${participationEvidenceText(node.member.evidence)}`;
        return member;
      }
      case 'pattern': {
        const pattern = item(node.title, 'book');
        pattern.description = node.status;
        pattern.command = { command: Commands.patterns.open, title: 'Open Pattern', arguments: [node.id] };
        return pattern;
      }
      case 'thread': {
        const thread = item(node.thread.thread.title, 'comment-discussion');
        thread.description = node.replies === 0 ? 'no reply yet' : `${node.replies} repl${node.replies === 1 ? 'y' : 'ies'}`;
        thread.command = { command: Commands.communities.openItem, title: 'Open Thread', arguments: [node] };
        return thread;
      }
      case 'fact': {
        const fact = item(node.label, node.icon);
        fact.description = node.description;
        if (node.tooltip) fact.tooltip = node.tooltip;
        return fact;
      }
      case 'proposal': {
        const proposal = item(node.proposal.name, 'circle-large-outline', collapsed);
        proposal.description = `${node.proposal.people.length} people · ${node.proposal.teamsKnown ? node.proposal.teams.map((t) => t.name).join(', ') : 'teams unknown'}`;
        proposal.tooltip = `Potential community: ${node.proposal.activity} changes in the window, ${Math.round(node.proposal.coveredShare * 100)}% inside declared communities.\n\n${node.proposal.draftYaml}`;
        proposal.contextValue = 'proposal';
        return proposal;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function item(label: string, icon: string, state = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(label, state);
  treeItem.iconPath = new vscode.ThemeIcon(icon);
  return treeItem;
}
