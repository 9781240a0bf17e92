/**
 * Ranking every path of a large repository is CPU work that splits cleanly. This thread and
 * `threads - 1` worker threads take chunks of neighbouring paths from one queue until it is
 * empty, so a thread slowed down by a shared machine simply takes fewer chunks, and this thread
 * (which holds the index already) never idles waiting for the others. Workers read the index,
 * without its co-change data (ranking does not use it), from a file saved once. The ranking is
 * deterministic, so the rows put back in order give the same summary as one thread.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ExpertModelOptions } from '../experts';
import type { HistoryIndexData } from '../git/historyTypes';
import { HistoryIndexStore } from '../git/indexStore';
import { silentLogger, type Logger } from '../logger';
import { rankPaths, type RankedRow, type RankTarget } from './buildSummary';
import type { RankChunk, RankWorkerData, RankWorkerMessage } from './rankWorker';

/** Below this many paths one thread is faster than saving and loading the index. */
export const PARALLEL_MIN_PATHS = 3000;

/** How many threads to rank in by default: the cores, at most 4. */
export function defaultRankWorkers(): number {
  return Math.min(4, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Chunks small enough to balance threads, large enough that messages cost nothing. */
function chunksOf(targets: readonly RankTarget[], threads: number): RankChunk[] {
  // Neighbouring paths share parent folders, whose roll-ups each thread computes once.
  const order = targets.map((_, i) => i).sort((a, b) => (targets[a][0] < targets[b][0] ? -1 : targets[a][0] > targets[b][0] ? 1 : 0));
  const size = Math.max(32, Math.min(512, Math.ceil(order.length / (threads * 12))));
  const chunks: RankChunk[] = [];
  for (let i = 0; i < order.length; i += size) {
    const positions = order.slice(i, i + size);
    chunks.push({ id: chunks.length, positions, targets: positions.map((p) => targets[p]) });
  }
  return chunks;
}

/** The rows of `rankPaths` computed in `threads` threads; undefined when worker threads cannot be used here. */
export async function rankPathsInParallel(index: HistoryIndexData, targets: readonly RankTarget[], options: ExpertModelOptions, limit: number, threads: number, logger: Logger): Promise<RankedRow[] | undefined> {
  const script = path.join(__dirname, 'rankWorker.js');
  if (threads < 2 || !existsSync(script)) return undefined;
  const storage = mkdtempSync(path.join(os.tmpdir(), 'constellation-rank-'));
  const workers: Worker[] = [];
  try {
    await new HistoryIndexStore(storage, silentLogger).save({ ...index, coChange: undefined });
    const queue = chunksOf(targets, threads);
    const rows: RankedRow[] = new Array(targets.length);
    const place = (chunk: RankChunk, ranked: RankedRow[]): void => chunk.positions.forEach((p, k) => (rows[p] = ranked[k]));
    const outstanding = new Map<Worker, RankChunk[]>();
    let failed: Error | undefined;
    const settled = Array.from({ length: threads - 1 }, () => new Promise<void>((resolve) => {
      const data: RankWorkerData = { storage, repository: index.repository, options, limit };
      const worker = new Worker(script, { workerData: data });
      workers.push(worker);
      outstanding.set(worker, []);
      const feed = (): void => {
        const chunk = queue.shift();
        if (!chunk) return;
        outstanding.get(worker)?.push(chunk);
        worker.postMessage(chunk);
      };
      const giveBack = (err: Error): void => {
        // What a failed worker held goes back to the queue: this thread ranks it.
        queue.unshift(...(outstanding.get(worker) ?? []));
        outstanding.set(worker, []);
        failed ??= err;
        resolve();
      };
      worker.on('message', (message: RankWorkerMessage) => {
        if (message.kind === 'ready') {
          // Two chunks in hand: the worker never waits for this thread to hand out the next.
          feed();
          feed();
        } else {
          const held = outstanding.get(worker) ?? [];
          const chunk = held.find((c) => c.id === message.id);
          if (chunk) {
            place(chunk, message.rows);
            held.splice(held.indexOf(chunk), 1);
          }
          feed();
        }
        if ((outstanding.get(worker) ?? []).length === 0 && queue.length === 0) resolve();
      });
      worker.once('error', giveBack);
      worker.once('exit', (code) => ((outstanding.get(worker) ?? []).length === 0 ? resolve() : giveBack(new Error(`worker exited with ${code}`))));
    }));
    let busy = true;
    const allSettled = Promise.all(settled).then(() => (busy = false));
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        place(chunk, rankPaths(index, chunk.targets, options, limit));
        // Let the workers' answers in, so they get their next chunks.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (!busy) break;
      await Promise.race([allSettled, new Promise((resolve) => setTimeout(resolve, 5))]);
    }
    if (failed) logger.warn(`a ranking thread failed (${failed.message}); its paths were ranked in this thread`);
    return rows;
  } finally {
    for (const worker of workers) void worker.terminate();
    rmSync(storage, { recursive: true, force: true });
  }
}
