/** A worker thread of parallelRanking.ts: loads the index the parent saved, then ranks the chunks it is sent. */
import { parentPort, workerData } from 'worker_threads';
import { HistoryIndexStore } from '../git/indexStore';
import { silentLogger } from '../logger';
import type { ExpertModelOptions } from '../experts';
import { rankPaths, type RankedRow, type RankTarget } from './buildSummary';

export interface RankWorkerData {
  storage: string;
  repository: string;
  options: ExpertModelOptions;
  limit: number;
}

/** Paths to rank and where their rows go in the whole list. */
export interface RankChunk {
  id: number;
  positions: number[];
  targets: RankTarget[];
}

export type RankWorkerMessage = { kind: 'ready' } | { kind: 'rows'; id: number; rows: RankedRow[] };

async function run(data: RankWorkerData): Promise<void> {
  const index = await new HistoryIndexStore(data.storage, silentLogger).load(data.repository);
  if (!index) throw new Error('the saved index could not be read back');
  const port = parentPort;
  if (!port) return;
  port.on('message', (chunk: RankChunk) => {
    const message: RankWorkerMessage = { kind: 'rows', id: chunk.id, rows: rankPaths(index, chunk.targets, data.options, data.limit) };
    port.postMessage(message);
  });
  port.postMessage({ kind: 'ready' } satisfies RankWorkerMessage);
}

if (parentPort && workerData) {
  run(workerData as RankWorkerData).catch((err: unknown) => {
    throw err instanceof Error ? err : new Error(String(err));
  });
}
