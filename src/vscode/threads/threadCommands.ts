import * as vscode from 'vscode';
import type { ThreadsModule } from './registerThreads';
import type { StartThreadOptions } from './startThread';
import type { ThreadsNode } from './threadsView';

/** What `constellation.threads.start` returns (tests read it; the UI ignores it). */
export interface StartResult {
  draftUri: string;
  body: string;
  community: string;
}

function startOptions(arg: unknown): StartThreadOptions {
  // From the editor context menu VS Code passes the file's Uri: use the selection then.
  if (!arg || typeof arg !== 'object' || arg instanceof vscode.Uri) return {};
  const a = arg as Record<string, unknown>;
  const text = (k: string): string | undefined => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
  const line = (k: string): number | undefined => (typeof a[k] === 'number' && Number.isFinite(a[k]) ? (a[k] as number) : undefined);
  return {
    uri: text('uri'), startLine: line('startLine'), endLine: line('endLine'), expertEmail: text('expertEmail'), patternId: text('patternId'),
    community: text('community'), title: text('title'), question: text('question'),
  };
}

export function registerThreadCommands(module: ThreadsModule): vscode.Disposable {
  const untrusted = (): boolean => {
    if (vscode.workspace.isTrusted) return false;
    void vscode.window.showWarningMessage('Design threads need git, which Constellation does not run in an untrusted workspace.');
    return true;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('constellation.threads.start', async (arg?: unknown): Promise<StartResult | undefined> => {
      if (untrusted()) return undefined;
      const started = await module.start(startOptions(arg));
      return started && { draftUri: started.document.uri.toString(), body: started.preview.body, community: started.venue.community.id };
    }),
    vscode.commands.registerCommand('constellation.threads.post', async (uri?: vscode.Uri) => {
      const thread = await module.post(uri instanceof vscode.Uri ? uri : undefined);
      return thread && { id: thread.id, url: thread.url, backend: thread.backend };
    }),
    vscode.commands.registerCommand('constellation.threads.reply', async (reply: vscode.CommentReply) => {
      const shown = module.comments.find(reply.thread);
      if (!shown) return;
      await module.reply(shown.known.thread.id, reply.text);
    }),
    vscode.commands.registerCommand('constellation.threads.refresh', () => module.refresh()),
    vscode.commands.registerCommand('constellation.threads.retryDraft', async (node?: ThreadsNode) => {
      if (node?.kind === 'draft') await module.retryDraft(node.draft.id);
    }),
    vscode.commands.registerCommand('constellation.threads.discardDraft', async (node?: ThreadsNode) => {
      if (node?.kind !== 'draft') return;
      const answer = await vscode.window.showWarningMessage('Discard this draft? What you wrote is deleted.', { modal: true }, 'Discard');
      if (answer === 'Discard') await module.sender.discard(node.draft.id);
    }),
    vscode.commands.registerCommand('constellation.threads.openOnWeb', async (arg?: ThreadsNode | vscode.CommentThread) => {
      const url = arg && 'kind' in arg && arg.kind === 'thread' ? arg.known.thread.url : arg && 'uri' in arg ? module.comments.find(arg)?.known.thread.url : undefined;
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    vscode.commands.registerCommand('constellation.threads.reveal', async (node?: ThreadsNode) => {
      if (node?.kind !== 'thread') return;
      const shown = module.comments.byThreadId(node.known.thread.id);
      if (!shown) {
        void vscode.window.showInformationMessage('This thread’s code is not in this workspace.');
        return;
      }
      const range = shown.widget.range ?? new vscode.Range(0, 0, 0, 0);
      await vscode.window.showTextDocument(shown.widget.uri, { selection: new vscode.Range(range.start, range.start) });
      shown.widget.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    }),
  );
}
