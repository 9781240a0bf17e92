import * as vscode from 'vscode';
import type { EndpointResult } from './core/github/endpoint';
import type { IndexState, IndexUpdateKind } from './core/engine/historyIndexManager';
import { CommunitiesFeature } from './vscode/communities/communitiesFeature';
import { communitiesTestApi, type CommunitiesTestApi } from './vscode/communities/communitiesTestApi';
import { DirectoryFeature } from './vscode/directory/directoryFeature';
import { ExpertsFeature } from './vscode/experts/expertsFeature';
import { OrgFeature } from './vscode/org/orgFeature';
import { orgTestApi, type OrgTestApi } from './vscode/org/orgTestApi';
import type { ExpertsNode, ExpertsViewState } from './vscode/experts/expertsView';
import type { IndexProgressReport } from './vscode/experts/indexController';
import { PatternsFeature } from './vscode/patterns/patternsFeature';
import { patternsTestApi, type PatternsTestApi } from './vscode/patterns/patternsTestApi';
import { onDidShowMessage } from './vscode/platform/notify';
import { ExtensionPlatform } from './vscode/platform/platform';
import { enablePromptTestHooks, promptsTestHooks } from './vscode/platform/prompts';
import { ThreadsController } from './vscode/threads/threadsController';
import { threadsTestApi, type ThreadsTestApi } from './vscode/threads/threadsTestApi';

/** What the extension exposes to its own integration tests, and only when it runs them. */
export interface ConstellationApi {
  experts: {
    viewNodes(): Promise<ExpertsNode[]>;
    groupChildren(node: ExpertsNode): ExpertsNode[];
    /** The Experts view's scope, description and how many rankings it started. */
    viewState(): ExpertsViewState;
    /** The description the Experts view shows beside a node. */
    viewDescription(node: ExpertsNode): string | undefined;
    indexState(repository: string): { state: IndexState; lastUpdate?: IndexUpdateKind };
    /** Each report of an index build's progress notification. */
    onDidReportIndexProgress: vscode.Event<IndexProgressReport>;
  };
  patterns: PatternsTestApi;
  threads: ThreadsTestApi;
  org: OrgTestApi;
  communities: CommunitiesTestApi;
  platform: {
    githubEndpoint(): EndpointResult;
    githubClientsCreated(): number;
    /** Addresses and links the extension refused to open, as they happen. */
    onDidRefuseLink: vscode.Event<string>;
    /** Every message shown to the person (error, warning, information), as shown: redacted. */
    onDidShowMessage: vscode.Event<string>;
    /** Input steps and modal choices: observed as shown, typed into and answered by the tests. */
    prompts: typeof promptsTestHooks;
    /** The repositories of the workspace, nested ones included. */
    discoverRepositories(): Promise<string[]>;
    /** Resolves true when the registry sees HEAD of the repository at `folder` move within `timeoutMs`. */
    whenHeadMoves(folder: string, timeoutMs: number): Promise<boolean>;
    /** What the host does at deactivation: dispose everything activation registered. */
    disposeForTests(): void;
  };
}

/** Builds the platform, then each feature on it; the host disposes everything through the subscriptions. */
export function activate(context: vscode.ExtensionContext): ConstellationApi | undefined {
  const platform = new ExtensionPlatform(context);
  const experts = new ExpertsFeature(platform);
  const patterns = new PatternsFeature(platform, experts);
  // The organisation (hub index, repositories by name): OrgApi, for features that span repositories.
  const org = new OrgFeature(platform, patterns);
  const threads = new ThreadsController(platform, experts, patterns);
  const communities = new CommunitiesFeature(platform, experts, patterns, threads, org);
  const directory = new DirectoryFeature(platform, experts);
  context.subscriptions.push(directory, communities, org, threads, patterns, experts, platform);
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  enablePromptTestHooks();
  return {
    experts: {
      viewNodes: () => experts.viewNodes(),
      groupChildren: (node) => experts.view.getChildren(node) as ExpertsNode[],
      viewState: () => experts.viewState(),
      viewDescription: (node) => {
        const description = experts.view.getTreeItem(node).description;
        return typeof description === 'string' ? description : undefined;
      },
      indexState: (repository) => experts.indexState(repository),
      onDidReportIndexProgress: experts.onDidReportIndexProgress,
    },
    patterns: patternsTestApi(patterns),
    threads: threadsTestApi(threads, (tokens) => platform.github.useTokenProviderForTests(tokens)),
    org: orgTestApi(org, platform.githubDirectory),
    communities: communitiesTestApi(communities),
    platform: {
      githubEndpoint: () => platform.github.endpoint(),
      githubClientsCreated: () => platform.github.clientsCreated,
      onDidRefuseLink: platform.external.onDidRefuse,
      onDidShowMessage,
      prompts: promptsTestHooks,
      discoverRepositories: async () => (await platform.repositories.discover()).repositories.map((r) => r.root),
      whenHeadMoves: async (folder, timeoutMs) => {
        const repository = await platform.repositories.open(folder);
        if (!repository) return false;
        return new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => { listener.dispose(); resolve(false); }, timeoutMs);
          const listener = repository.onDidChangeHead(() => { clearTimeout(timer); listener.dispose(); resolve(true); });
        });
      },
      disposeForTests: () => {
        for (const d of context.subscriptions.splice(0)) d.dispose();
      },
    },
  };
}
