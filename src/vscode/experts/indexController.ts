import * as path from 'path';
import * as vscode from 'vscode';
import { GitError } from '../../core/git/gitError';
import { isBot } from '../../core/experts/bots';
import { toAbortSignal } from '../platform/cancellation';
import { setting } from '../platform/configuration';
import type { GitRepository } from '../platform/repositories';
import type { ExpertServices } from './expertServices';
import { notify } from '../platform/notify';

export interface IndexProgressReport {
  repository: string;
  percent: number;
  message: string;
}

function percentOf(read: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((read / total) * 100)) : 100;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * Keeps each repository's history index fresh: builds it (with cancellable progress) when a
 * repository is first seen, updates it when HEAD moves, and shows the state in the status bar.
 */
export class IndexController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watched = new Set<string>();
  private readonly statusItem = vscode.window.createStatusBarItem('constellation.indexStatus', vscode.StatusBarAlignment.Left, 0);
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a repository root once its index changed (built, updated). */
  readonly onDidChangeIndex = this.changed.event;
  private readonly reported = new vscode.EventEmitter<IndexProgressReport>();
  /** Every report of a build's progress notification, as shown (for the extension's tests). */
  readonly onDidReportProgress = this.reported.event;
  private gitMissingReported = false;

  constructor(private readonly services: ExpertServices) {
    this.statusItem.name = 'Constellation indexing';
    this.statusItem.command = 'constellation.showLog';
    this.disposables.push(this.statusItem, this.changed, this.reported);
    this.disposables.push(services.onIndexProgress((p) => {
      if (p.state === 'building' || p.state === 'updating') {
        const percent = p.commitsTotal ? ` ${percentOf(p.commitsRead ?? 0, p.commitsTotal)}%` : '';
        const count = p.commitsRead ? ` ${p.commitsRead.toLocaleString('en-US')} commits` : '';
        this.statusItem.text = `$(sync~spin) Constellation: indexing${percent || count}`;
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
    const location = await this.services.platform.repositories.locate(uri);
    if (location) this.track(location.repository);
  }

  /** Same for the repository of a workspace folder. */
  async trackFolder(uri: vscode.Uri): Promise<void> {
    if (!vscode.workspace.isTrusted || uri.scheme !== 'file') return;
    const repository = await this.services.platform.repositories.open(uri.fsPath);
    if (repository) this.track(repository);
  }

  /** A repository already watched is refreshed when its HEAD moves; only a new or unbuilt one needs work. */
  private track(repository: GitRepository): void {
    if (this.watched.has(repository.root) && this.services.indexes.current(repository.root)) return;
    if (!this.watched.has(repository.root)) {
      this.watched.add(repository.root);
      this.disposables.push(repository.onDidChangeHead(() => void this.refresh(repository.root)));
    }
    void this.refresh(repository.root);
  }

  /**
   * Brings the index up to date. A first build (or a rebuild) shows cancellable progress with the
   * share of commits read; asked for by the person (`notify`), it says what it found when done.
   */
  async refresh(repository: string, options: { rebuild?: boolean; notify?: boolean } = {}): Promise<void> {
    const { indexes } = this.services;
    const firstBuild = !indexes.current(repository) || options.rebuild;
    const started = Date.now();
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
          { location: vscode.ProgressLocation.Notification, title: `Constellation: indexing the history of ${path.basename(repository)}`, cancellable: true },
          (progress, token) => this.withPercentage(repository, progress, () => run(token)),
        );
      } else {
        await run();
      }
    } catch (err) {
      this.report(err, options.notify === true);
      return;
    }
    const index = indexes.current(repository);
    if (options.notify && index) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const extraBots = setting('experts.extraBots');
      const people = [...index.people.values()].filter((p) => !isBot(p.email, p.name, extraBots)).length;
      void notify.info(`Constellation indexed ${path.basename(repository)}: ${count(index.commitCount, 'commit')}, ${count(index.files.size, 'file')}, ${count(people, 'person', 'people')} in ${seconds} s.`);
    }
  }

  /** Reports the build's progress as a percentage of the commits counted before it started. */
  private async withPercentage(repository: string, progress: vscode.Progress<{ message?: string; increment?: number }>, work: () => Promise<void>): Promise<void> {
    let shown = 0;
    let total = 0;
    const listener = this.services.onIndexProgress((p) => {
      if (p.repository !== repository || p.state !== 'building' || !p.commitsTotal) return;
      total = p.commitsTotal;
      // A second pass (missing blobs) reads from the start again: the share shown never goes back.
      const percent = Math.max(shown, percentOf(p.commitsRead ?? 0, p.commitsTotal));
      const read = Math.min(p.commitsRead ?? 0, p.commitsTotal);
      const report = { increment: percent - shown, message: `${percent}% · ${read.toLocaleString('en-US')} of ${p.commitsTotal.toLocaleString('en-US')} commits read` };
      shown = percent;
      progress.report(report);
      this.reported.fire({ repository, percent, message: report.message });
    });
    try {
      await work();
    } finally {
      listener.dispose();
    }
    // The last batch of commits may end between two reports: done is 100%.
    if (total > 0 && shown < 100) {
      const message = `100% · ${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} commits read`;
      progress.report({ increment: 100 - shown, message });
      this.reported.fire({ repository, percent: 100, message });
    }
  }

  private report(err: unknown, tellUser: boolean): void {
    if (err instanceof GitError && err.code === 'Aborted') {
      this.services.platform.logger.info('indexing cancelled');
      return;
    }
    if (err instanceof GitError && err.code === 'GitNotFound') {
      if (!this.gitMissingReported || tellUser) {
        this.gitMissingReported = true;
        void notify.warning('Constellation needs git to find experts, and git was not found on the PATH.');
      }
      return;
    }
    this.services.platform.logger.error(err instanceof Error ? err : String(err));
    if (tellUser) void notify.error(`Constellation could not index the history: ${err instanceof Error ? err.message : String(err)}`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
