import type { ScoreWeights } from '../../src/core/experts/scoring';
import type { ExpertModelOptions } from '../../src/core/experts/types';
import { FILE_BASELINES, modelMethod } from './fileMethods';
import { LINE_BASELINES, lineModelMethod } from './lineEval';
import type { ModelSettings, PreparedRepo } from './evaluate';

/**
 * The windows tuned on: cut-offs two and three years before each tip, one year of events each.
 * Both end where the primary window (the last year) begins, so the figures reported on it were
 * not tuned on. Two windows rather than one, so that one year's bursts weigh less in the choice.
 */
export const TUNING_WINDOWS: ReadonlyArray<{ cutoffDays: number; windowDays: number }> = [
  { cutoffDays: 730, windowDays: 365 },
  { cutoffDays: 1095, windowDays: 365 },
];

/**
 * The tuning procedure, over every (repository, window) dataset it is given.
 *
 * Stage 1 grid-searches the file-level settings for the objective
 *   pooled top-3 − Σ_repo (events_repo / events) · max(0, best baseline_repo − model_repo − 1 point)
 * (the pooled gain, minus what is lost on any repository falling more than a point below its best
 * baseline, the evaluation's two targets). Settings within SETTINGS_TOLERANCE of the best objective
 * cannot be told apart (the 95% intervals are several points wide); among them the search takes
 * the smallest activity exponents (short plus long), then the strongest smoothing, so the prior
 * on who is active never weighs more than the data need. Stage 2 then picks how much the lines' blame boosts
 * a person (`linesBoost`) on the line-level queries, with the stage-1 settings (see LINES_TOLERANCE).
 */
/**
 * The one question the last search asked: does a long-run activity term (commits weighted with a
 * one-year half-life) help, at the other settings earlier searches chose? The wider grid
 * (activity 0–4, activity half-lives 15–120 days, longActivity 0–3, smoothing 1–10, change
 * half-lives 180/365: 480 settings) costs about 11 s a setting over the 18 tuning datasets,
 * some 90 minutes on the shared machine, so it was not run; 90-day change half-lives and areas
 * of 30 or 300 changes lost in every earlier search. Later questions ran as `--grid`/`--then`
 * overrides of this grid (the commands are in docs/ranking-evaluation.md); `activityDays` (what
 * A(p) counts: commits 0, active days 1) joined it when active days became the default.
 */
export const FILE_GRID: Readonly<Record<string, readonly number[]>> = {
  activity: [3],
  activityHalfLifeDays: [30],
  activityDays: [0, 1],
  coChange: [0, 0.3],
  longActivity: [0, 1, 2],
  smoothing: [3],
  halfLifeDays: [180],
  backoffMinChanges: [100],
};
export const LINES_GRID: readonly number[] = [0, 1, 2, 3, 5, 8, 12, 20];

/**
 * Stage 2 takes the strongest boost whose line-level top-3 is within one point of the best (and
 * not below the best line-level baseline): the product shows the authors of the lines first,
 * and the line-level measurement cannot tell such settings apart (its 95% intervals are several
 * points wide).
 */
export const LINES_TOLERANCE = 0.01;

/** Objectives closer than this (a tenth of a point of top-3) are ties. */
export const SETTINGS_TOLERANCE = 0.001;

const OPTION_KEYS = new Set(['halfLifeDays', 'backoffMinChanges', 'formerAfterDays']);

export interface TuneResult {
  settings: Record<string, number>;
  objective: number;
  pooledTop3: number;
  perRepo: Record<string, number>;
  /** Per dataset: share of events whose author is among the ranked candidates at all. */
  recall: Record<string, number>;
}

export interface TuneReport {
  top: TuneResult[];
  /** Every setting tried, in grid order. */
  all: TuneResult[];
  /** Settings tied with the best (within SETTINGS_TOLERANCE), in the order the tie-break ranks them. */
  ties: Array<Record<string, number>>;
  /** Per parameter and value: the best objective of any setting with that value (sensitivity). */
  marginals: Record<string, Record<string, number>>;
  baselines: Record<string, { method: string; top3: number }>;
  lines: Array<{ linesBoost: number; top3: number }>;
  chosen: ModelSettings;
}

