import { Prng } from './prng';

export const METRICS = ['top1', 'top3', 'top5', 'mrr'] as const;
export type MetricName = (typeof METRICS)[number];

/** A point estimate with its commit-clustered 95% bootstrap interval. */
export interface Estimate {
  value: number;
  lo: number;
  hi: number;
}

export type SliceMetrics = { n: number } & Record<MetricName, Estimate>;

/** One query scored: where each method ranked the real author (1-based; 0 = not ranked). */
export interface ScoredQuery {
  /** Bootstrap cluster (the commit that produced the event; repository-qualified when pooled). */
  cluster: string;
  /** Slices the query belongs to besides 'all'. */
  slices: readonly string[];
  ranks: readonly number[];
}

export interface MethodInfo {
  name: string;
  fileAgnostic?: boolean;
  /** 'model': the product's model, compared with every baseline; 'variant': shown, never the best baseline. */
  role: 'model' | 'baseline' | 'variant';
}

export interface PairedDifference {
  baseline: string;
  top3: Estimate;
  mrr: Estimate;
}

export interface SliceResult {
  slice: string;
  n: number;
  clusters: number;
  methods: Record<string, SliceMetrics>;
  /** The model minus the best baseline by top-3 (and minus the best baseline that is not file-agnostic). */
  versusBest?: PairedDifference;
  versusBestFileAware?: PairedDifference;
}

function metricValue(metric: MetricName, rank: number): number {
  if (rank <= 0) return 0;
  if (metric === 'mrr') return 1 / rank;
  const k = metric === 'top1' ? 1 : metric === 'top3' ? 3 : 5;
  return rank <= k ? 1 : 0;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[i];
}

function interval(samples: Float64Array, value: number): Estimate {
  const sorted = Float64Array.from(samples).sort();
  return { value, lo: percentile(sorted, 0.025), hi: percentile(sorted, 0.975) };
}

/**
 * Top-1/3/5 and MRR of every method on every slice, with 95% intervals from a bootstrap over
 * clusters (commits): one commit's events move together, so resampling events alone would
 * understate the uncertainty. The same resamples serve every method, so differences are paired.
 */
export function scoreQueries(queries: readonly ScoredQuery[], methods: readonly MethodInfo[], sliceNames: readonly string[], resamples = 1000, seed = 20260822): SliceResult[] {
  const clusterIds = new Map<string, number>();
  for (const q of queries) if (!clusterIds.has(q.cluster)) clusterIds.set(q.cluster, clusterIds.size);
  const C = clusterIds.size;
  const M = methods.length;
  const K = METRICS.length;
  const slices = ['all', ...sliceNames];
  // sums[s][c * M * K + m * K + k], counts[s][c]
  const sums = slices.map(() => new Float64Array(C * M * K));
  const counts = slices.map(() => new Float64Array(C));
  for (const q of queries) {
    const c = clusterIds.get(q.cluster) as number;
    slices.forEach((slice, s) => {
      if (s > 0 && !q.slices.includes(slice)) return;
      counts[s][c]++;
      for (let m = 0; m < M; m++) for (let k = 0; k < K; k++) sums[s][c * M * K + m * K + k] += metricValue(METRICS[k], q.ranks[m]);
    });
  }
  const rng = new Prng(seed);
  const draws: Uint32Array[] = [];
  for (let b = 0; b < resamples; b++) {
    const d = new Uint32Array(C);
    for (let i = 0; i < C; i++) d[i] = Math.floor(rng.next() * C);
    draws.push(d);
  }
  return slices.map((slice, s) => {
    const total = new Float64Array(M * K);
    let n = 0;
    let clusters = 0;
    for (let c = 0; c < C; c++) {
      n += counts[s][c];
      if (counts[s][c] > 0) clusters++;
      for (let j = 0; j < M * K; j++) total[j] += sums[s][c * M * K + j];
    }
    const point = (m: number, k: number): number => (n > 0 ? total[m * K + k] / n : 0);
    // samples[(m * K + k) * B + b]
    const samples = new Float64Array(M * K * resamples);
    for (let b = 0; b < resamples; b++) {
      const acc = new Float64Array(M * K);
      let nb = 0;
      for (const c of draws[b]) {
        nb += counts[s][c];
        const base = c * M * K;
        for (let j = 0; j < M * K; j++) acc[j] += sums[s][base + j];
      }
      for (let j = 0; j < M * K; j++) samples[j * resamples + b] = nb > 0 ? acc[j] / nb : 0;
    }
    const sampleOf = (m: number, k: number): Float64Array => samples.subarray((m * K + k) * resamples, (m * K + k + 1) * resamples);
    const result: SliceResult = { slice, n, clusters, methods: {} };
    methods.forEach((method, m) => {
      const row = { n } as SliceMetrics;
      METRICS.forEach((metric, k) => { row[metric] = interval(sampleOf(m, k), point(m, k)); });
      result.methods[method.name] = row;
    });
    const candidate = methods.findIndex((x) => x.role === 'model');
    if (candidate >= 0 && n > 0) {
      const diff = (other: number): PairedDifference => {
        const top3 = METRICS.indexOf('top3');
        const mrr = METRICS.indexOf('mrr');
        const delta = (k: number): Estimate => {
          const a = sampleOf(candidate, k);
          const o = sampleOf(other, k);
          const d = new Float64Array(resamples);
          for (let b = 0; b < resamples; b++) d[b] = a[b] - o[b];
          return interval(d, point(candidate, k) - point(other, k));
        };
        return { baseline: methods[other].name, top3: delta(top3), mrr: delta(mrr) };
      };
      const best = (eligible: (m: MethodInfo) => boolean): number => {
        let pick = -1;
        methods.forEach((x, m) => {
          if (x.role !== 'baseline' || !eligible(x)) return;
          if (pick < 0 || point(m, 1) > point(pick, 1) || (point(m, 1) === point(pick, 1) && point(m, 3) > point(pick, 3))) pick = m;
        });
        return pick;
      };
      const overall = best(() => true);
      const fileAware = best((x) => !x.fileAgnostic);
      if (overall >= 0) result.versusBest = diff(overall);
      if (fileAware >= 0) result.versusBestFileAware = diff(fileAware);
    }
    return result;
  });
}
