import * as path from 'path';
import * as vscode from 'vscode';
import { bodyBesideCode } from '../../core/threads/compose';
import type { Thread, ThreadPerson } from '../../core/threads/threadTypes';
import type { KnownThread } from './threadsService';
import type { AnchorPlacement, AnchorPlacer } from './anchorPlacer';

export const COMMENT_CONTROLLER_ID = 'constellation.threads';

export interface ShownThread {
  known: KnownThread;
  placement: AnchorPlacement;
  widget: vscode.CommentThread;
}

/**
 * Shows design threads where their anchor maps to now (outdated ones at their last known lines,
 * labelled "outdated"), with their comments; VS Code tracks the ranges while a file is edited.
 */
export class ThreadComments implements vscode.Disposable {
  readonly controller = vscode.comments.createCommentController(COMMENT_CONTROLLER_ID, 'Design Threads');
  private readonly shown = new Map<string, ShownThread>();

  constructor(private readonly placer: AnchorPlacer) {
    this.controller.options = { prompt: 'Reply to the design thread…', placeHolder: 'Reply (posted to the thread’s venue)' };
  }

  all(): ShownThread[] {
    return [...this.shown.values()];
  }

  find(widget: vscode.CommentThread): ShownThread | undefined {
    return this.all().find((s) => s.widget === widget);
  }

  byThreadId(threadId: string): ShownThread | undefined {
    return this.all().find((s) => s.known.thread.id === threadId);
  }

  /** Places every anchored thread; documents with unsaved edits keep their current (tracked) range. */
  async sync(threads: readonly KnownThread[]): Promise<void> {
    const seen = new Set<string>();
    for (const known of threads) {
      if (!known.thread.anchor) continue;
      for (const placement of await this.placer.place(known.thread.anchor)) {
        const key = `${known.entry.community.id}#${known.thread.id}@${placement.root}`;
        seen.add(key);
        this.show(key, known, placement);
      }
    }
    for (const [key, shown] of this.shown) {
      if (!seen.has(key)) {
        shown.widget.dispose();
        this.shown.delete(key);
      }
    }
  }

  private show(key: string, known: KnownThread, placement: AnchorPlacement): void {
    const uri = vscode.Uri.file(path.join(placement.root, placement.mapped.path));
    const range = new vscode.Range(placement.mapped.startLine - 1, 0, placement.mapped.endLine - 1, 0);
    let shown = this.shown.get(key);
    if (shown && shown.widget.uri.toString() !== uri.toString()) {
      shown.widget.dispose();
      shown = undefined;
    }
    if (!shown) {
      const widget = this.controller.createCommentThread(uri, range, []);
      widget.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
      shown = { known, placement, widget };
      this.shown.set(key, shown);
    }
    const dirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty);
    if (!dirty && !shown.widget.range?.isEqual(range)) shown.widget.range = range;
    shown.known = known;
    shown.placement = placement;
    const thread = known.thread;
    const status = placement.mapped.status;
    const note = status === 'outdated' ? ' · outdated' : status === 'relocated' || status === 'edited' ? ` · code ${status}` : '';
    shown.widget.label = `${thread.title} — ${known.entry.community.name}${note}`;
    shown.widget.contextValue = thread.url && /^https?:/.test(thread.url) ? 'constellationThread.web' : 'constellationThread';
    shown.widget.canReply = thread.state === 'open';
    shown.widget.state = thread.state === 'open' ? vscode.CommentThreadState.Unresolved : vscode.CommentThreadState.Resolved;
    shown.widget.comments = toComments(thread);
  }

  dispose(): void {
    this.controller.dispose();
    this.shown.clear();
  }
}

function toComments(thread: Thread): vscode.Comment[] {
  const first: vscode.Comment = { body: markdown(bodyBesideCode(thread.body)), mode: vscode.CommentMode.Preview, author: { name: personName(thread.author) }, timestamp: date(thread.createdAt) };
  return [
    first,
    ...thread.comments.map((c) => ({ body: markdown(c.body), mode: vscode.CommentMode.Preview, author: { name: personName(c.author) }, timestamp: date(c.createdAt), label: c.replyTo ? 'reply' : undefined })),
  ];
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text.trim());
  md.supportHtml = false;
  return md;
}

export function personName(person: ThreadPerson): string {
  return person.login ? `@${person.login}` : person.name ?? person.email ?? 'someone';
}

function date(iso: string): Date | undefined {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t) : undefined;
}
