import * as path from 'path';
import * as vscode from 'vscode';
import { BlameCache } from '../../core/git/blame';
import { HistoryIndexStore } from '../../core/git/indexStore';
import { ExpertQueryService } from '../../core/engine/expertQueryService';
import { HistoryIndexManager, type IndexProgress } from '../../core/engine/historyIndexManager';
import type { Platform } from '../platform/platform';
import { readExpertSettings } from './expertSettings';

/** What the parts of the experts feature share (inside the feature only; others use ExpertsApi). */
export interface ExpertServices {
  platform: Platform;
  indexes: HistoryIndexManager;
  blameCache: BlameCache;
  queries: ExpertQueryService;
  onIndexProgress: vscode.Event<IndexProgress>;
  dispose(): void;
}

export function createExpertServices(platform: Platform): ExpertServices {
  const { git, logger, repositories, directory } = platform;
  const progress = new vscode.EventEmitter<IndexProgress>();
  const store = new HistoryIndexStore(path.join(platform.storagePath, 'history'), logger);
  const warmed = new Set<string>();
  const indexes = new HistoryIndexManager(git, store, logger, (p) => {
    progress.fire(p);
    // Load the org directory while the index loads, so the first hover with experts classifies them.
    if (!warmed.has(p.repository)) {
      warmed.add(p.repository);
      void directory.get(p.repository).catch((err: Error) => logger.warn(`directory of ${p.repository}: ${err.message}`));
    }
  });
  const blameCache = new BlameCache();
  const userEmail = async (root: string) => (await repositories.open(root))?.userEmail();
  const queries = new ExpertQueryService(git, indexes, blameCache, directory.cache, () => readExpertSettings().model(Date.now() / 1000), logger, userEmail);
  return {
    platform,
    indexes,
    blameCache,
    queries,
    onIndexProgress: progress.event,
    dispose: () => {
      indexes.cancelAll();
      progress.dispose();
    },
  };
}
