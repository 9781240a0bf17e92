import * as vscode from 'vscode';
import { commandUri, formatExpertsHover } from '../../core/presentation/expertsMarkdown';
import { LINK_COMMAND_IDS } from '../platform/links';
import { toAbortSignal } from '../platform/cancellation';
import type { CommunityRolesSlot } from './communityRolesSlot';
import { readExpertSettings } from './expertSettings';
import { targetAt, targetRange } from './codeTarget';
import type { ExpertServices } from './expertServices';
import type { IndexController } from './indexController';
import { rankTarget } from './rankTarget';

/** Shows who knows the hovered block. Formats what is known; never waits for an index build. */
export class ExpertHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: ExpertServices, private readonly indexing: IndexController, private readonly communityRoles?: CommunityRolesSlot) {}

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
        communityRoles: this.communityRoles && ((email) => this.communityRoles?.describe(email)),
      });
      if (!text) return undefined;
      const markdown = new vscode.MarkdownString(text, true);
      // The links of every Markdown we render share one allow-list of read-only commands.
      markdown.isTrusted = { enabledCommands: LINK_COMMAND_IDS };
      return new vscode.Hover(markdown, targetRange(target));
    } catch (err) {
      if (!token.isCancellationRequested) this.services.platform.logger.warn(`hover failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    } finally {
      cancel.dispose();
    }
  }
}