function* combinations(grid: Readonly<Record<string, readonly number[]>>): Generator<Record<string, number>> {
  const keys = Object.keys(grid);
  const walk = function* (i: number, acc: Record<string, number>): Generator<Record<string, number>> {
    if (i === keys.length) {
      yield acc;
      return;
    }
    for (const v of grid[keys[i]]) yield* walk(i + 1, { ...acc, [keys[i]]: v });
  };
  yield* walk(0, {});
}

export function toSettings(combo: Record<string, number>): ModelSettings {
  const weights: Partial<ScoreWeights> = {};
  const options: Partial<ExpertModelOptions> = {};
  for (const [k, v] of Object.entries(combo)) {
    if (OPTION_KEYS.has(k)) (options as Record<string, number>)[k] = v;
    else (weights as Record<string, number>)[k] = v;
  }
  return { weights, options };
}

/** Share of events whose author a ranking puts in its first three (each file ranked once). */
export function top3(repo: PreparedRepo, rank: (file: string) => string[]): number {
  return top3AndRecall(repo, rank).top3;
}

/** top3, and the share of events whose author is anywhere in the (whole) ranking. */
export function top3AndRecall(repo: PreparedRepo, rank: (file: string) => string[]): { top3: number; recall: number } {
  const cache = new Map<string, string[]>();
  let hits = 0;
  let found = 0;
  for (const e of repo.dataset.events) {
    let list = cache.get(e.file);
    if (!list) cache.set(e.file, (list = rank(e.file)));
    const at = list.indexOf(e.author);
    if (at >= 0) found++;
    if (at >= 0 && at < 3) hits++;
  }
  const n = repo.dataset.events.length;
  return { top3: n > 0 ? hits / n : 0, recall: n > 0 ? found / n : 0 };
}

/** The best line-level baseline's pooled top-3. */
function lineBaselineTop3(repos: readonly PreparedRepo[]): number {
  let best = 0;
  for (const m of LINE_BASELINES) {
    let hits = 0;
    let n = 0;
    for (const r of repos) {
      for (const q of r.lineQueries) {
        n++;
        if (m.rank(r.ctx, q).slice(0, 3).includes(q.author)) hits++;
      }
    }
    best = Math.max(best, n > 0 ? hits / n : 0);
  }
  return best;
}

/** Every setting of one grid or of several (each its own cartesian product), each setting once. */
function settingsOf(grids: ReadonlyArray<Readonly<Record<string, readonly number[]>>>): Array<Record<string, number>> {
  const seen = new Set<string>();
  const out: Array<Record<string, number>> = [];
  for (const grid of grids) {
    for (const combo of combinations(grid)) {
      const key = JSON.stringify(combo);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(combo);
    }
  }
  return out;
}

