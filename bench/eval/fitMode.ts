import { FEATURE_NAMES } from '../../src/core/experts/features';
import { scoreRepo, type PreparedRepo, type ScoredRepo } from './evaluate';
import { FILE_SLICES } from './fileEval';
import { scoreQueries, type ScoredQuery } from './metrics';
import { FILE_BASELINES, modelMethod } from './fileMethods';
import { fitDataset, fitPooled, groupTop3, learnedScore, PRODUCT_WEIGHTS, type FitDataset } from './fitRanker';
import { top3 } from './tune';

/** The settings the fit searches: the L2 penalty and how much a repository's size counts (fitRanker.ts). */
export const FIT_GRID = { l2: [1e-3, 1e-2, 1e-1], balance: [0, 0.5, 1] } as const;

export interface FitReport {
  coefficients: number[];
  l2: number;
  balance: number;
  perDataset: Array<{ name: string; events: number; reachable: number; knownEvents: number; baseline: { method: string; top3: number }; product: number; learned: number }>;
  pooled: { product: number; learned: number; objectiveProduct: number; objectiveLearned: number };
}

const pct = (v: number): string => (v * 100).toFixed(1);

/** The tuning objective (tune.ts): pooled top-3 minus the share-weighted shortfall below each best baseline beyond a point. */
function objective(rows: ReadonlyArray<{ events: number; top3: number; baseline: number }>): { pooled: number; objective: number } {
  const total = rows.reduce((n, r) => n + r.events, 0) || 1;
  let pooled = 0;
  let penalty = 0;
  for (const r of rows) {
    pooled += (r.events / total) * r.top3;
    penalty += (r.events / total) * Math.max(0, r.baseline - r.top3 - 0.01);
  }
  return { pooled, objective: pooled - penalty };
}

/**
 * `npm run eval -- --fit`: measures the candidate recall, fits the learned ranker on the tuning
 * windows over FIT_GRID, picks the setting with the best in-sample objective, then scores it
 * and the product model exactly as the editor ranks (rankExperts) on the same events.
 */
export function fitAndReport(prepared: readonly PreparedRepo[], log: (line: string) => void): FitReport {
  const data: FitDataset[] = prepared.map(fitDataset);
  const baselines = prepared.map((r) => {
    let best = { method: '', top3: -1 };
    for (const m of FILE_BASELINES) {
      const t = top3(r, (file) => m.rank(r.ctx, file));
      if (t > best.top3) best = { method: m.name, top3: t };
    }
    return best;
  });
  log('candidate recall (share of events whose author is a candidate at all):');
  for (const d of data) log(`  ${d.name}: ${d.reachable}/${d.events} = ${pct(d.reachable / Math.max(1, d.events))}% of all events, ${pct(d.reachable / Math.max(1, d.knownEvents))}% of the ${d.knownEvents} by known authors`);
  const reach = data.reduce((s, d) => s + d.reachable, 0);
  const events = data.reduce((s, d) => s + d.events, 0);
  log(`  pooled: ${reach}/${events} = ${pct(reach / Math.max(1, events))}%`);
  let best: { l2: number; balance: number; coefficients: number[]; objective: number } | undefined;
  for (const l2 of FIT_GRID.l2) {
    for (const balance of FIT_GRID.balance) {
      const started = Date.now();
      const fit = fitPooled(data, l2, balance);
      const rows = data.map((d, i) => ({ events: d.events, top3: groupTop3(d, learnedScore(d, fit.coefficients)), baseline: baselines[i].top3 }));
      const o = objective(rows);
      log(`fit l2 ${l2} balance ${balance}: loss ${fit.loss.toFixed(4)}, ${fit.iterations} iterations${fit.converged ? '' : ' (not converged)'}, ${((Date.now() - started) / 1000).toFixed(1)} s; in-sample pooled top-3 ${pct(o.pooled)}, objective ${pct(o.objective)}`);
      if (!best || o.objective > best.objective + 0.001) best = { l2, balance, coefficients: fit.coefficients, objective: o.objective };
    }
  }
  if (!best) throw new Error('no fit');
  const chosen = best;
  log(`chosen: l2 ${chosen.l2}, balance ${chosen.balance}`);
  chosen.coefficients.forEach((c, i) => log(`  ${FEATURE_NAMES[i]}: ${c.toFixed(4)}`));
  const learnedMethod = modelMethod('learned', {}, { coefficients: chosen.coefficients });
  const productMethod = modelMethod('product', {}, PRODUCT_WEIGHTS);
  const perDataset = prepared.map((r, i) => ({
    name: data[i].name,
    events: data[i].events,
    reachable: data[i].reachable,
    knownEvents: data[i].knownEvents,
    baseline: baselines[i],
    product: top3(r, (file) => productMethod.rank(r.ctx, file)),
    learned: top3(r, (file) => learnedMethod.rank(r.ctx, file)),
  }));
  log('\n| tuning dataset | events | candidate recall | best baseline top-3 | product top-3 | learned top-3 |');
  log('|---|---|---|---|---|---|');
  for (const d of perDataset) log(`| ${d.name} | ${d.events} | ${pct(d.reachable / Math.max(1, d.events))} | ${pct(d.baseline.top3)} (${d.baseline.method}) | ${pct(d.product)} | ${pct(d.learned)} |`);
  const p = objective(perDataset.map((d) => ({ events: d.events, top3: d.product, baseline: d.baseline.top3 })));
  const l = objective(perDataset.map((d) => ({ events: d.events, top3: d.learned, baseline: d.baseline.top3 })));
  log(`| **pooled top-3** | ${events} | ${pct(reach / Math.max(1, events))} | | ${(p.pooled * 100).toFixed(2)} | ${(l.pooled * 100).toFixed(2)} |`);
  log(`| **objective** | | | | ${(p.objective * 100).toFixed(2)} | ${(l.objective * 100).toFixed(2)} |`);
  log(`\nLEARNED_COEFFICIENTS = [${chosen.coefficients.map((c) => c.toFixed(4)).join(', ')}]`);
  return { coefficients: chosen.coefficients, l2: chosen.l2, balance: chosen.balance, perDataset, pooled: { product: p.pooled, learned: l.pooled, objectiveProduct: p.objective, objectiveLearned: l.objective } };
}

