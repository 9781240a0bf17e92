import { defaultExpertModelOptions, rankExperts } from '../../src/core/experts/ranking';
import type { ScoreWeights } from '../../src/core/experts/scoring';
import type { ExpertModelOptions } from '../../src/core/experts/types';
import { FILE_SLICES } from './fileEval';
import { FILE_BASELINES, type FileContext } from './fileMethods';
import type { LineQuery } from './lineQueries';
import type { ScoredQuery } from './metrics';
import type { RealDataset } from './realDataset';

/** A way to rank people for some lines at the cut-off. */
export interface LineMethod {
  name: string;
  rank(ctx: FileContext, query: LineQuery): string[];
}

const UNCLASSIFIED = (email: string) => ({ placement: { email }, relationship: 'unknown' as const });

/** The product's model, queried as the hover queries a block: the range and its blame. */
export function lineModelMethod(name = 'Constellation model', options: Partial<ExpertModelOptions> = {}, weights: Partial<ScoreWeights> = {}): LineMethod {
  return {
    name,
    rank(ctx, q) {
      const ranking = rankExperts({
        index: ctx.activity.index,
        target: { path: q.file, kind: 'lines', startLine: q.startLine, endLine: q.endLine },
        blame: q.blame,
        options: { ...defaultExpertModelOptions(ctx.now), ...options },
        classify: UNCLASSIFIED,
        limit: 50,
        weights,
      });
      return ranking.experts.map((e) => e.email);
    },
  };
}

function fileBaseline(name: string, label = name): LineMethod {
  const method = FILE_BASELINES.find((m) => m.name === name);
  if (!method) throw new Error(`no file baseline ${name}`);
  return { name: label, rank: (ctx, q) => method.rank(ctx, q.file) };
}

export const LINE_BASELINES: readonly LineMethod[] = [
  {
    name: 'blame majority of the lines',
    rank(ctx, q) {
      const lines = q.blame.linesByPerson;
      const last = q.blame.lastTimeByPerson;
      return [...lines.keys()].filter(ctx.activity.human).sort((a, b) => (lines.get(b) ?? 0) - (lines.get(a) ?? 0) || (last.get(b) ?? 0) - (last.get(a) ?? 0) || (a < b ? -1 : 1));
    },
  },
  fileBaseline('last modifier', 'last modifier of the file'),
  fileBaseline('hierarchical mix'),
];

/** Scores line queries like file events: each query is one hunk, clustered by its commit. */
export function scoreLineQueries(dataset: RealDataset, queries: readonly LineQuery[], methods: readonly LineMethod[], ctx: FileContext): ScoredQuery[] {
  const core = new Set(ctx.activity.mostActive().slice(0, 3));
  return queries.map((q) => {
    const slices: string[] = [];
    if (dataset.index.people.has(q.author)) slices.push(FILE_SLICES[0]);
    if (!core.has(q.author)) slices.push(FILE_SLICES[1]);
    return {
      cluster: `${dataset.name}\0${q.commit}`,
      slices,
      ranks: methods.map((m) => m.rank(ctx, q).indexOf(q.author) + 1),
    };
  });
}
