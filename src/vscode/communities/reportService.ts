/**
 * The workspace's community report, computed in a worker thread (never blocking the extension
 * host), cached per (repositories' HEADs, config, directory, patterns, threads, window) and
 * recomputed when one of them changes. A run started by the person shows a cancellable
 * notification once it is slow; any run shows progress on the Communities view.
 */
import * as vscode from 'vscode';
import { computeReportInThread } from '../../core/communities/reportThread';
import { GitError } from '../../core/git/gitError';
import type { Logger } from '../../core/logger';
import { Debouncer } from '../../core/util/debounce';
import { Disposable } from '../platform/disposable';
import { gatherInputs, type InputDeps } from './gatherInputs';
import type { CommunitySnapshot } from './snapshot';

export type ReportState =
  | { kind: 'idle' }
  | { kind: 'computing' }
  | { kind: 'ready' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }
  | { kind: 'untrusted' };

/** After this long a run the person started offers to cancel it. */
const SLOW_MS = 1500;
const SETTLE_MS = 800;
export const COMMUNITIES_VIEW_ID = 'constellation.communities';

interface Run {
  controller: AbortController;
  promise: Promise<CommunitySnapshot | undefined>;
}

export class CommunityReportService extends Disposable {
  private current: CommunitySnapshot | undefined;
  private running: Run | undefined;
  private stateValue: ReportState = { kind: 'idle' };
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** The report or its state changed. */
  readonly onDidChange = this.changed.event;
  private readonly settle = this.register(new Debouncer(SETTLE_MS));
  /** Reports computed by the worker (the cache's hits do not count): the extension's tests read it. */
  computations = 0;

  constructor(private readonly deps: InputDeps, private readonly logger: Logger, private readonly wanted: () => boolean) {
    super();
    this.register({ dispose: () => { this.settle.cancel(); this.running?.controller.abort(); } });
  }

  get state(): ReportState {
    return this.stateValue;
  }

  /** The report as it is now (possibly stale); never starts work. */
  snapshot(): CommunitySnapshot | undefined {
    return this.current;
  }

  /** The current report, computing it first when there is none. */
  async ensure(interactive = false): Promise<CommunitySnapshot | undefined> {
    return this.current ?? this.refresh(interactive);
  }

  /** Something the report depends on changed: recompute soon, if anyone looks at communities. */
  invalidate(): void {
    this.settle.schedule(() => {
      if (this.wanted()) void this.refresh(false);
    });
  }

  /**
   * Gathers the inputs again and recomputes when they differ from the cached report's. A run
   * already going is joined; `force` starts afresh (the previous run is cancelled).
   */
  refresh(interactive: boolean, force = false): Promise<CommunitySnapshot | undefined> {
    if (!vscode.workspace.isTrusted) {
      this.setState({ kind: 'untrusted' });
      return Promise.resolve(undefined);
    }
    if (this.running && !force) return this.running.promise;
    this.running?.controller.abort();
    const controller = new AbortController();
    const run: Run = { controller, promise: Promise.resolve(undefined) };
    run.promise = this.run(controller.signal, interactive, force).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run.promise;
  }

  /** Cancels the run in progress, if any. */
  cancel(): void {
    this.running?.controller.abort();
  }

  private async run(signal: AbortSignal, interactive: boolean, force: boolean): Promise<CommunitySnapshot | undefined> {
    this.setState({ kind: 'computing' });
    const work = this.compute(signal, force);
    void vscode.window.withProgress({ location: { viewId: COMMUNITIES_VIEW_ID } }, () => work.catch(() => undefined));
    if (interactive) this.offerCancelWhenSlow(work, signal);
    try {
      const snapshot = await work;
      if (signal.aborted) return this.current;
      this.current = snapshot;
      this.setState({ kind: 'ready' });
      return snapshot;
    } catch (err) {
      if (signal.aborted || isCancellation(err)) {
        if (this.running?.controller.signal === signal) this.setState(this.current ? { kind: 'ready' } : { kind: 'cancelled' });
        return this.current;
      }
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`community report failed: ${message}`);
      this.setState({ kind: 'failed', message });
      if (interactive) throw err;
      return this.current;
    }
  }

  private async compute(signal: AbortSignal, force: boolean): Promise<CommunitySnapshot> {
    const gathered = await gatherInputs(this.deps, signal);
    if (!force && this.current?.key === gathered.key) return { ...this.current, ...gathered.context };
    const started = Date.now();
    const report = await computeReportInThread(gathered.inputs, gathered.options, { signal });
    report.notes.unshift(...gathered.context.notes);
    this.computations++;
    const computeMs = Date.now() - started;
    this.logger.info(`community report: ${report.communities.length} communities, ${report.proposals.length} proposals in ${computeMs} ms`);
    return { ...gathered.context, key: gathered.key, report, computedAt: Date.now(), computeMs };
  }

  private offerCancelWhenSlow(work: Promise<unknown>, signal: AbortSignal): void {
    let done = false;
    void work.finally(() => (done = true)).catch(() => undefined);
    const timer = setTimeout(() => {
      if (done || signal.aborted) return;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Constellation: computing the communities of practice…', cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => this.cancel());
          return work.catch(() => undefined);
        },
      );
    }, SLOW_MS);
    void work.finally(() => clearTimeout(timer)).catch(() => undefined);
  }

  private setState(state: ReportState): void {
    this.stateValue = state;
    this.changed.fire();
  }
}

function isCancellation(err: unknown): boolean {
  return (err instanceof GitError && err.code === 'Aborted') || (err instanceof Error && err.name === 'AbortError');
}
