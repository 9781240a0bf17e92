import type { ScoreWeights } from '../../src/core/experts/scoring';
import type { ExpertModelOptions } from '../../src/core/experts/types';
import type { EvalDataset } from './dataset';
import { evaluate, modelMethod, type ModelSettings } from './methods';

export interface TuneResult {
  settings: ModelSettings;
  mrr: number;
}

function* grid(): Generator<ModelSettings> {
  for (const blame of [0.1, 0.2, 0.3, 0.45])
    for (const recency of [0.3, 0.45, 0.6])
      for (const doa of [0.1, 0.2, 0.35])
        for (const creator of [0, 0.05, 0.15])
          for (const formerFactor of [0.2, 0.35, 0.6])
            for (const halfLifeDays of [60, 120, 180, 365]) {
              const weights: Partial<ScoreWeights> = { blame, recency, doa, creator, formerFactor };
              const options: Partial<ExpertModelOptions> = { halfLifeDays };
              yield { weights, options };
            }
}

/**
 * Grid search of the model's weights on tuning datasets (generated with seeds kept apart from the
 * reported ones): mean MRR over the datasets, best first.
 */
export function tune(datasets: readonly EvalDataset[], top = 10): TuneResult[] {
  const results: TuneResult[] = [];
  for (const settings of grid()) {
    const method = modelMethod('model', true, settings);
    let sum = 0;
    for (const d of datasets) sum += evaluate(d, method).mrr;
    results.push({ settings, mrr: sum / Math.max(1, datasets.length) });
  }
  return results.sort((a, b) => b.mrr - a.mrr).slice(0, top);
}
