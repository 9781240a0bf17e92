import * as vscode from 'vscode';
import type { Draft } from '../../core/threads/drafts';
import type { ThreadPerson } from '../../core/threads/threadTypes';
import { Commands } from '../contracts';
import { issued } from '../platform/links';
import type { VenueEntry } from './communities';
import { isKeptDraft } from './keptDrafts';
import { personName } from './threadComments';
import type { KnownThread, ThreadsService } from './threadsService';
import { venueKey } from './threadsService';

export type ThreadsNode =
  | { kind: 'group'; group: 'file' | 'mine' | 'communities' | 'drafts'; label: string }
  | { kind: 'community'; entry: VenueEntry }
  | { kind: 'thread'; known: KnownThread }
  | { kind: 'draft'; draft: Draft }
  /** A draft document open in the editor, not posted yet. */
  | { kind: 'compose'; uri: string; title: string; community: string }
  | { kind: 'message'; text: string; icon: string };

export interface ThreadsViewSources {
  threads: ThreadsService;
  drafts(): Promise<Draft[]>;
  /** Repository-relative path and remotes of the active editor's file, if in a repository. */
  activeFile(): Promise<{ path: string; remoteMatches(remote: string): boolean } | undefined>;
  /** People "me" may be: git identity, GitHub account. */
  me(): Promise<ThreadPerson[]>;
  /** Draft documents open in the editor. */
  openDrafts(): Array<{ uri: string; title: string; community: string }>;
  /** Where a thread's code is now in the editor (the lines its comment widget shows), if placed. */
  placed(threadId: string): { path: string; startLine: number; endLine: number } | undefined;
}

