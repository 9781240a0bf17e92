/**
 * Experts of code you don't have cloned: on an import of a package another repository publishes
 * (`import … from '@acme/http'`, `require()`, Go and Python imports), the people who know that
 * package's source, from the hub index. Uses only what is already loaded: if the hub is not open
 * yet it starts loading and shows nothing; a shard not cached yet is fetched in the background
 * while the hover gives up after a small budget (the next hover has it).
 */
import * as vscode from 'vscode';
import { importAt, importLanguageOf, packageKeysForImport, whoKnows, type ImportReference, type OrgExpert } from '../../core/hub';
import type { Logger } from '../../core/logger';
import { formatOrgExpertsHover } from '../../core/presentation/orgExpertsMarkdown';
import { withinBudget } from '../../core/util/withinBudget';
import { Commands, commandLink, type CodeTarget, type PersonToAsk } from '../contracts';
import { readExpertSettings } from '../experts/expertSettings';
import { LINK_COMMAND_IDS } from '../platform/links';
import type { HubService } from './hubService';
import type { OrgContext } from './orgContext';

/** The hover never waits longer than this for the hub to answer. */
export const HOVER_BUDGET_MS = 300;
/** Like the experts hover: a big directory.yml parsed in the background holds it this long at most. */
export const DIRECTORY_WAIT_MS = 250;
/** Lines before the hovered one that may hold the start of its import statement (Go import blocks). */
const LINES_BEFORE = 200;

export const IMPORT_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'vue', 'svelte', 'go', 'python'];

/** The import under the cursor, with its line numbers in the whole document. */
export function importUnder(document: vscode.TextDocument, position: vscode.Position): ImportReference | undefined {
  const language = importLanguageOf(document.languageId) ?? importLanguageOf(document.fileName);
  if (!language) return undefined;
  const first = Math.max(0, position.line - LINES_BEFORE);
  const last = Math.min(document.lineCount - 1, position.line + 2);
  const text = document.getText(new vscode.Range(first, 0, last, Number.MAX_SAFE_INTEGER));
  const found = importAt(text, language, position.line - first, position.character);
  return found && { ...found, line: found.line + first };
}

export function personToAsk(expert: OrgExpert): PersonToAsk {
  return { name: expert.name, ...(expert.email ? { email: expert.email } : {}), ...(expert.login ? { login: expert.login } : {}), ...(expert.placement.team ? { team: expert.placement.team.name } : {}) };
}

export class ImportExpertsHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly hub: HubService,
    private readonly context: (uri: vscode.Uri, options: { directoryWaitMs?: number }) => Promise<OrgContext>,
    private readonly logger: Logger,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readExpertSettings();
    if (!settings.enableHover) return undefined;
    const ref = importUnder(document, position);
    if (!ref) return undefined;
    const keys = packageKeysForImport(ref.language, ref.specifier);
    if (keys.length === 0) return undefined;
    const index = this.hub.current();
    // Not a package any repository of the hub publishes: nothing to fetch, nothing to show.
    if (!index || !keys.some((key) => Object.prototype.hasOwnProperty.call(index.packages, key))) return undefined;
    try {
      const answer = await withinBudget((async () => {
        const { directory, you } = await this.context(document.uri, { directoryWaitMs: DIRECTORY_WAIT_MS });
        return whoKnows(index, { kind: 'import', language: ref.language, specifier: ref.specifier }, { directory, you, limit: settings.hoverCount });
      })(), HOVER_BUDGET_MS);
      if (!answer || token.isCancellationRequested) return undefined;
      const target: CodeTarget = { uri: document.uri.toString(), startLine: ref.line + 1, endLine: ref.line + 1 };
      const text = formatOrgExpertsHover(answer, {
        specifier: ref.specifier,
        count: settings.hoverCount,
        askLink: (expert) => commandLink(Commands.org.ask, personToAsk(expert), target, ref.specifier),
        copyEmailLink: (email) => commandLink(Commands.experts.copyEmail, email),
        searchLink: commandLink(Commands.org.whoKnows, ref.specifier),
        source: this.hub.repository(),
      });
      if (!text) return undefined;
      const markdown = new vscode.MarkdownString(text, true);
      markdown.isTrusted = { enabledCommands: LINK_COMMAND_IDS };
      return new vscode.Hover(markdown, new vscode.Range(ref.line, ref.startColumn, ref.line, ref.endColumn));
    } catch (err) {
      if (!token.isCancellationRequested) this.logger.warn(`import hover failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}