export function tune(repos: readonly PreparedRepo[], log: (line: string) => void = () => undefined, grid: Readonly<Record<string, readonly number[]>> | ReadonlyArray<Readonly<Record<string, readonly number[]>>> = FILE_GRID, linesGrid = LINES_GRID): TuneReport {
  const total = repos.reduce((n, r) => n + r.dataset.events.length, 0) || 1;
  const baselines: TuneReport['baselines'] = {};
  for (const r of repos) {
    let best = { method: '', top3: -1 };
    for (const m of FILE_BASELINES) {
      const t = top3(r, (file) => m.rank(r.ctx, file));
      if (t > best.top3) best = { method: m.name, top3: t };
    }
    baselines[r.dataset.name] = best;
  }
  const results: TuneResult[] = [];
  const marginals: TuneReport['marginals'] = {};
  let done = 0;
  for (const combo of settingsOf(Array.isArray(grid) ? grid : [grid])) {
    const settings = toSettings(combo);
    const perRepo: Record<string, number> = {};
    const recall: Record<string, number> = {};
    let pooled = 0;
    let penalty = 0;
    for (const r of repos) {
      const method = modelMethod('model', settings.options, settings.weights, Number.MAX_SAFE_INTEGER);
      const { top3: t, recall: reached } = top3AndRecall(r, (file) => method.rank(r.ctx, file));
      perRepo[r.dataset.name] = t;
      recall[r.dataset.name] = reached;
      const share = r.dataset.events.length / total;
      pooled += share * t;
      penalty += share * Math.max(0, baselines[r.dataset.name].top3 - t - 0.01);
    }
    const result = { settings: combo, objective: pooled - penalty, pooledTop3: pooled, perRepo, recall };
    results.push(result);
    for (const [k, v] of Object.entries(combo)) {
      const m = (marginals[k] ??= {});
      m[String(v)] = Math.max(m[String(v)] ?? -Infinity, result.objective);
    }
    if (++done % 50 === 0) log(`  ${done} settings tried`);
  }
  const all = [...results];
  results.sort((a, b) => b.objective - a.objective);
  const ties = results.filter((r) => r.objective >= results[0].objective - SETTINGS_TOLERANCE);
  const prior = (r: TuneResult): number => (r.settings.activity ?? 0) + (r.settings.longActivity ?? 0);
  const pick = ties.sort((a, b) => prior(a) - prior(b) || (b.settings.smoothing ?? 0) - (a.settings.smoothing ?? 0) || b.objective - a.objective)[0];
  const best = toSettings(pick.settings);
  const lines: TuneReport['lines'] = [];
  for (const linesBoost of linesGrid) {
    let hits = 0;
    let n = 0;
    for (const r of repos) {
      const method = lineModelMethod('model', best.options, { ...best.weights, linesBoost });
      for (const q of r.lineQueries) {
        n++;
        if (method.rank(r.ctx, q).slice(0, 3).includes(q.author)) hits++;
      }
    }
    lines.push({ linesBoost, top3: n > 0 ? hits / n : 0 });
  }
  const bestTop3 = Math.max(...lines.map((l) => l.top3));
  const floor = Math.max(bestTop3 - LINES_TOLERANCE, lineBaselineTop3(repos));
  const bestLines = lines.filter((l) => l.top3 >= floor).sort((a, b) => b.linesBoost - a.linesBoost)[0] ?? lines.find((l) => l.top3 === bestTop3);
  const chosen: ModelSettings = { options: best.options, weights: { ...best.weights, linesBoost: bestLines?.linesBoost ?? 0 } };
  return { top: results.slice(0, 10), all, ties: ties.map((t) => t.settings), marginals, baselines, lines, chosen };
}

const pct = (v: number): string => (v * 100).toFixed(1);

/** Markdown rows: per dataset, each setting's candidate recall / top-3; then pooled top-3 and the objective. */
export function settingsTable(report: TuneReport, repos: readonly PreparedRepo[]): string[] {
  const label = (r: TuneResult): string => Object.entries(r.settings).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    `| tuning dataset | events | best baseline top-3 | ${report.all.map(label).join(' | ')} |`,
    `|---|---|---|${report.all.map(() => '---|').join('')}`,
  ];
  for (const r of repos) {
    const name = r.dataset.name;
    const b = report.baselines[name];
    lines.push(`| ${name} | ${r.dataset.events.length} | ${pct(b.top3)} (${b.method}) | ${report.all.map((s) => `${pct(s.recall[name])} / ${pct(s.perRepo[name])}`).join(' | ')} |`);
  }
  const total = repos.reduce((n, r) => n + r.dataset.events.length, 0) || 1;
  const pooledRecall = (s: TuneResult): number => repos.reduce((a, r) => a + (r.dataset.events.length / total) * s.recall[r.dataset.name], 0);
  lines.push(`| **pooled recall / top-3** | ${total} | | ${report.all.map((s) => `${pct(pooledRecall(s))} / ${(s.pooledTop3 * 100).toFixed(2)}`).join(' | ')} |`);
  lines.push(`| **objective** | | | ${report.all.map((s) => (s.objective * 100).toFixed(2)).join(' | ')} |`);
  return lines;
}
