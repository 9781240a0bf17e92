import { areaStats } from '../../src/core/experts/areaStats';
import { collectCandidates } from '../../src/core/experts/candidates';
import { FEATURE_COUNT } from '../../src/core/experts/features';
import { defaultExpertModelOptions } from '../../src/core/experts/ranking';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../../src/core/experts/scoring';
import { fitConditionalLogit, type ChoiceGroup } from './conditionalLogit';
import type { PreparedRepo } from './evaluate';
import { repoName } from './realDataset';

/** One dataset's events as choice groups (one per file), with what the candidate set can reach. */
export interface FitDataset {
  name: string;
  repository: string;
  events: number;
  knownEvents: number;
  /** Events whose author is among the candidates (people with changes to the file or its area). */
  reachable: number;
  groups: ChoiceGroup[];
  /** Per group, the product model's score of every candidate (for an in-sample comparison). */
  productScores: Float64Array[];
}

/** The product's own weights without the learned coefficients: the model before this fit. */
export const PRODUCT_WEIGHTS: ScoreWeights = { ...DEFAULT_WEIGHTS, coefficients: undefined };

/** The candidates of every event's file at the cut-off, with their features, exactly as a file query collects them. */
export function fitDataset(repo: PreparedRepo): FitDataset {
  const d = repo.dataset;
  const options = defaultExpertModelOptions(d.now);
  const stats = areaStats(d.index, { halfLifeDays: options.halfLifeDays, activityHalfLifeDays: PRODUCT_WEIGHTS.activityHalfLifeDays, longActivityHalfLifeDays: PRODUCT_WEIGHTS.longActivityHalfLifeDays, extraBots: options.extraBots });
  const byFile = new Map<string, string[]>();
  for (const e of d.events) {
    const authors = byFile.get(e.file) ?? [];
    authors.push(e.author);
    byFile.set(e.file, authors);
  }
  const groups: ChoiceGroup[] = [];
  const productScores: Float64Array[] = [];
  let reachable = 0;
  for (const [file, authors] of byFile) {
    const found = collectCandidates({ index: d.index, stats, path: file, kind: 'file', weights: PRODUCT_WEIGHTS, halfLifeDays: options.halfLifeDays, areaMinChanges: options.backoffMinChanges, withFeatures: true });
    const candidates = found.candidates.filter((c) => c.score > 0 && c.features);
    const position = new Map(candidates.map((c, i) => [c.email, i]));
    const rows = new Float64Array(candidates.length * FEATURE_COUNT);
    candidates.forEach((c, i) => rows.set(c.features ?? [], i * FEATURE_COUNT));
    const choices: ChoiceGroup['choices'] = [];
    for (const a of authors) {
      const i = position.get(a);
      if (i === undefined) continue;
      reachable++;
      choices.push({ index: i, weight: 1 });
    }
    groups.push({ rows, candidates: candidates.length, choices });
    productScores.push(Float64Array.from(candidates, (c) => c.score));
  }
  const knownEvents = d.events.filter((e) => d.index.people.has(e.author)).length;
  return { name: d.name, repository: repoName(d.repo), events: d.events.length, knownEvents, reachable, groups, productScores };
}

/** Events whose author a scoring puts in the first three (ties count against), in-sample, without the former-first rule. */
export function groupTop3(data: FitDataset, score: (g: number, row: number) => number): number {
  let hits = 0;
  data.groups.forEach((g, gi) => {
    const scores = Array.from({ length: g.candidates }, (_, r) => score(gi, r));
    for (const c of g.choices) {
      const mine = scores[c.index];
      let above = 0;
      for (let r = 0; r < scores.length; r++) if (r !== c.index && scores[r] >= mine) above++;
      if (above < 3) hits++;
    }
  });
  return data.events > 0 ? hits / data.events : 0;
}

export function learnedScore(data: FitDataset, coefficients: readonly number[]): (g: number, row: number) => number {
  return (g, r) => {
    const rows = data.groups[g].rows;
    let s = 0;
    for (let f = 0; f < FEATURE_COUNT; f++) s += rows[r * FEATURE_COUNT + f] * coefficients[f];
    return s;
  };
}

/**
 * Fits the coefficients on the pooled datasets. Each event of repository R weighs n_R^(balance−1)
 * (n_R: R's events over all its windows), so R counts as n_R^balance: 1 is every event alike, 0
 * every repository alike.
 */
export function fitPooled(datasets: readonly FitDataset[], l2: number, balance: number, center?: readonly number[]): ReturnType<typeof fitConditionalLogit> {
  const perRepo = new Map<string, number>();
  for (const d of datasets) perRepo.set(d.repository, (perRepo.get(d.repository) ?? 0) + d.events);
  const groups: ChoiceGroup[] = [];
  for (const d of datasets) {
    const weight = Math.pow(Math.max(1, perRepo.get(d.repository) ?? 1), balance - 1);
    for (const g of d.groups) groups.push({ ...g, choices: g.choices.map((c) => ({ index: c.index, weight })) });
  }
  return fitConditionalLogit(groups, FEATURE_COUNT, { l2, center, maxIterations: 300 });
}