/** Threads on this file, my threads, threads per community, and unsent drafts. */
export class ThreadsViewProvider implements vscode.TreeDataProvider<ThreadsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ThreadsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly sources: ThreadsViewSources) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The nodes handed to VS Code are the extension's own: commands may trust them as arguments. */
  async getChildren(node?: ThreadsNode): Promise<ThreadsNode[]> {
    return (await this.children(node)).map((n) => issued(n));
  }

  private children(node?: ThreadsNode): Promise<ThreadsNode[]> | ThreadsNode[] {
    if (!node) {
      return [
        { kind: 'group', group: 'file', label: 'This File' },
        { kind: 'group', group: 'mine', label: 'My Threads' },
        { kind: 'group', group: 'communities', label: 'Communities' },
        { kind: 'group', group: 'drafts', label: 'Drafts' },
      ];
    }
    if (node.kind === 'group') return this.groupChildren(node.group);
    if (node.kind === 'community') {
      const status = this.sources.threads.venueStatuses().find((s) => venueKey(s.entry) === venueKey(node.entry));
      const threads = this.sources.threads.all().filter((t) => venueKey(t.entry) === venueKey(node.entry)).map(threadNode);
      const error: ThreadsNode[] = status?.error ? [{ kind: 'message', text: status.error, icon: 'warning' }] : [];
      return [...error, ...threads];
    }
    return [];
  }

  private async groupChildren(group: 'file' | 'mine' | 'communities' | 'drafts'): Promise<ThreadsNode[]> {
    const all = this.sources.threads.all();
    switch (group) {
      case 'file': {
        const file = await this.sources.activeFile();
        const pathOf = (t: KnownThread): string | undefined => this.sources.placed(t.thread.id)?.path ?? t.thread.anchor?.path;
        const here = file ? all.filter((t) => t.thread.anchor && pathOf(t) === file.path && file.remoteMatches(t.thread.anchor.remote)) : [];
        return here.length ? here.map(threadNode) : [{ kind: 'message', text: file ? 'No design threads on this file' : 'Open a file to see its threads', icon: 'info' }];
      }
      case 'mine': {
        const me = await this.sources.me();
        const mine = all.filter((t) => me.some((m) => samePerson(m, t.thread.author)));
        return mine.length ? mine.map(threadNode) : [{ kind: 'message', text: 'You have not started a design thread yet', icon: 'info' }];
      }
      case 'communities': {
        const venues = await this.sources.threads.venues();
        return venues.length ? venues.map((entry) => ({ kind: 'community', entry })) : [{ kind: 'message', text: 'No community venues in .constellation/communities.yml', icon: 'info' }];
      }
      case 'drafts': {
        const open: ThreadsNode[] = this.sources.openDrafts().map((d) => ({ kind: 'compose', ...d }));
        const stored: ThreadsNode[] = (await this.sources.drafts()).map((draft) => ({ kind: 'draft', draft }));
        return open.length + stored.length ? [...open, ...stored] : [{ kind: 'message', text: 'No unsent drafts', icon: 'check' }];
      }
    }
  }

  getTreeItem(node: ThreadsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, node.group === 'communities' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.group}`;
        return item;
      }
      case 'community': {
        const item = new vscode.TreeItem(node.entry.community.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.entry.venue.backend === 'files' ? 'files' : node.entry.venue.repository;
        item.iconPath = new vscode.ThemeIcon(node.entry.venue.backend === 'files' ? 'folder' : 'github');
        item.tooltip = node.entry.community.description;
        return item;
      }
      case 'thread': {
        const { thread, entry } = node.known;
        const item = new vscode.TreeItem(thread.title, vscode.TreeItemCollapsibleState.None);
        // The lines the code is at now (as the comment widget shows them), else where it was asked about.
        const now = this.sources.placed(thread.id);
        const where = now ? `${now.path}:${now.startLine}` : thread.anchor ? `${thread.anchor.path}:${thread.anchor.startLine}` : entry.community.name;
        item.description = `${personName(thread.author)} · ${where} · ${thread.comments.length} ${thread.comments.length === 1 ? 'reply' : 'replies'}`;
        item.iconPath = new vscode.ThemeIcon(thread.state === 'open' ? 'comment-discussion' : 'pass');
        item.contextValue = thread.url && /^https?:/.test(thread.url) ? 'thread.web' : 'thread';
        item.tooltip = new vscode.MarkdownString(`**${thread.title}** in ${entry.community.name}`);
        if (thread.anchor) item.command = { command: Commands.threads.reveal, title: 'Reveal in Editor', arguments: [node] };
        return item;
      }
      case 'draft': {
        const d = node.draft;
        const title = d.payload.kind === 'thread' ? d.payload.content.title : `Reply: ${d.payload.body.split('\n')[0].slice(0, 60)}`;
        const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
        const reset = d.error?.resetAt ? ` (until ${new Date(d.error.resetAt).toLocaleTimeString()})` : '';
        const kept = isKeptDraft(d);
        item.description = d.error ? `not sent: ${d.error.kind}${reset}` : kept ? 'kept, not posted' : d.state;
        item.tooltip = d.error?.message ?? (kept ? 'Open it to finish and post it' : undefined);
        item.iconPath = new vscode.ThemeIcon(d.error ? 'warning' : 'edit');
        item.contextValue = kept ? 'draft.kept' : 'draft';
        if (kept) item.command = { command: Commands.threads.openDraft, title: 'Open Draft', arguments: [node] };
        return item;
      }
      case 'compose': {
        const item = new vscode.TreeItem(node.title || 'Untitled design thread', vscode.TreeItemCollapsibleState.None);
        item.description = `open in the editor, not posted · ${node.community}`;
        item.iconPath = new vscode.ThemeIcon('edit');
        item.contextValue = 'draft.open';
        item.command = { command: 'vscode.open', title: 'Show Draft', arguments: [vscode.Uri.parse(node.uri)] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function threadNode(known: KnownThread): ThreadsNode {
  return { kind: 'thread', known };
}

function samePerson(a: ThreadPerson, b: ThreadPerson): boolean {
  const eq = (x?: string, y?: string): boolean => !!x && !!y && x.toLowerCase() === y.toLowerCase();
  return eq(a.email, b.email) || eq(a.login, b.login) || (!a.email && !b.email && eq(a.name, b.name));
}
