import * as vscode from 'vscode';
import { GitError } from '../../core/git/gitError';
import { toAbortSignal } from '../cancellation';
import type { ExpertServices } from './expertServices';

const HEAD_DEBOUNCE_MS = 300;

/**
 * Keeps each repository's history index fresh: builds it (with cancellable progress) when a
 * repository is first seen, updates it when HEAD moves, and shows the state in the status bar.
 */
export class IndexController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watched = new Set<string>();
  private readonly debounce = new Map<string, NodeJS.Timeout>();
  private readonly statusItem = vscode.window.createStatusBarItem('constellation.indexStatus', vscode.StatusBarAlignment.Left, 0);
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a repository root once its index changed (built, updated). */
  readonly onDidChangeIndex = this.changed.event;
  private gitMissingReported = false;

  constructor(private readonly services: ExpertServices) {
    this.statusItem.name = 'Constellation indexing';
    this.statusItem.command = 'constellation.showLog';
    this.disposables.push(this.statusItem, this.changed);
    this.disposables.push(services.onIndexProgress((p) => {
      if (p.state === 'building' || p.state === 'updating') {
        const count = p.commitsRead ? ` ${p.commitsRead.toLocaleString('en-US')} commits` : '';
        this.statusItem.text = `$(sync~spin) Constellation: indexing${count}`;
        this.statusItem.tooltip = `Reading the history of ${p.repository}`;
        this.statusItem.show();
      } else {
        this.statusItem.hide();
      }
    }));
  }

  /** Starts (or joins) the index work for the repository of a document, without waiting for it. */
  async trackDocument(uri: vscode.Uri): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const location = await this.services.resolver.locate(uri);
    if (location) this.track(location.repository, location.gitDir);
  }

  /** Same for the repository of a workspace folder. */
  async trackFolder(uri: vscode.Uri): Promise<void> {
    if (!vscode.workspace.isTrusted || uri.scheme !== 'file') return;
    const repo = await this.services.resolver.repositoryOf(uri.fsPath);
    if (repo) this.track(repo.root, repo.gitDir);
  }

  /** A repository already watched is refreshed by its HEAD watcher; only a new or unbuilt one needs work. */
  private track(repository: string, gitDir: string): void {
    if (this.watched.has(repository) && this.services.indexes.current(repository)) return;
    this.watchHead(repository, gitDir);
    void this.refresh(repository);
  }

  /** Brings the index up to date; a first build shows cancellable progress. */
  async refresh(repository: string, options: { rebuild?: boolean; notify?: boolean } = {}): Promise<void> {
    const { indexes } = this.services;
    const firstBuild = !indexes.current(repository) || options.rebuild;
    const run = async (token?: vscode.CancellationToken): Promise<void> => {
      const cancel = token && toAbortSignal(token);
      try {
        await (options.rebuild ? indexes.rebuild(repository, cancel?.signal) : indexes.ensureFresh(repository, cancel?.signal));
      } finally {
        cancel?.dispose();
      }
      this.services.blameCache.invalidate(repository);
      this.changed.fire(repository);
    };
    try {
      if (firstBuild) {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'Constellation: indexing git history', cancellable: true },
          (_progress, token) => run(token),
        );
      } else {
        await run();
      }
    } catch (err) {
      this.report(err, options.notify === true);
    }
  }

  private report(err: unknown, notify: boolean): void {
    if (err instanceof GitError && err.code === 'Aborted') {
      this.services.logger.info('indexing cancelled');
      return;
    }
    if (err instanceof GitError && err.code === 'GitNotFound') {
      if (!this.gitMissingReported || notify) {
        this.gitMissingReported = true;
        void vscode.window.showWarningMessage('Constellation needs git to find experts, and git was not found on the PATH.');
      }
      return;
    }
    this.services.logger.error(err instanceof Error ? err : String(err));
    if (notify) void vscode.window.showErrorMessage(`Constellation could not index the history: ${err instanceof Error ? err.message : String(err)}`);
  }

  private watchHead(repository: string, gitDir: string): void {
    if (this.watched.has(repository)) return;
    this.watched.add(repository);
    const pattern = new vscode.RelativePattern(vscode.Uri.file(gitDir), '{HEAD,packed-refs,refs/heads/**}');
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onChange = (): void => this.scheduleRefresh(repository);
    watcher.onDidChange(onChange);
    watcher.onDidCreate(onChange);
    watcher.onDidDelete(onChange);
    this.disposables.push(watcher);
  }

  /** Several ref files change in one git operation; refresh once after they settle. */
  scheduleRefresh(repository: string): void {
    clearTimeout(this.debounce.get(repository));
    this.debounce.set(repository, setTimeout(() => {
      this.debounce.delete(repository);
      void this.refresh(repository);
    }, HEAD_DEBOUNCE_MS));
  }

  dispose(): void {
    for (const timer of this.debounce.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
