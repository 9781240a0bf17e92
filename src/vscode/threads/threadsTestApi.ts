/** The small part of the threads feature exposed on the extension API, for integration tests. */
import type { Draft } from '../../core/threads/drafts';
import type { RangeStatus } from '../../core/threads/rangeMapping';
import type { ThreadsModule } from './registerThreads';
import type { ThreadsNode } from './threadsView';
import type { TokenProvider } from './tokenProvider';

export interface CommentThreadInfo {
  threadId: string;
  title: string;
  community: string;
  uri: string;
  /** 1-based, inclusive: the comment thread's range as the editor has it now. */
  startLine: number;
  endLine: number;
  status: RangeStatus;
  label: string;
  /** Bodies of the shown comments (thread body first). */
  comments: string[];
  canReply: boolean;
}

export interface ThreadsTestApi {
  refresh(): Promise<void>;
  list(): Array<{ id: string; title: string; community: string; backend: string; url?: string; path?: string; comments: number }>;
  commentThreads(): CommentThreadInfo[];
  drafts(): Promise<Draft[]>;
  /** What the comment widget's Reply button does. */
  reply(threadId: string, text: string): Promise<boolean>;
  retryDraft(id: string): Promise<boolean>;
  viewNodes(): Promise<ThreadsNode[]>;
  viewChildren(node: ThreadsNode): Promise<ThreadsNode[]>;
  /** Not in ExtensionMode.Production: see ThreadsModule.useTokenProviderForTests. */
  useTokenProvider(tokens: TokenProvider): Promise<void>;
}

/** `current` returns the module of the latest activation (see extension.ts). */
export function threadsTestApi(current: () => ThreadsModule): ThreadsTestApi {
  return {
    refresh: () => current().refresh(),
    list: () =>
      current().threads.all().map(({ thread, entry }) => ({
        id: thread.id, title: thread.title, community: entry.community.id, backend: thread.backend, url: thread.url, path: thread.anchor?.path, comments: thread.comments.length,
      })),
    commentThreads: () =>
      current().comments.all().map(({ known, placement, widget }) => ({
        threadId: known.thread.id,
        title: known.thread.title,
        community: known.entry.community.id,
        uri: widget.uri.toString(),
        startLine: (widget.range?.start.line ?? 0) + 1,
        endLine: (widget.range?.end.line ?? 0) + 1,
        status: placement.mapped.status,
        label: widget.label ?? '',
        comments: widget.comments.map((c) => (typeof c.body === 'string' ? c.body : c.body.value)),
        canReply: widget.canReply !== false,
      })),
    drafts: () => current().sender.drafts.list(),
    reply: async (threadId, text) => (await current().reply(threadId, text)) !== undefined,
    retryDraft: (id) => current().retryDraft(id),
    viewNodes: async () => current().view.getChildren(),
    viewChildren: async (node) => current().view.getChildren(node),
    useTokenProvider: (tokens) => current().useTokenProviderForTests(tokens),
  };
}
