import * as path from 'path';
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { tagged } from '../../core/logger';
import { DraftStore } from '../../core/threads/drafts';
import type { Thread, ThreadComment } from '../../core/threads/threadTypes';
import type { ExpertsModule } from '../experts/registerExperts';
import type { PatternsApi } from '../patterns/patternsApi';
import { AnchorPlacer } from './anchorPlacer';
import { BackendProvider } from './backends';
import { CommunitiesController } from './communities';
import { ComposeDocuments } from './draftDocuments';
import { DraftSender } from './draftSender';
import { postComposeDocument, postReply } from './postThread';
import { RepositoryInfoCache, sameRemote } from './repositories';
import { startThread, type StartedThread, type StartThreadOptions } from './startThread';
import { registerThreadCommands } from './threadCommands';
import { ThreadComments } from './threadComments';
import { readThreadSettings } from './threadSettings';
import { ThreadsService } from './threadsService';
import { ThreadsViewProvider } from './threadsView';
import { VscodeTokenProvider, type TokenProvider } from './tokenProvider';

export interface ThreadsModule extends vscode.Disposable {
  threads: ThreadsService;
  comments: ThreadComments;
  view: ThreadsViewProvider;
  sender: DraftSender;
  start(options: StartThreadOptions): Promise<StartedThread | undefined>;
  post(uri?: vscode.Uri): Promise<Thread | undefined>;
  reply(threadId: string, text: string): Promise<ThreadComment | undefined>;
  retryDraft(id: string): Promise<boolean>;
  /** Re-lists every venue, then re-places the comment threads. */
  refresh(): Promise<void>;
  /**
   * Test-only (not in ExtensionMode.Production): tokens from `tokens` instead of VS Code's GitHub session,
   * because the consent dialog of `getSession` cannot be answered in the test host.
   */
  useTokenProviderForTests(tokens: TokenProvider): Promise<void>;
}

/** Issue #5: design threads about code, in community venues, shown again next to the code. */
export function registerThreads(context: vscode.ExtensionContext, baseLogger: Logger, experts: ExpertsModule, patterns?: PatternsApi, tokens?: TokenProvider): ThreadsModule {
  const logger = tagged(baseLogger, 'threads');
  // One git runner for the extension, so identical calls from features are shared.
  const { git } = experts.services;
  const disposables: vscode.Disposable[] = [];
  const own = <T extends vscode.Disposable>(d: T): T => (disposables.push(d), d);
  const tokenProvider = tokens ?? own(new VscodeTokenProvider());
  const roots = async (): Promise<string[]> => {
    if (!vscode.workspace.isTrusted) return [];
    const found = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => experts.services.resolver.repositoryOf(f.uri.fsPath)));
    return [...new Set(found.filter((r) => r !== undefined).map((r) => r.root))];
  };
  const repositories = new RepositoryInfoCache(git);
  const communities = own(new CommunitiesController(logger));
  const backends = own(new BackendProvider(tokenProvider, logger));
  const threads = own(new ThreadsService(communities, backends, roots, logger));
  const placer = new AnchorPlacer(git, repositories, roots, logger);
  const comments = own(new ThreadComments(placer));
  const compose = own(new ComposeDocuments());
  const drafts = new DraftStore({ dir: path.join(context.globalStorageUri.fsPath, 'thread-drafts'), logger });
  const sender = own(new DraftSender(drafts, backends, threads));
  const view = own(
    new ThreadsViewProvider({
      threads,
      drafts: () => drafts.list(),
      activeFile: async () => {
        const uri = vscode.window.activeTextEditor?.document.uri;
        const location = uri && (await experts.services.resolver.locate(uri));
        if (!location) return undefined;
        const info = await repositories.get(location.repository);
        return { path: location.relativePath, remoteMatches: (remote) => sameRemote(info, remote) };
      },
      me: async () => {
        const people = await Promise.all((await roots()).map(async (r) => (await repositories.get(r)).me));
        return backends.githubAccount ? [...people, { login: backends.githubAccount }] : people;
      },
    }),
  );

  let syncing = Promise.resolve();
  const sync = (): Promise<void> => (syncing = syncing.then(() => comments.sync(threads.all())).catch((err) => logger.warn(`threads not placed: ${String(err)}`)));
  let pending: NodeJS.Timeout | undefined;
  const syncSoon = (): void => {
    clearTimeout(pending);
    pending = setTimeout(() => void sync(), 300);
  };
  const refresh = async (): Promise<void> => {
    await threads.refresh();
    await sync();
    view.refresh();
  };
  own(threads.onDidChange(() => { syncSoon(); view.refresh(); }));
  own(sender.onDidChangeDrafts(() => view.refresh()));
  own(communities.onDidChange(() => void refresh()));
  own(vscode.window.onDidChangeActiveTextEditor(() => view.refresh()));
  own(vscode.workspace.onDidSaveTextDocument(async (document) => {
    const location = await experts.services.resolver.locate(document.uri);
    if (location) placer.invalidate(location.repository);
    syncSoon();
  }));
  const gitState = own(vscode.workspace.createFileSystemWatcher('**/.git/{HEAD,config}'));
  const headMoved = (): void => {
    placer.invalidate();
    repositories.invalidate();
    syncSoon();
  };
  own(gitState.onDidChange(headMoved));
  own(gitState.onDidCreate(headMoved));
  own(vscode.workspace.onDidGrantWorkspaceTrust(() => void refresh()));

  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    clearInterval(timer);
    timer = setInterval(() => void refresh(), readThreadSettings().refreshMinutes * 60_000);
  };
  own(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('constellation.threads.refreshMinutes')) schedule();
    if (e.affectsConfiguration('constellation.github')) void refresh();
  }));
  own(tokenProvider.onDidChange(() => void refresh()));
  own({ dispose: () => { clearInterval(timer); clearTimeout(pending); } });

  const deps = { experts, git, patterns, repositories, communities, threads, compose, logger, sender };
  const module: ThreadsModule = {
    threads, comments, view, sender,
    start: (options) => startThread(deps, options),
    post: (uri) => postComposeDocument(deps, uri),
    reply: async (threadId, text) => {
      const shown = comments.byThreadId(threadId);
      const known = shown?.known ?? threads.all().find((t) => t.thread.id === threadId);
      return known ? postReply(deps, known.entry, threadId, text) : undefined;
    },
    retryDraft: async (id) => {
      const result = await sender.send(id);
      if (result) await refresh();
      return result !== undefined;
    },
    refresh,
    useTokenProviderForTests: async (testTokens) => {
      if (context.extensionMode === vscode.ExtensionMode.Production) throw new Error('only extension tests may replace the GitHub token provider');
      backends.setTokenProvider(testTokens);
      own(testTokens.onDidChange(() => void refresh()));
      await refresh();
    },
    dispose: () => {
      vscode.Disposable.from(...disposables.reverse()).dispose();
    },
  };
  own(vscode.window.createTreeView('constellation.threads', { treeDataProvider: view, showCollapseAll: true }));
  own(vscode.languages.registerCodeLensProvider({ language: 'markdown', scheme: 'untitled' }, compose));
  own(registerThreadCommands(module));
  schedule();
  void refresh();
  return module;
}
