import * as vscode from 'vscode';
import { commandUri, formatExpertsHover } from '../../core/presentation/expertsMarkdown';
import { toAbortSignal } from '../cancellation';
import { readExpertSettings } from '../settings';
import { targetAt, targetRange } from './codeTarget';
import type { ExpertServices } from './expertServices';
import type { IndexController } from './indexController';
import { rankTarget } from './rankTarget';

/** Commands the hover's links may run; nothing else is trusted. */
export const HOVER_COMMANDS = ['constellation.experts.askInThread', 'constellation.experts.copyEmail', 'constellation.experts.showAll'];

/** Shows who knows the hovered block. Formats what is known; never waits for an index build. */
export class ExpertHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: ExpertServices, private readonly indexing: IndexController) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readExpertSettings();
    if (!settings.enableHover || !vscode.workspace.isTrusted || document.uri.scheme !== 'file') return undefined;
    const editor = vscode.window.activeTextEditor;
    const selection = editor?.document === document ? editor.selection : undefined;
    const target = targetAt(document, position, selection);
    const cancel = toAbortSignal(token);
    try {
      // A big directory.yml is parsed in the background: the hover waits for it a moment at most.
      const { ranking, repository, indexing } = await rankTarget(this.services, target, { signal: cancel.signal, directoryWaitMs: 250 });
      if (!repository || token.isCancellationRequested) return undefined;
      if (!ranking) void this.indexing.trackDocument(document.uri);
      const text = formatExpertsHover(ranking, {
        crossTeamFirst: settings.crossTeamFirst,
        count: settings.hoverCount,
        commandLink: commandUri,
        target,
        indexing: indexing || !ranking,
      });
      if (!text) return undefined;
      const markdown = new vscode.MarkdownString(text, true);
      markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
      return new vscode.Hover(markdown, targetRange(target));
    } catch (err) {
      if (!token.isCancellationRequested) this.services.logger.warn(`hover failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    } finally {
      cancel.dispose();
    }
  }
}
