import type { HistoryIndexData } from '../git/historyTypes';
import type { AreaStats, FolderStats } from './areaStats';

/**
 * What the learned ranker (learnedRanker.ts) reads about one candidate of one file query, all
 * from the index figures a query already has at hand (a few map lookups per person, no pass over
 * the history). The order is the order of the coefficients.
 */
export const FEATURE_NAMES = [
  'log1p file recency',
  'log1p parent folder recency',
  'log1p area recency',
  'log smoothed share',
  'log activity 30 d',
  'log activity 365 d',
  'log1p days since last commit',
  'log1p days since last change to the file',
  'changed the file',
  'last modifier',
  'first author',
  'share of the file recency',
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Keeps logarithms finite for someone without any activity. */
const FLOOR = 1e-6;
const DAY = 86_400;

/** Everything about the query that is the same for every candidate. */
export interface FeatureContext {
  index: HistoryIndexData;
  stats: AreaStats;
  /** The file's own figures (undefined for a file without history). */
  file?: FolderStats;
  parent?: FolderStats;
  area?: FolderStats;
  /** Folders (and the file) from the repository down, for the smoothed share. */
  chain: readonly FolderStats[];
  smoothing: number;
  lastModifier?: string;
}

/**
 * p's smoothed share of their own work along `chain`: Π (c_p(child) + s·c(child)/c(parent)) /
 * (c_p(parent) + s), the share term of the product model (scoring.ts).
 */
export function smoothedShare(email: string, chain: readonly FolderStats[], smoothing: number): number {
  let share = 1;
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const child = chain[i];
    const split = parent.recency > 0 ? child.recency / parent.recency : 0;
    share *= ((child.people.get(email)?.recency ?? 0) + smoothing * split) / ((parent.people.get(email)?.recency ?? 0) + smoothing);
  }
  return share;
}

/** The person who changed the file last (a person, not a bot). */
export function lastModifierOf(file: FolderStats | undefined): string | undefined {
  let best: string | undefined;
  let time = -Infinity;
  for (const [email, p] of file?.people ?? []) {
    if (p.changes > 0 && (p.lastChange > time || (p.lastChange === time && best !== undefined && email < best))) {
      best = email;
      time = p.lastChange;
    }
  }
  return best;
}

export function featureContext(index: HistoryIndexData, stats: AreaStats, file: FolderStats | undefined, parentFolder: string, area: FolderStats | undefined, chain: readonly FolderStats[], smoothing: number): FeatureContext {
  return { index, stats, file, parent: stats.folders.get(parentFolder), area, chain, smoothing, lastModifier: lastModifierOf(file) };
}

/** log of value/max, floored like the product's activity term. */
const ratio = (value: number | undefined, max: number): number => (max > 0 ? Math.log(((value ?? 0) + FLOOR * max) / max) : Math.log(FLOOR));
const days = (from: number | undefined, to: number): number => (from === undefined || !Number.isFinite(from) ? 0 : Math.max(0, to - from) / DAY);

/** The feature vector of `email` for the query (FEATURE_NAMES order). */
export function featuresOf(email: string, ctx: FeatureContext, out: number[] = new Array<number>(FEATURE_COUNT)): number[] {
  const { stats, file } = ctx;
  const own = file?.people.get(email);
  const ownRecency = own?.recency ?? 0;
  const changed = own !== undefined && own.changes > 0;
  const lastActive = ctx.index.people.get(email)?.lastActive;
  out[0] = Math.log1p(ownRecency);
  out[1] = Math.log1p(ctx.parent?.people.get(email)?.recency ?? 0);
  out[2] = Math.log1p(ctx.area?.people.get(email)?.recency ?? 0);
  out[3] = Math.log(Math.max(FLOOR, ctx.chain.length > 0 ? smoothedShare(email, ctx.chain, ctx.smoothing) : FLOOR));
  out[4] = ratio(stats.activity.get(email), stats.maxActivity);
  out[5] = ratio(stats.longActivity.get(email), stats.maxLongActivity);
  // Someone the index has no record of counts as idle for ten years.
  out[6] = Math.log1p(lastActive === undefined ? 3650 : days(lastActive, stats.reference));
  out[7] = changed ? Math.log1p(days(own.lastChange, stats.reference)) : 0;
  out[8] = changed ? 1 : 0;
  out[9] = ctx.lastModifier === email ? 1 : 0;
  out[10] = (own?.created ?? 0) > 0 ? 1 : 0;
  out[11] = file && file.recency > 0 ? ownRecency / file.recency : 0;
  return out;
}

/** w · x: the learned ranker's log-score. */
export function linearScore(x: readonly number[], coefficients: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length && i < coefficients.length; i++) s += x[i] * coefficients[i];
  return s;
}
