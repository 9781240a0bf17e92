import { isBot } from '../../src/core/experts/bots';
import { defaultExpertModelOptions, rankExperts } from '../../src/core/experts/ranking';
import { degreeOfAuthorship, type ScoreWeights } from '../../src/core/experts/scoring';
import type { ExpertModelOptions } from '../../src/core/experts/types';
import type { EvalDataset, EvalEvent } from './dataset';

/** A way to rank people for a file at the cut-off: emails, best first. */
export interface Method {
  name: string;
  rank(dataset: EvalDataset, file: string): string[];
}

export interface Metrics {
  n: number;
  top1: number;
  top3: number;
  top5: number;
  mrr: number;
}

export interface ModelSettings {
  weights?: Partial<ScoreWeights>;
  options?: Partial<ExpertModelOptions>;
}

const UNCLASSIFIED = (email: string) => ({ placement: { email }, relationship: 'unknown' as const });

function human(dataset: EvalDataset, email: string): boolean {
  return !isBot(email, dataset.index.people.get(email)?.name ?? '', []);
}

/** Sorts by `key` descending; ties go to the more recent contributor, then by email. */
function orderBy(dataset: EvalDataset, file: string, emails: Iterable<string>, key: (email: string) => number): string[] {
  const history = dataset.index.files.get(file);
  const last = (e: string): number => {
    const times = history?.contributions.get(e)?.changeTimes;
    return times && times.length > 0 ? times[times.length - 1] : -Infinity;
  };
  return [...emails].filter((e) => human(dataset, e)).sort((a, b) => key(b) - key(a) || last(b) - last(a) || (a < b ? -1 : 1));
}

export function modelMethod(name: string, useBlame: boolean, settings: ModelSettings = {}): Method {
  return {
    name,
    rank(dataset, file) {
      const options = { ...defaultExpertModelOptions(dataset.cutoffTime), ...settings.options };
      const ranking = rankExperts({
        index: dataset.index,
        target: { path: file, kind: 'file' },
        blame: useBlame ? dataset.blames.get(file) : undefined,
        options,
        classify: UNCLASSIFIED,
        limit: 1000,
        weights: settings.weights,
      });
      return ranking.experts.map((e) => e.email);
    },
  };
}

export const BASELINES: readonly Method[] = [
  {
    name: 'last modifier',
    rank(dataset, file) {
      const c = dataset.index.files.get(file)?.contributions;
      return c ? orderBy(dataset, file, c.keys(), () => 0) : [];
    },
  },
  {
    name: 'most commits',
    rank(dataset, file) {
      const c = dataset.index.files.get(file)?.contributions;
      return c ? orderBy(dataset, file, c.keys(), (e) => c.get(e)?.changeTimes.length ?? 0) : [];
    },
  },
  {
    name: 'most blame lines',
    rank(dataset, file) {
      const lines = dataset.blames.get(file)?.linesByPerson;
      return lines ? orderBy(dataset, file, lines.keys(), (e) => lines.get(e) ?? 0) : [];
    },
  },
  {
    name: 'DOA only',
    rank(dataset, file) {
      const h = dataset.index.files.get(file);
      if (!h) return [];
      const doa = (e: string): number => {
        const c = h.contributions.get(e);
        return c ? degreeOfAuthorship(c.created, c.changeTimes.length, h.totalChanges - c.changeTimes.length) : 0;
      };
      return orderBy(dataset, file, h.contributions.keys(), doa);
    },
  },
];

/** Top-k hit rates and mean reciprocal rank of the real author (absent = reciprocal rank 0). */
export function evaluate(dataset: EvalDataset, method: Method, events: readonly EvalEvent[] = dataset.events): Metrics {
  const cache = new Map<string, string[]>();
  let top1 = 0;
  let top3 = 0;
  let top5 = 0;
  let rr = 0;
  for (const event of events) {
    let ranked = cache.get(event.file);
    if (!ranked) {
      ranked = method.rank(dataset, event.file);
      cache.set(event.file, ranked);
    }
    const rank = ranked.indexOf(event.author) + 1;
    if (rank === 0) continue;
    if (rank <= 1) top1++;
    if (rank <= 3) top3++;
    if (rank <= 5) top5++;
    rr += 1 / rank;
  }
  const n = events.length;
  const share = (x: number): number => (n === 0 ? 0 : x / n);
  return { n, top1: share(top1), top3: share(top3), top5: share(top5), mrr: share(rr) };
}
