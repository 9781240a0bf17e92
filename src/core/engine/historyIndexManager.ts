import { GitError } from '../git/gitError';
import type { GitRunner } from '../git/gitRunner';
import type { HistoryIndexData } from '../git/historyTypes';
import { buildHistoryIndex, updateHistoryIndex } from '../git/historyIndexBuilder';
import type { HistoryIndexStore } from '../git/indexStore';
import { countCommits, resolveHead } from '../git/repository';
import type { Logger } from '../logger';
import { SharedWork } from '../util/sharedWork';

export type IndexState = 'idle' | 'loading' | 'building' | 'updating' | 'ready' | 'failed';

/** How the index last came to reflect HEAD. */
export type IndexUpdateKind = 'loaded' | 'built' | 'incremental' | 'rebuilt' | 'unchanged';

export interface IndexProgress {
  repository: string;
  state: IndexState;
  commitsRead?: number;
  /** Commits the build reads in all (counted before it starts), for a percentage. */
  commitsTotal?: number;
}

function rethrowAborted(err: unknown): undefined {
  if (err instanceof GitError && err.code === 'Aborted') throw err;
  return undefined;
}

/** About a hundred progress reports per build, at most one per commit and at least every 1000. */
export function progressInterval(total: number): number {
  return Math.min(1000, Math.max(1, Math.ceil(total / 100)));
}

interface RepoEntry {
  index?: HistoryIndexData;
  state: IndexState;
  lastUpdate?: IndexUpdateKind;
  /** The single in-flight load/build/update for this repository, shared by every caller. */
  work?: SharedWork<HistoryIndexData | undefined>;
  /** A rebuild was asked for: read the whole history, not the persisted index. */
  rebuilding?: boolean;
}

/**
 * Keeps one history index per repository: loads the persisted one, builds it when missing,
 * updates it incrementally when HEAD moves, and saves it back. Readers never wait:
 * `current()` returns whatever is there now, even while an update runs.
 */
export class HistoryIndexManager {
  private readonly repos = new Map<string, RepoEntry>();

  constructor(
    private readonly git: GitRunner,
    private readonly store: HistoryIndexStore | undefined,
    private readonly logger: Logger,
    private readonly onProgress: (progress: IndexProgress) => void = () => undefined,
    /** The index could not be saved (an unwritable cache folder): it is still used, from memory. */
    private readonly onSaveFailed: (error: Error, repository: string) => void = () => undefined,
  ) {}

  /** The index as it is now (possibly stale or absent); never starts git. */
  current(repository: string): HistoryIndexData | undefined {
    return this.repos.get(repository)?.index;
  }

  state(repository: string): IndexState {
    return this.repos.get(repository)?.state ?? 'idle';
  }

  lastUpdate(repository: string): IndexUpdateKind | undefined {
    return this.repos.get(repository)?.lastUpdate;
  }

  /**
   * Makes the index reflect HEAD: load from disk, else build; then update when HEAD moved.
   * Concurrent callers share one piece of work. `signal` cancels only this caller's wait (it
   * rejects with an `Aborted` GitError); the work stops once every caller with a signal has
   * aborted, and runs on for any caller still waiting.
   */
  ensureFresh(repository: string, signal?: AbortSignal): Promise<HistoryIndexData | undefined> {
    const entry = this.entry(repository);
    if (!entry.work || entry.work.abandoned) {
      // Work being cancelled still writes to the entry until it settles: start after it.
      const previous = entry.work?.settled();
      const work: SharedWork<HistoryIndexData | undefined> = new SharedWork(async (shared) => {
        try {
          await previous;
          return await this.refresh(repository, entry, shared);
        } finally {
          if (entry.work === work) entry.work = undefined;
        }
      });
      entry.work = work;
    }
    return entry.work.join(signal, () => new GitError('Aborted', `indexing ${repository} was cancelled`));
  }

  /** Throws the index away and builds it again from the whole history. */
  async rebuild(repository: string, signal?: AbortSignal): Promise<HistoryIndexData | undefined> {
    const entry = this.entry(repository);
    entry.work?.abort();
    await entry.work?.settled();
    entry.index = undefined;
    entry.rebuilding = true;
    return this.ensureFresh(repository, signal);
  }

  /** Cancels every running build. */
  cancelAll(): void {
    for (const entry of this.repos.values()) entry.work?.abort();
  }

  /** A failed save costs the next start a rebuild, never this answer. */
  private async save(repository: string, index: HistoryIndexData): Promise<void> {
    try {
      await this.store?.save(index);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      this.logger.warn(`history index of ${repository} not saved: ${error.message}`);
      this.onSaveFailed(error, repository);
    }
  }

  private entry(repository: string): RepoEntry {
    let entry = this.repos.get(repository);
    if (!entry) {
      entry = { state: 'idle' };
      this.repos.set(repository, entry);
    }
    return entry;
  }

  private setState(repository: string, entry: RepoEntry, state: IndexState, commitsRead?: number, commitsTotal?: number): void {
    entry.state = state;
    this.onProgress({ repository, state, commitsRead, commitsTotal });
  }

  private async refresh(repository: string, entry: RepoEntry, signal: AbortSignal): Promise<HistoryIndexData | undefined> {
    try {
      let loaded = false;
      if (!entry.index && this.store && !entry.rebuilding) {
        this.setState(repository, entry, 'loading');
        entry.index = await this.store.load(repository);
        loaded = entry.index !== undefined;
      }
      const head = (await resolveHead(this.git, repository, signal)) ?? '';
      if (entry.index && entry.index.head === head) {
        entry.lastUpdate = loaded ? 'loaded' : 'unchanged';
        this.setState(repository, entry, 'ready');
        return entry.index;
      }
      const onProgress = (commitsRead: number): void => this.setState(repository, entry, entry.state, commitsRead);
      if (entry.index) {
        this.setState(repository, entry, 'updating');
        const { index, mode } = await updateHistoryIndex(this.git, entry.index, { signal, onProgress, logger: this.logger });
        this.logger.info(`history index ${mode} for ${repository} at ${index.head.slice(0, 8)}`);
        entry.index = index;
        entry.lastUpdate = mode;
      } else {
        // Counted first (cheap) so the build can say how far it is; a failed count only loses the percentage.
        const total = head ? await countCommits(this.git, repository, head, signal).catch(rethrowAborted) : 0;
        this.setState(repository, entry, 'building', 0, total);
        const started = Date.now();
        entry.index = await buildHistoryIndex(this.git, repository, {
          signal,
          onProgress: (commitsRead) => this.setState(repository, entry, 'building', commitsRead, total),
          progressEvery: total === undefined ? undefined : progressInterval(total),
          logger: this.logger,
        });
        entry.lastUpdate = 'built';
        entry.rebuilding = false;
        this.logger.info(`history index built for ${repository}: ${entry.index.commitCount} commits in ${Date.now() - started} ms`);
      }
      await this.save(repository, entry.index);
      this.setState(repository, entry, 'ready');
      return entry.index;
    } catch (err) {
      this.setState(repository, entry, entry.index ? 'ready' : 'failed');
      throw err;
    }
  }
}
