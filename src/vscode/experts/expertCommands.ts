import * as vscode from 'vscode';
import { Commands, runCommand, type CodeTarget } from '../contracts';
import { isCodeTarget, targetAt } from './codeTarget';
import type { ExpertServices } from './expertServices';
import type { ExpertsNode, ExpertsViewProvider } from './expertsView';
import type { IndexController } from './indexController';
import { rankTarget } from './rankTarget';
import { notify } from '../platform/notify';
import { isExpertsScope } from '../../core/presentation/expertsViewModel';

const UNTRUSTED_MESSAGE = 'Constellation does not run git in an untrusted workspace. Trust this workspace to find experts.';

function expertFromArgs(args: unknown[]): { target?: CodeTarget; email?: string } {
  const [first, second] = args;
  const node = first as ExpertsNode | undefined;
  if (node && typeof node === 'object' && 'kind' in node && node.kind === 'expert') {
    return { target: isCodeTarget(node.target) ? node.target : undefined, email: node.expert.email };
  }
  return { target: isCodeTarget(first) ? first : undefined, email: typeof second === 'string' ? second : typeof first === 'string' ? first : undefined };
}

/** Registers the expert commands; the returned Disposable unregisters them all. */
export function registerExpertCommands(services: ExpertServices, view: ExpertsViewProvider, indexing: IndexController): vscode.Disposable {
  const focusView = (): Thenable<unknown> => runCommand(Commands.experts.focusView);
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.experts.whoKnows, async () => {
      if (!vscode.workspace.isTrusted) {
        void notify.warning(UNTRUSTED_MESSAGE);
        return undefined;
      }
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void notify.info('Open a file to see who knows its code.');
        return undefined;
      }
      const target = targetAt(editor.document, editor.selection.active, editor.selection);
      await indexing.trackDocument(editor.document.uri);
      view.showTarget(target);
      await focusView();
      return (await rankTarget(services, target)).ranking;
    }),
    vscode.commands.registerCommand(Commands.experts.rebuildIndex, async () => {
      if (!vscode.workspace.isTrusted) {
        void notify.warning(UNTRUSTED_MESSAGE);
        return;
      }
      const uri = vscode.window.activeTextEditor?.document.uri;
      const current = uri ? await services.platform.repositories.locate(uri) : undefined;
      const repositories = current ? [current.repository.root] : services.platform.repositories.known().map((r) => r.root);
      if (repositories.length === 0) {
        void notify.info('Open a file in a git repository to index its history.');
        return;
      }
      for (const repository of repositories) await indexing.refresh(repository, { rebuild: true, notify: true });
      view.refresh();
    }),
    vscode.commands.registerCommand(Commands.experts.refreshView, () => view.refresh()),
    vscode.commands.registerCommand(Commands.experts.showAll, async (target: unknown) => {
      if (isCodeTarget(target)) view.showTarget(target, { showAll: true });
      await focusView();
    }),
    vscode.commands.registerCommand(Commands.experts.showScope, async (scope: unknown) => {
      await view.chooseScope(isExpertsScope(scope) ? scope : undefined);
      return view.scope;
    }),
    vscode.commands.registerCommand(Commands.experts.copyEmail, async (...args: unknown[]) => {
      const { email } = expertFromArgs(args);
      if (!email) return;
      await vscode.env.clipboard.writeText(email);
      vscode.window.setStatusBarMessage(`Copied ${email}`, 3000);
    }),
    vscode.commands.registerCommand(Commands.experts.askInThread, async (...args: unknown[]) => {
      const { target, email } = expertFromArgs(args);
      // Design threads (src/vscode/threads) compose, preview and post the question.
      return runCommand(Commands.threads.start, { uri: target?.uri, startLine: target?.startLine, endLine: target?.endLine, expertEmail: email });
    }),
  );
}
