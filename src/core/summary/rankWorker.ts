/** A worker thread of parallelRanking.ts: loads the index the parent saved and ranks its share of the paths. */
import { parentPort, workerData } from 'worker_threads';
import { HistoryIndexStore } from '../git/indexStore';
import { silentLogger } from '../logger';
import type { ExpertModelOptions } from '../experts';
import { rankPaths, type RankTarget } from './buildSummary';

export interface RankWorkerData {
  storage: string;
  repository: string;
  targets: RankTarget[];
  options: ExpertModelOptions;
  limit: number;
}

async function run(data: RankWorkerData): Promise<void> {
  const index = await new HistoryIndexStore(data.storage, silentLogger).load(data.repository);
  if (!index) throw new Error('the saved index could not be read back');
  parentPort?.postMessage(rankPaths(index, data.targets, data.options, data.limit));
}

if (parentPort && workerData) {
  run(workerData as RankWorkerData).catch((err: unknown) => {
    throw err instanceof Error ? err : new Error(String(err));
  });
}
