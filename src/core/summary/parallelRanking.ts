/**
 * Ranking every path of a large repository is CPU work that splits cleanly: the index is saved
 * once, each worker thread loads it and ranks every n-th path, and the rows are put back in
 * order. The ranking is deterministic, so the summary is the same as with one thread.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ExpertModelOptions } from '../experts';
import type { HistoryIndexData } from '../git/historyTypes';
import { HistoryIndexStore } from '../git/indexStore';
import { silentLogger, type Logger } from '../logger';
import type { RankedRow, RankTarget } from './buildSummary';
import type { RankWorkerData } from './rankWorker';

/** Below this many paths one thread is faster than saving and loading the index. */
export const PARALLEL_MIN_PATHS = 3000;

/** How many worker threads to use by default: the cores, at most 4. */
export function defaultRankWorkers(): number {
  return Math.min(4, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** The rows of `rankPaths` computed by `workers` threads; undefined when threads cannot be used here. */
export async function rankPathsInParallel(index: HistoryIndexData, targets: readonly RankTarget[], options: ExpertModelOptions, limit: number, workers: number, logger: Logger): Promise<RankedRow[] | undefined> {
  const script = path.join(__dirname, 'rankWorker.js');
  if (workers < 2 || !existsSync(script)) return undefined;
  const storage = mkdtempSync(path.join(os.tmpdir(), 'constellation-rank-'));
  try {
    await new HistoryIndexStore(storage, silentLogger).save(index);
    const shares = Array.from({ length: workers }, (_, w) => targets.filter((_, i) => i % workers === w));
    const results = await Promise.all(shares.map((share) => runWorker(script, { storage, repository: index.repository, targets: share, options, limit })));
    const rows: RankedRow[] = new Array(targets.length);
    results.forEach((result, w) => result.forEach((row, k) => (rows[k * workers + w] = row)));
    return rows;
  } catch (err) {
    logger.warn(`ranking in ${workers} threads failed (${(err as Error).message}); ranking in one`);
    return undefined;
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
}

function runWorker(script: string, data: RankWorkerData): Promise<RankedRow[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: data });
    worker.once('message', (rows: RankedRow[]) => {
      resolve(rows);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}`));
    });
  });
}