const signed = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}`;

/**
 * The model under evaluation against the product model (PRODUCT_WEIGHTS) on the same events and
 * hunks: top-3 of both and the paired difference with its commit-clustered interval, per
 * repository and pooled, file level (all events and outside the three most active) and line level.
 */
export function versusProduct(prepared: readonly PreparedRepo[], scored: readonly ScoredRepo[], resamples: number): string[] {
  const product = prepared.map((r) => scoreRepo(r, { weights: PRODUCT_WEIGHTS }));
  const pair = (a: readonly ScoredQuery[], b: readonly ScoredQuery[]): ScoredQuery[] => a.map((q, i) => ({ cluster: q.cluster, slices: q.slices, ranks: [q.ranks[0], b[i].ranks[0]] }));
  const methods = [{ name: 'model', role: 'model' as const }, { name: 'product', role: 'baseline' as const }];
  const describe = (label: string, queries: ScoredQuery[]): string[] => {
    if (queries.length === 0) return [];
    return scoreQueries(queries, methods, FILE_SLICES, resamples)
      .filter((s) => s.slice !== FILE_SLICES[0])
      .map((s) => {
        const d = s.versusBest?.top3;
        return `| ${label} | ${s.slice} | ${s.n} | ${(s.methods.model.top3.value * 100).toFixed(1)} | ${(s.methods.product.top3.value * 100).toFixed(1)} | ${d ? `${signed(d.value)} [${signed(d.lo)}, ${signed(d.hi)}]` : ''} |`;
      });
  };
  const lines = ['', '| repository | slice | n | model top-3 | product model top-3 | model − product (95% interval) |', '|---|---|---|---|---|---|'];
  scored.forEach((s, i) => lines.push(...describe(`${s.name}, file`, pair(s.file, product[i].file)), ...describe(`${s.name}, lines`, pair(s.lines, product[i].lines))));
  if (scored.length > 1) {
    lines.push(...describe('pooled, file', pair(scored.flatMap((s) => s.file), product.flatMap((p) => p.file))));
    lines.push(...describe('pooled, lines', pair(scored.flatMap((s) => s.lines), product.flatMap((p) => p.lines))));
  }
  return lines;
}
