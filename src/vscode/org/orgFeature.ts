/**
 * The whole organisation in the editor: the hub index (experts of imported packages in the hover,
 * "Who Knows…?" across every repository), the workspace's repositories by the names code areas
 * use, and the hub's figures for code areas that span repositories (for the communities feature).
 */
import * as vscode from 'vscode';
import type { CodeArea } from '../../core/communities/communityTypes';
import type { WorkspaceRepository } from '../../core/engine/multiRepoExperts';
import { communityHubActivity } from '../../core/hub/communityContext';
import { whoKnows, type HubAreaActivity, type OrgExpert, type WhoKnowsAnswer, type WhoKnowsQuery } from '../../core/hub';
import { tagged, type Logger } from '../../core/logger';
import { Commands, isCodeTarget, isPersonToAsk, runCommand, type CodeTarget, type PersonToAsk } from '../contracts';
import type { PatternsApi } from '../patterns/patternsApi';
import { Disposable } from '../platform/disposable';
import { notify } from '../platform/notify';
import type { Platform } from '../platform/platform';
import { HubService, type HubStatus } from './hubService';
import type { HubActivityOptions, OrgApi } from './orgApi';
import { IMPORT_LANGUAGES, ImportExpertsHoverProvider, personToAsk } from './importHover';
import { orgContext } from './orgContext';
import { WhoKnowsPicker, type PersonAction } from './whoKnowsPicker';

export type { HubActivityOptions, OrgApi } from './orgApi';

export class OrgFeature extends Disposable implements OrgApi {
  readonly hub: HubService;
  readonly onDidChangeHub: vscode.Event<void>;
  private readonly logger: Logger;
  /** The picker on screen, for the extension's tests. */
  picker: WhoKnowsPicker | undefined;

  constructor(private readonly platform: Platform, private readonly patterns?: PatternsApi) {
    super();
    this.logger = tagged(platform.logger, 'org');
    this.hub = this.register(new HubService(platform.github, platform.repositories, platform.storagePath, this.logger));
    this.onDidChangeHub = this.hub.onDidChange;
    const hover = new ImportExpertsHoverProvider(this.hub, (uri, options) => orgContext(platform, uri, options), this.logger);
    this.register(vscode.languages.registerHoverProvider(IMPORT_LANGUAGES.map((language) => ({ scheme: 'file', language })), hover));
    this.register(vscode.commands.registerCommand(Commands.org.whoKnows, (query?: unknown) => this.showWhoKnows(typeof query === 'string' ? query : undefined)));
    this.register(vscode.commands.registerCommand(Commands.org.ask, (person?: unknown, target?: unknown, topic?: unknown) => {
      if (!isPersonToAsk(person)) return undefined;
      return this.ask(person, isCodeTarget(target) ? target : undefined, typeof topic === 'string' ? topic : undefined);
    }));
    this.register(vscode.commands.registerCommand(Commands.org.signIn, async () => {
      if (await platform.github.signIn()) await Promise.all([platform.githubDirectory.refresh(), this.hub.refresh()]);
    }));
  }

  async repositories(): Promise<WorkspaceRepository[]> {
    const { repositories } = await this.platform.repositories.discover();
    return Promise.all(repositories.map(async (r) => ({ root: r.root, name: (await r.identity()).name })));
  }

  hubStatus(): HubStatus {
    return this.hub.status();
  }

  async hubActivity(areas: readonly CodeArea[], options: HubActivityOptions = {}): Promise<HubAreaActivity | undefined> {
    const index = options.wait ? await this.hub.load() : this.hub.current();
    if (!index) return undefined;
    // The report's home, not the active editor's repository: the page's teams and the hub's relationships agree.
    const fallback = options.home ? undefined : (await this.platform.repositories.discover()).repositories[0];
    const platform = this.platform;
    const context = {
      directories: platform.directory,
      userEmail: async (root: string) => (await platform.repositories.open(root))?.userEmail(),
      ...(platform.github.accountLabel ? { login: platform.github.accountLabel } : {}),
    };
    return communityHubActivity(index, areas, context, { ...(options.home ? { home: options.home } : {}), ...(fallback ? { fallback } : {}), ...(options.skipRepositories ? { skipRepositories: options.skipRepositories } : {}) });
  }

  /** The answer "Who Knows…?" shows for what was typed, or why there is none. */
  async search(text: string): Promise<WhoKnowsAnswer | string> {
    if (!this.hub.repository()) return 'Set constellation.hub.repository to the hub repository of your organisation to search it.';
    const index = await this.hub.load();
    if (!index) return `The hub index ${this.hub.repository()} is unavailable: ${this.hub.status().message ?? 'see the Constellation log'}`;
    const { directory, you } = await orgContext(this.platform, vscode.window.activeTextEditor?.document.uri);
    return whoKnows(index, this.queryOf(text), { directory, you, limit: 20 });
  }

  showWhoKnows(query?: string): WhoKnowsPicker {
    this.picker?.dispose();
    const picker = new WhoKnowsPicker(
      (text) => this.search(text),
      (expert, action, asked) => this.onPersonAction(expert, action, asked),
      () => vscode.commands.executeCommand('workbench.action.openSettings', 'constellation.hub.repository'),
    );
    this.picker = picker;
    picker.pick.onDidHide(() => { if (this.picker === picker) this.picker = undefined; });
    picker.show(query);
    return picker;
  }

  /** Opens a design thread draft asking the person (about the import's line when there is one). */
  ask(person: PersonToAsk, target?: CodeTarget, topic?: string, community?: string): Thenable<unknown> {
    return runCommand(Commands.threads.start, {
      ...(target ? { uri: target.uri, startLine: target.startLine, endLine: target.endLine } : {}),
      expert: person,
      ...(topic ? { title: `Question about ${topic}` } : {}),
      ...(community ? { community } : {}),
    });
  }

  /** A pattern (id or title) asks about the files it applies to; anything else is read by the hub's query rules. */
  private queryOf(text: string): WhoKnowsQuery {
    const wanted = text.trim();
    const catalogue = this.patterns?.catalogue();
    const pattern = catalogue?.byId(wanted) ?? catalogue?.patterns.find((p) => p.title.toLowerCase() === wanted.toLowerCase());
    if (pattern && pattern.appliesTo.files.length > 0) return { kind: 'area', label: `pattern "${pattern.title}"`, areas: pattern.appliesTo.files.map((glob) => ({ glob })) };
    return { kind: 'text', text: wanted };
  }

  private async onPersonAction(expert: OrgExpert, action: PersonAction, query: string): Promise<void> {
    if (action === 'copyEmail' && expert.email) {
      await vscode.env.clipboard.writeText(expert.email);
      vscode.window.setStatusBarMessage(`Copied ${expert.email}`, 3000);
      return;
    }
    if (action === 'ask') {
      try {
        await this.ask(personToAsk(expert), undefined, query);
      } catch (err) {
        void notify.error(`Could not start a thread: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
