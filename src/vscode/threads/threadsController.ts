/** Design threads about code, in community venues, shown again next to the code (issue #5). */
import * as path from 'path';
import * as vscode from 'vscode';
import { tagged, type Logger } from '../../core/logger';
import { DraftStore } from '../../core/threads/drafts';
import type { Thread, ThreadComment } from '../../core/threads/threadTypes';
import { Debouncer } from '../../core/util/debounce';
import type { ExpertsApi } from '../experts/expertsFeature';
import type { PatternsApi } from '../patterns/patternsApi';
import { readPatternSettings } from '../patterns/patternSettings';
import { affects, setting } from '../platform/configuration';
import { Disposable } from '../platform/disposable';
import type { Platform } from '../platform/platform';
import type { GitRepository } from '../platform/repositories';
import { AnchorPlacer } from './anchorPlacer';
import { BackendProvider } from './backends';
import { CommunitiesController } from './communities';
import { ComposeDocuments } from './draftDocuments';
import { DraftSender } from './draftSender';
import { cancelDraftDocument, keepClosedDraft, openKeptDraft, type KeptDraftDeps } from './keptDrafts';
import { postComposeDocument, postReply, type PostDeps } from './postThread';
import { repositoryInfo, sameRemote } from './repositories';
import { startThread, type StartedThread, type StartThreadDeps, type StartThreadOptions } from './startThread';
import { registerThreadCommands } from './threadCommands';
import { ThreadComments } from './threadComments';
import { ThreadsService } from './threadsService';
import type { CommunityConfig, ThreadsApi, VenueThreads } from './threadsApi';
import { ThreadsViewProvider } from './threadsView';

