import { parentFolders } from '../../src/core/experts/areaStats';
import { defaultExpertModelOptions, rankExperts } from '../../src/core/experts/ranking';
import { degreeOfAuthorship } from '../../src/core/experts/scoring';
import type { ScoreWeights } from '../../src/core/experts/scoring';
import type { ExpertModelOptions } from '../../src/core/experts/types';
import { AreaActivity, rankBy } from './areaActivity';

/** What every file-level method sees: the index at the cut-off and the activity derived from it. */
export interface FileContext {
  activity: AreaActivity;
  now: number;
}

/** A way to rank people for a file at the cut-off: person keys, best first. */
export interface FileMethod {
  name: string;
  /** Ignores the file (the same list for every query). */
  fileAgnostic?: boolean;
  rank(ctx: FileContext, file: string): string[];
}

const UNCLASSIFIED = (email: string) => ({ placement: { email }, relationship: 'unknown' as const });

/** Sorts by `key` descending; ties go to the more recent contributor of the file, then by key. */
function orderBy(ctx: FileContext, file: string, key: (email: string) => number): string[] {
  const history = ctx.activity.index.files.get(file);
  if (!history) return [];
  const last = (e: string): number => {
    const times = history.contributions.get(e)?.changeTimes;
    return times && times.length > 0 ? times[times.length - 1] : -Infinity;
  };
  return [...history.contributions.keys()].filter(ctx.activity.human).sort((a, b) => key(b) - key(a) || last(b) - last(a) || (a < b ? -1 : 1));
}

/** The product's model, queried exactly as the editor queries a file. */
export function modelMethod(name = 'Constellation model', options: Partial<ExpertModelOptions> = {}, weights: Partial<ScoreWeights> = {}, limit = 50): FileMethod {
  return {
    name,
    rank(ctx, file) {
      const ranking = rankExperts({
        index: ctx.activity.index,
        target: { path: file, kind: 'file' },
        options: { ...defaultExpertModelOptions(ctx.now), ...options },
        classify: UNCLASSIFIED,
        limit,
        weights,
      });
      return ranking.experts.map((e) => e.email);
    },
  };
}

/** Each level (the file, every parent folder, the repository) adds each person's share of its recency-weighted changes. */
export function hierarchicalMix(ctx: FileContext, file: string): Map<string, number> {
  const scores = new Map<string, number>();
  const levels = [ctx.activity.files.get(file), ...parentFolders(file).map((f) => ctx.activity.folders.get(f))];
  for (const level of levels) {
    if (!level) continue;
    let total = 0;
    for (const w of level.values()) total += w;
    if (total <= 0) continue;
    for (const [email, w] of level) scores.set(email, (scores.get(email) ?? 0) + w / total);
  }
  return scores;
}

export const FILE_BASELINES: readonly FileMethod[] = [
  { name: 'last modifier', rank: (ctx, file) => orderBy(ctx, file, () => 0) },
  {
    name: 'most commits',
    rank: (ctx, file) => {
      const c = ctx.activity.index.files.get(file)?.contributions;
      return orderBy(ctx, file, (e) => c?.get(e)?.changeTimes.length ?? 0);
    },
  },
  {
    name: 'Degree-of-Authorship',
    rank: (ctx, file) => {
      const h = ctx.activity.index.files.get(file);
      return orderBy(ctx, file, (e) => {
        const c = h?.contributions.get(e);
        return c && h ? degreeOfAuthorship(c.created, c.changeTimes.length, h.totalChanges - c.changeTimes.length) : 0;
      });
    },
  },
  {
    name: 'recency (180-day half-life)',
    rank: (ctx, file) => {
      const own = ctx.activity.files.get(file);
      return orderBy(ctx, file, (e) => own?.get(e) ?? 0);
    },
  },
  { name: 'hierarchical mix', rank: (ctx, file) => rankBy(hierarchicalMix(ctx, file)) },
  { name: 'most active in the repository', fileAgnostic: true, rank: (ctx) => ctx.activity.mostActive() },
];
