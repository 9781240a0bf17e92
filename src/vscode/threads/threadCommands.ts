import * as vscode from 'vscode';
import { Commands, isPersonToAsk, type StartResult, type StartThreadArgs, type SuggestedPerson } from '../contracts';
import { isIssued, type ExternalOpener } from '../platform/links';
import type { Thread, ThreadComment } from '../../core/threads/threadTypes';
import type { ComposeDocuments } from './draftDocuments';
import type { DraftSender } from './draftSender';
import type { StartedThread } from './startThread';
import type { ThreadComments } from './threadComments';
import type { ThreadsNode } from './threadsView';
import { notify } from '../platform/notify';
import { askChoice } from '../platform/prompts';

/** What the commands drive (the ThreadsController), named here so neither module imports the other. */
export interface ThreadCommandTarget {
  readonly comments: ThreadComments;
  readonly compose: ComposeDocuments;
  readonly sender: DraftSender;
  start(options: StartThreadArgs): Promise<StartedThread | undefined>;
  post(uri?: vscode.Uri): Promise<Thread | undefined>;
  reply(threadId: string, text: string): Promise<ThreadComment | undefined>;
  retryDraft(id: string): Promise<boolean>;
  /** The Cancel of a draft document (asks first when it was edited). */
  cancelDraft(uri?: vscode.Uri): Promise<'closed' | 'kept' | 'discarded' | undefined>;
  /** Opens a kept draft of Drafts in a draft document again. */
  openDraft(id: string): Promise<boolean>;
  refresh(): Promise<void>;
}

function startOptions(arg: unknown): StartThreadArgs {
  // From the editor context menu VS Code passes the file's Uri: use the selection then.
  if (!arg || typeof arg !== 'object' || arg instanceof vscode.Uri) return {};
  const a = arg as Record<string, unknown>;
  const text = (k: string): string | undefined => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
  const line = (k: string): number | undefined => (typeof a[k] === 'number' && Number.isFinite(a[k]) ? (a[k] as number) : undefined);
  return {
    uri: text('uri'), startLine: line('startLine'), endLine: line('endLine'), expertEmail: text('expertEmail'), patternId: text('patternId'),
    community: text('community'), title: text('title'), question: text('question'), suggestExperts: people(a.suggestExperts),
    ...(isPersonToAsk(a.expert) ? { expert: a.expert } : {}),
  };
}

/** Well-formed entries only (at most 20): the arguments may come from any extension. */
function people(value: unknown): SuggestedPerson[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined);
  const list: SuggestedPerson[] = [];
  for (const item of value.slice(0, 20)) {
    if (!item || typeof item !== 'object') continue;
    const p = item as Record<string, unknown>;
    const name = text(p.name);
    if (name) list.push({ name, email: text(p.email), login: text(p.login), team: text(p.team) });
  }
  return list;
}

/**
 * The `constellation.threads.*` commands. Those that post, delete or open an address act only on
 * objects the extension made (its tree nodes, its comment widgets, its draft documents).
 */
export function registerThreadCommands(controller: ThreadCommandTarget, external: ExternalOpener): vscode.Disposable {
  const untrusted = (): boolean => {
    if (vscode.workspace.isTrusted) return false;
    void notify.warning('Design threads need git, which Constellation does not run in an untrusted workspace.');
    return true;
  };
  const draftNode = (node: unknown): Extract<ThreadsNode, { kind: 'draft' }> | undefined =>
    isIssued(node) && (node as ThreadsNode).kind === 'draft' ? (node as Extract<ThreadsNode, { kind: 'draft' }>) : undefined;
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.threads.start, async (arg?: unknown): Promise<StartResult | undefined> => {
      if (untrusted()) return undefined;
      const started = await controller.start(startOptions(arg));
      return started && { draftUri: started.document.uri.toString(), body: started.preview.body, community: started.venue.community.id };
    }),
    vscode.commands.registerCommand(Commands.threads.post, async (uri?: unknown) => {
      // Only a draft document this extension opened can be posted (ComposeDocuments knows them).
      const thread = await controller.post(uri instanceof vscode.Uri && controller.compose.session(uri) ? uri : undefined);
      return thread && { id: thread.id, url: thread.url, backend: thread.backend };
    }),
    vscode.commands.registerCommand(Commands.threads.reply, async (reply: vscode.CommentReply) => {
      const shown = reply?.thread && controller.comments.find(reply.thread);
      if (!shown) return;
      await controller.reply(shown.known.thread.id, reply.text);
    }),
    vscode.commands.registerCommand(Commands.threads.refresh, () => controller.refresh()),
    vscode.commands.registerCommand(Commands.threads.retryDraft, async (node?: unknown) => {
      const draft = draftNode(node);
      if (draft) await controller.retryDraft(draft.draft.id);
    }),
    vscode.commands.registerCommand(Commands.threads.cancelDraft, (uri?: unknown) =>
      // Only a draft document this extension opened (else the active one, if it is such a document).
      controller.cancelDraft(uri instanceof vscode.Uri && controller.compose.session(uri) ? uri : undefined)),
    vscode.commands.registerCommand(Commands.threads.openDraft, async (node?: unknown) => {
      const draft = draftNode(node);
      return draft ? controller.openDraft(draft.draft.id) : false;
    }),
    vscode.commands.registerCommand(Commands.threads.discardDraft, async (node?: unknown) => {
      const draft = draftNode(node);
      if (!draft) return;
      const answer = await askChoice('Discard this draft?', 'What you wrote is deleted.', 'Discard');
      if (answer === 'Discard') await controller.sender.discard(draft.draft.id);
    }),
    vscode.commands.registerCommand(Commands.threads.openOnWeb, async (arg?: unknown) => {
      const node = isIssued(arg) ? (arg as ThreadsNode) : undefined;
      const widget = arg && typeof arg === 'object' && 'uri' in arg ? controller.comments.find(arg as vscode.CommentThread) : undefined;
      const url = node?.kind === 'thread' ? node.known.thread.url : widget?.known.thread.url;
      if (url) await external.open(url);
    }),
    vscode.commands.registerCommand(Commands.threads.reveal, async (node?: unknown) => {
      if (!isIssued(node) || (node as ThreadsNode).kind !== 'thread') return;
      const shown = controller.comments.byThreadId((node as Extract<ThreadsNode, { kind: 'thread' }>).known.thread.id);
      if (!shown) {
        void notify.info('This thread’s code is not in this workspace.');
        return;
      }
      const range = shown.widget.range ?? new vscode.Range(0, 0, 0, 0);
      await vscode.window.showTextDocument(shown.widget.uri, { selection: new vscode.Range(range.start, range.start) });
      shown.widget.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    }),
  );
}