export class ThreadsController extends Disposable implements ThreadsApi {
  readonly threads: ThreadsService;
  readonly comments: ThreadComments;
  readonly view: ThreadsViewProvider;
  readonly sender: DraftSender;
  readonly compose: ComposeDocuments;
  readonly onDidChangeThreads: vscode.Event<void>;
  readonly onDidChangeCommunities: vscode.Event<void>;
  private readonly communities: CommunitiesController;
  private readonly placer: AnchorPlacer;
  private readonly logger: Logger;
  private readonly deps: StartThreadDeps & PostDeps;
  private readonly placing = this.register(new Debouncer(300));
  private syncing = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(platform: Platform, experts: ExpertsApi, patterns?: PatternsApi) {
    super();
    const logger = tagged(platform.logger, 'threads');
    this.logger = logger;
    const registry = platform.repositories;
    // Every repository of the workspace, nested clones too: their communities, venues and anchors.
    const roots = async (): Promise<GitRepository[]> => (await registry.discover()).repositories;
    const rootPaths = async (): Promise<string[]> => (await roots()).map((r) => r.root);
    const communities = this.register(new CommunitiesController(logger));
    this.communities = communities;
    this.onDidChangeCommunities = communities.onDidChange;
    const backends = new BackendProvider(platform.github, logger);
    this.threads = this.register(new ThreadsService(communities, backends, rootPaths, logger));
    this.onDidChangeThreads = this.threads.onDidChange;
    this.placer = new AnchorPlacer(registry, roots, logger);
    this.comments = this.register(new ThreadComments(this.placer));
    this.compose = this.register(new ComposeDocuments((session, text) => keepClosedDraft(this.keptDeps(), session, text).catch((err: unknown) => {
      logger.error(`an unposted draft could not be kept: ${err instanceof Error ? err.message : String(err)}`);
    })));
    const drafts = new DraftStore({ dir: path.join(platform.storagePath, 'thread-drafts'), logger });
    this.sender = this.register(new DraftSender(drafts, backends));
    this.view = this.register(new ThreadsViewProvider({
      threads: this.threads,
      drafts: () => drafts.list(),
      activeFile: async () => {
        const uri = vscode.window.activeTextEditor?.document.uri;
        const location = uri && (await registry.locate(uri));
        if (!location) return undefined;
        const info = await repositoryInfo(location.repository);
        return { path: location.relativePath, remoteMatches: (remote) => sameRemote(info, remote) };
      },
      me: async () => {
        const people = await Promise.all((await roots()).map(async (r) => (await repositoryInfo(r)).me));
        return backends.githubAccount ? [...people, { login: backends.githubAccount }] : people;
      },
      openDrafts: () => this.compose.list().map((d) => ({ uri: d.uri.toString(), title: d.title, community: d.session.entry.community.name })),
      placed: (threadId) => {
        const shown = this.comments.byThreadId(threadId);
        const range = shown?.widget.range;
        return shown && range ? { path: shown.placement.mapped.path, startLine: range.start.line + 1, endLine: range.end.line + 1 } : undefined;
      },
    }));
    this.deps = {
      experts, patterns, registry, communities, threads: this.threads, compose: this.compose, logger, sender: this.sender, external: platform.external,
      githubWeb: () => readPatternSettings().githubWeb,
    };

    this.register(this.threads.onDidChange(() => { this.placeSoon(); this.view.refresh(); }));
    this.register(this.sender.onDidChangeDrafts(() => this.view.refresh()));
    this.register(this.compose.onDidChangeSessions(() => this.view.refresh()));
    this.register(communities.onDidChange(() => void this.refresh()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.view.refresh()));
    this.register(vscode.workspace.onDidSaveTextDocument(async (document) => {
      const location = await registry.locate(document.uri);
      if (location) this.placer.invalidate(location.repository.root);
      this.placeSoon();
    }));
    // One watcher per repository, in its own git dir: right for linked worktrees and submodules too.
    this.register(registry.onDidChangeHead((repository) => {
      this.placer.invalidate(repository.root);
      this.placeSoon();
    }));
    this.register(registry.onDidChangeConfig(() => {
      this.placer.invalidate();
      this.placeSoon();
      this.view.refresh();
    }));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'threads.refreshMinutes')) this.schedule();
    }));
    this.register(platform.github.onDidChange(() => void this.refresh()));
    this.register({ dispose: () => clearInterval(this.timer) });
    this.register(vscode.window.createTreeView('constellation.threads', { treeDataProvider: this.view, showCollapseAll: true }));
    this.register(vscode.languages.registerCodeLensProvider({ language: 'markdown', scheme: 'untitled' }, this.compose));
    this.register(registerThreadCommands(this, platform.external));
    this.schedule();
    void this.refresh();
  }

  async communityConfigs(roots: readonly string[]): Promise<CommunityConfig[]> {
    const loaded = await Promise.all(roots.map((root) => this.communities.forRepository(root)));
    return loaded.map((r) => ({ root: r.root, communities: r.index.communities, ...(r.file ? { file: r.file } : {}) }));
  }

  venueThreads(): VenueThreads[] {
    const byVenue = new Map<string, VenueThreads & { threads: Thread[] }>();
    for (const { thread, entry } of this.threads.all()) {
      const key = `${entry.community.id}\0${entry.root}`;
      let venue = byVenue.get(key);
      if (!venue) byVenue.set(key, (venue = { community: entry.community.id, root: entry.root, threads: [] }));
      venue.threads.push(thread);
    }
    return [...byVenue.values()];
  }

  start(options: StartThreadOptions): Promise<StartedThread | undefined> {
    return startThread(this.deps, options);
  }

  post(uri?: vscode.Uri): Promise<Thread | undefined> {
    return postComposeDocument(this.deps, uri);
  }

  async reply(threadId: string, text: string): Promise<ThreadComment | undefined> {
    const known = this.comments.byThreadId(threadId)?.known ?? this.threads.all().find((t) => t.thread.id === threadId);
    return known ? postReply(this.deps, known.entry, threadId, text) : undefined;
  }

  cancelDraft(uri?: vscode.Uri): Promise<'closed' | 'kept' | 'discarded' | undefined> {
    return cancelDraftDocument(this.keptDeps(), uri);
  }

  async openDraft(id: string): Promise<boolean> {
    const draft = await this.sender.drafts.get(id);
    return !!draft && (await openKeptDraft(this.keptDeps(), draft)) !== undefined;
  }

  private keptDeps(): KeptDraftDeps {
    return { compose: this.compose, sender: this.sender, threads: this.threads };
  }

  async retryDraft(id: string): Promise<boolean> {
    const result = await this.sender.send(id);
    if (result) await this.refresh();
    return result !== undefined;
  }

  /** Re-lists every venue, then re-places the comment threads. */
  async refresh(): Promise<void> {
    await this.threads.refresh();
    await this.place();
    this.view.refresh();
  }

  /** Places the comment threads (one placement at a time); resolves when this one is done. The view shows the lines placed. */
  place(): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.comments.sync(this.threads.all()))
      .then(() => this.view.refresh())
      .catch((err) => this.logger.warn(`threads not placed: ${String(err)}`));
    return this.syncing;
  }

  private placeSoon(): void {
    this.placing.schedule(() => void this.place());
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh(), Math.max(1, setting('threads.refreshMinutes')) * 60_000);
  }
}
