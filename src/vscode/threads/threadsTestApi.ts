/** The part of the threads feature exposed on the extension API in test mode, for integration tests. */
import type { Draft } from '../../core/threads/drafts';
import type { RangeStatus } from '../../core/threads/rangeMapping';
import type { TokenProvider } from '../platform/githubSession';
import type { ThreadsController } from './threadsController';
import type { ThreadsNode } from './threadsView';

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
  /** What the Threads view shows for a node. */
  viewItem(node: ThreadsNode): { label: string; description?: string; contextValue?: string; command?: string };
  /** Tokens from `tokens` instead of VS Code's GitHub sign-in (whose consent dialog a test cannot answer). */
  useTokenProvider(tokens: TokenProvider): Promise<void>;
}

export function threadsTestApi(controller: ThreadsController, useTokens: (tokens: TokenProvider) => void): ThreadsTestApi {
  return {
    refresh: () => controller.refresh(),
    list: () =>
      controller.threads.all().map(({ thread, entry }) => ({
        id: thread.id, title: thread.title, community: entry.community.id, backend: thread.backend, url: thread.url, path: thread.anchor?.path, comments: thread.comments.length,
      })),
    commentThreads: () =>
      controller.comments.all().map(({ known, placement, widget }) => ({
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
    drafts: () => controller.sender.drafts.list(),
    reply: async (threadId, text) => (await controller.reply(threadId, text)) !== undefined,
    retryDraft: (id) => controller.retryDraft(id),
    viewNodes: () => controller.view.getChildren(),
    viewChildren: (node) => controller.view.getChildren(node),
    viewItem: (node) => {
      const item = controller.view.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      return { label, description: typeof item.description === 'string' ? item.description : undefined, contextValue: item.contextValue, command: item.command?.command };
    },
    useTokenProvider: async (tokens) => {
      useTokens(tokens);
      await controller.refresh();
    },
  };
}
