import type { ScoreWeights } from '../../src/core/experts/scoring';
import type { ExpertModelOptions } from '../../src/core/experts/types';
import type { EvalDataset } from './dataset';
import { evaluate, modelMethod, type ModelSettings } from './methods';

export interface TuneResult {
  settings: ModelSettings;
  mrr: number;
}

export interface TuneReport {
  best: TuneResult[];
  /** For each parameter and value: the best mean MRR of any setting with that value (sensitivity). */
  marginals: Record<string, Record<string, number>>;
}

const WEIGHT_GRID: Record<string, number[]> = {
  blame: [0, 0.1, 0.25],
  recency: [0.45, 0.6],
  doa: [0.05, 0.1, 0.2],
  creator: [0, 0.05],
  formerFactor: [0.1, 0.2, 0.35],
  backoff: [0.6, 1],
};
const OPTION_GRID: Record<string, number[]> = {
  halfLifeDays: [45, 90, 180],
  backoffMinChanges: [10, 30, 100],
};

function* combinations(grid: Record<string, number[]>): Generator<Record<string, number>> {
  const keys = Object.keys(grid);
  const pick = (i: number, acc: Record<string, number>): Record<string, number>[] =>
    i === keys.length ? [acc] : grid[keys[i]].flatMap((v) => pick(i + 1, { ...acc, [keys[i]]: v }));
  yield* pick(0, {});
}

/**
 * Grid search of the model's weights on tuning datasets (generated with seeds kept apart from the
 * reported ones): mean MRR over the datasets, best first, and per-parameter sensitivity.
 */
export function tune(datasets: readonly EvalDataset[], top = 10): TuneReport {
  const results: TuneResult[] = [];
  const marginals: Record<string, Record<string, number>> = {};
  for (const combo of combinations({ ...WEIGHT_GRID, ...OPTION_GRID })) {
    const weights: Partial<ScoreWeights> = {};
    const options: Partial<ExpertModelOptions> = {};
    for (const [k, v] of Object.entries(combo)) {
      if (k in OPTION_GRID) (options as Record<string, number>)[k] = v;
      else (weights as Record<string, number>)[k] = v;
    }
    const method = modelMethod('model', true, { weights, options });
    let sum = 0;
    for (const d of datasets) sum += evaluate(d, method).mrr;
    const mrr = sum / Math.max(1, datasets.length);
    results.push({ settings: { weights, options }, mrr });
    for (const [k, v] of Object.entries(combo)) {
      const m = (marginals[k] ??= {});
      m[String(v)] = Math.max(m[String(v)] ?? 0, mrr);
    }
  }
  return { best: results.sort((a, b) => b.mrr - a.mrr).slice(0, top), marginals };
}
