import { FEATURE_COUNT } from './features';

/**
 * Coefficients of the learned log-linear ranker: score(p) = e^(w · x(p)) over the features of
 * features.ts (FEATURE_NAMES order), a conditional logit (softmax over the candidates of each
 * event) fitted on the tuning windows only (cut-offs two and three years before each tip of the
 * nine development repositories, 12,488 events), L2 0.001 on standardised features, every event
 * weighing the same (the grid's choice). Reproduce with
 *
 *   npm run eval -- --fit --lines 0 --repo DIR ... (the nine repositories of docs/ranking-evaluation.md)
 *
 * They are NOT the product's default: on the tuning windows they rank below the product model
 * (pooled top-3 45.65 against 47.10), so the evaluation's rule keeps the product
 * (docs/ranking-evaluation.md, "Tried: a learned log-linear ranker"). `npm run eval --
 * --coefficients …` evaluates them.
 */
export const FITTED_COEFFICIENTS: readonly number[] = Object.freeze([
  -0.2281, -0.1227, 0.2178, 0.2496, 0.2844, 0.4932, -0.0743, -0.0529, 0.215, -0.0549, 0.1315, -0.127,
]);

if (FITTED_COEFFICIENTS.length !== FEATURE_COUNT) throw new Error('learned ranker: one coefficient per feature');
