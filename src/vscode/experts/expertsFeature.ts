/** The "who knows this code" feature: hover, Experts view, commands, background indexing. */
import * as vscode from 'vscode';
import { summarizeBlame, type RangeAuthor } from '../../core/engine/blameSummary';
import type { IndexState, IndexUpdateKind } from '../../core/engine/historyIndexManager';
import type { HistoryIndexData } from '../../core/git/historyTypes';
import type { LineRange } from '../../core/util/lineRange';
import { Disposable } from '../platform/disposable';
import { affects } from '../platform/configuration';
import type { Platform } from '../platform/platform';
import type { CommunityRolesProvider } from './communityRoles';
import { CommunityRolesSlot } from './communityRolesSlot';
import { registerExpertCommands } from './expertCommands';
import { ExpertHoverProvider } from './expertHoverProvider';
import { createExpertServices, type ExpertServices } from './expertServices';
import { readExpertSettings } from './expertSettings';
import { ExpertsViewProvider, type ExpertsNode, type ExpertsViewState } from './expertsView';
import { IndexController, type IndexProgressReport } from './indexController';
import { rankTarget, type RankedTarget, type RankResult } from './rankTarget';

/** Lines of a workspace file, 1-based inclusive. */
export interface FileLines extends LineRange {
  uri: vscode.Uri;
}

/**
 * What the experts feature offers the others (threads suggest experts, pattern pages show authors).
 * Issue 9 sketched `rank(document, range, token)`; the shape here is kept on purpose: callers hold
 * a JSON-safe CodeTarget from a command or link (the document may not be open, and ranking reads
 * its text only when it is), they choose how many experts they need (`limit`), and cancellation is
 * an AbortSignal, which is what core and the git runner take (a token converts with toAbortSignal).
 */
export interface ExpertsApi {
  /** The experts of some lines (or a whole file), from the editor's current text. */
  rank(target: RankedTarget, options?: { limit?: number; signal?: AbortSignal }): Promise<RankResult>;
  /** Who wrote these lines, one person per directory identity, bots left out. */
  blameSummary(ranges: readonly FileLines[], signal?: AbortSignal): Promise<RangeAuthor[]>;
  /** A repository's history index brought up to date (the same shared work as the feature's own indexing). */
  historyIndex(repository: string, signal?: AbortSignal): Promise<HistoryIndexData | undefined>;
  /** Who is core in which community, for the hover and the view; precomputed by the provider. */
  setCommunityRoles(provider: CommunityRolesProvider | undefined): void;
}

export class ExpertsFeature extends Disposable implements ExpertsApi {
  private readonly services: ExpertServices;
  private readonly communityRoles = this.register(new CommunityRolesSlot());
  readonly view: ExpertsViewProvider;
  /** Each progress report of an index build, as shown (for the extension's tests). */
  readonly onDidReportIndexProgress: vscode.Event<IndexProgressReport>;

  constructor(private readonly platform: Platform) {
    super();
    const services = createExpertServices(platform);
    this.services = services;
    this.register({ dispose: () => services.dispose() });
    const indexing = this.register(new IndexController(services));
    this.onDidReportIndexProgress = indexing.onDidReportProgress;
    const view = this.register(new ExpertsViewProvider(services, this.communityRoles));
    this.view = view;
    this.register(vscode.languages.registerHoverProvider({ scheme: 'file' }, new ExpertHoverProvider(services, indexing, this.communityRoles)));
    this.register(registerExpertCommands(services, view, indexing));
    this.register(indexing.onDidChangeIndex(() => view.refresh()));
    this.register(this.communityRoles.onDidChange(() => view.refresh()));
    const trackOpenDocuments = (): void => {
      for (const editor of vscode.window.visibleTextEditors) void indexing.trackDocument(editor.document.uri);
    };
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => { if (editor) void indexing.trackDocument(editor.document.uri); }));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => { trackOpenDocuments(); view.refresh(); }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'experts', 'directory')) view.refresh(); }));
    this.register(platform.directory.onDidChange(() => view.refresh()));
    this.register(platform.repositories.onDidChangeConfig(() => view.refresh()));
    // Every repository of the workspace (each folder of a multi-root workspace, clones nested in them) is indexed.
    const trackRepositories = async (): Promise<void> => {
      for (const repository of (await platform.repositories.discover()).repositories) void indexing.trackFolder(vscode.Uri.file(repository.root));
    };
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void trackRepositories()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => void trackRepositories()));
    trackOpenDocuments();
    if (vscode.workspace.isTrusted) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) void indexing.trackFolder(folder.uri);
      void trackRepositories();
    }
  }

  rank(target: RankedTarget, options: { limit?: number; signal?: AbortSignal } = {}): Promise<RankResult> {
    return rankTarget(this.services, target, options);
  }

  async blameSummary(ranges: readonly FileLines[], signal?: AbortSignal): Promise<RangeAuthor[]> {
    const located = [];
    for (const range of ranges) {
      const location = await this.platform.repositories.locate(range.uri, signal);
      if (location) located.push({ repository: location.repository.root, path: location.relativePath, startLine: range.startLine, endLine: range.endLine });
    }
    const { git, directory, logger } = this.platform;
    return summarizeBlame({ git, blameCache: this.services.blameCache, directories: directory.cache, logger }, located, {
      extraBots: readExpertSettings().model(Date.now() / 1000).extraBots,
      signal,
    });
  }

  historyIndex(repository: string, signal?: AbortSignal): Promise<HistoryIndexData | undefined> {
    return this.services.indexes.ensureFresh(repository, signal);
  }

  setCommunityRoles(provider: CommunityRolesProvider | undefined): void {
    this.communityRoles.set(provider);
  }

  /** For the extension's tests. */
  indexState(repository: string): { state: IndexState; lastUpdate?: IndexUpdateKind } {
    return { state: this.services.indexes.state(repository), lastUpdate: this.services.indexes.lastUpdate(repository) };
  }

  viewNodes(): Promise<ExpertsNode[]> {
    return this.view.roots();
  }

  viewState(): ExpertsViewState {
    return this.view.state();
  }
}
