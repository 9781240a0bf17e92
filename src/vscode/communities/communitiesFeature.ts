/**
 * Communities of practice in the editor: the Communities view, the community page (with Join), the
 * constellation map, My participation, and which community an expert is core to in the experts'
 * hover and view; for code areas on repositories not cloned here, figures from the hub index.
 * Stands on the platform and on the experts, patterns, threads and org features' narrow APIs only.
 */
import * as vscode from 'vscode';
import { tagged } from '../../core/logger';
import type { ExpertsApi } from '../experts/expertsFeature';
import type { OrgApi } from '../org/orgApi';
import type { PatternsApi } from '../patterns/patternsApi';
import { affects } from '../platform/configuration';
import { Disposable } from '../platform/disposable';
import type { Platform } from '../platform/platform';
import type { ThreadsApi } from '../threads/threadsApi';
import { Commands } from '../contracts';
import { registerCommunityCommands } from './communityCommands';
import { CommunitiesViewProvider } from './communitiesView';
import { CommunityPanels } from './communityPanels';
import { CommunityHubFiguresService } from './hubFiguresService';
import { CommunityReportService, COMMUNITIES_VIEW_ID } from './reportService';
import { communityRolesOf } from './rolesProvider';

/** Context key: some repository of the workspace has a communities.yml (the view's welcome needs it). */
const CONFIGURED_KEY = 'constellation.communities.configured';
/** The first report waits for the editor to settle after start-up. */
const STARTUP_DELAY_MS = 2000;

export class CommunitiesFeature extends Disposable {
  readonly service: CommunityReportService;
  readonly view: CommunitiesViewProvider;
  readonly panels: CommunityPanels;
  readonly hub: CommunityHubFiguresService;
  private readonly treeView: vscode.TreeView<unknown>;
  private configured = false;

  constructor(private readonly platform: Platform, experts: ExpertsApi, patterns: PatternsApi, private readonly threads: ThreadsApi, org: OrgApi) {
    super();
    const logger = tagged(platform.logger, 'communities');
    const registry = platform.repositories;
    const service = this.register(new CommunityReportService({ platform, experts, patterns, threads }, logger, () => this.wanted()));
    this.service = service;
    this.hub = this.register(new CommunityHubFiguresService(org, service, logger));
    const hub = { get: (id: string) => this.hub.get(id), onDidChange: this.hub.onDidChange };
    this.view = this.register(new CommunitiesViewProvider(service, registry, hub));
    this.treeView = this.register(vscode.window.createTreeView(COMMUNITIES_VIEW_ID, { treeDataProvider: this.view, showCollapseAll: true }));
    this.panels = this.register(new CommunityPanels({
      extensionUri: platform.extensionUri,
      service,
      meEmails: () => this.meEmails(),
      external: platform.external,
      logger,
      createConfig: () => Promise.resolve(vscode.commands.executeCommand(Commands.communities.createConfig)),
      hub,
    }));
    this.register(registerCommunityCommands({ service, panels: this.panels, registry, external: platform.external }));

    const invalidate = (): void => service.invalidate();
    this.register(registry.onDidChangeHead(invalidate));
    this.register(registry.onDidAddRepository(invalidate));
    this.register(registry.onDidChangeConfig(invalidate));
    this.register(threads.onDidChangeThreads(invalidate));
    this.register(threads.onDidChangeCommunities(() => { void this.updateConfigured(); invalidate(); }));
    this.register(patterns.onDidChangeCatalogue(invalidate));
    this.register(platform.directory.onDidChange(invalidate));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'communities.windowDays', 'experts.formerAfterDays', 'experts.extraBots')) invalidate(); }));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => { void this.updateConfigured(); invalidate(); }));
    this.register(this.treeView.onDidChangeVisibility((e) => { if (e.visible) invalidate(); }));
    this.register(service.onDidChange(() => {
      const snapshot = service.snapshot();
      experts.setCommunityRoles(snapshot ? communityRolesOf(snapshot) : undefined);
      if (snapshot) void this.setConfigured(snapshot.configFiles.length > 0);
    }));
    this.register({ dispose: () => experts.setCommunityRoles(undefined) });

    const startup = setTimeout(() => {
      void this.updateConfigured().then(() => { if (this.wanted()) void service.refresh(false); });
    }, STARTUP_DELAY_MS);
    this.register({ dispose: () => clearTimeout(startup) });
  }

  /** Background work only when someone can see it: declared communities (the hover), the view, a page. */
  private wanted(): boolean {
    return vscode.workspace.isTrusted && (this.configured || this.treeView.visible || this.panels.openPages() > 0);
  }

  /** My git identities: user.email of every repository the report covers. */
  async meEmails(): Promise<string[]> {
    const roots = this.service.snapshot()?.repositories.map((r) => r.root) ?? (await this.platform.repositories.workspaceRepositories()).map((r) => r.root);
    const emails = await Promise.all(roots.map(async (root) => (await this.platform.repositories.open(root))?.userEmail()));
    return [...new Set(emails.filter((e): e is string => !!e))];
  }

  private async updateConfigured(): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const roots = (await this.platform.repositories.discover()).repositories.map((r) => r.root);
    const configs = await this.threads.communityConfigs(roots);
    await this.setConfigured(configs.some((c) => c.file));
  }

  private async setConfigured(value: boolean): Promise<void> {
    if (this.configured === value) return;
    this.configured = value;
    await vscode.commands.executeCommand('setContext', CONFIGURED_KEY, value);
  }
}
