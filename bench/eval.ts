/**
 * `npm run eval`: how well the expertise model predicts who works on code next, on real
 * histories. Each repository is cut a year before its tip (`--cut-off-days`); the engine sees the
 * history up to the cut-off only, built by the product's own index builder, and every later
 * (author, file) change by a person is an event to predict, side by side with plain baselines on
 * the same events. A line-level evaluation asks the same for sampled later hunks.
 *
 *   npm run eval -- --repo DIR [--repo DIR]... [--cutoff-days 365] [--window-days N] [--lines 150]
 *                   [--resamples 1000] [--set name=value]... [--markdown FILE] [--json] [--tune]
 *
 * --tune searches the model's settings on the tuning windows (cut-offs two and three years back,
 * one year of events each, unless --cutoff-days/--window-days say otherwise) and prints what it
 * would choose, with every setting's candidate recall and top-3 per dataset (--grid name=v1,v2
 * replaces one parameter's values in the grid, --then starts a further grid). --fit fits the learned ranker on the same windows (bench/eval/fitMode.ts) and
 * prints its coefficients, the candidate recall and both models' top-3 (`--lines 0` skips the
 * line queries it does not use).
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { GitRunner } from '../src/core/git/gitRunner';
import { silentLogger } from '../src/core/logger';
import { pooledTables, prepareRepo, repoTables, scoreRepo, type ModelSettings, type PreparedRepo, type ScoredRepo } from './eval/evaluate';
import { breakdownTable, missBreakdown, pooledBreakdown } from './eval/missBreakdown';
import { modelMethod } from './eval/fileMethods';
import { prepareRealDataset, repoName } from './eval/realDataset';
import { formatMarkdown, formatText, summaryRow, type EvalTable } from './eval/report';
import { fitAndReport, versusProduct } from './eval/fitMode';
import { FILE_GRID, settingsTable, toSettings, tune, TUNING_WINDOWS } from './eval/tune';

interface Args {
  repos: string[];
  cutoffDays?: number;
  windowDays?: number;
  lines: number;
  resamples: number;
  json: boolean;
  markdown?: string;
  tune: boolean;
  fit: boolean;
  coefficients?: number[];
  set: Record<string, number>;
  /** --grid name=v1,v2,…: replaces that parameter's values in the --tune grid; --then starts another grid. */
  grids: Array<Record<string, number[]>>;
  seed: number;
}

const USAGE = 'usage: npm run eval -- --repo DIR [--repo DIR]... [--cutoff-days 365] [--window-days N] [--lines 150] [--resamples 1000] [--set name=value]... [--grid name=v1,v2,…]... [--then] [--markdown FILE] [--json] [--tune] [--fit] [--coefficients w1,w2,…]';

function parseArgs(argv: string[]): Args {
  const args: Args = { repos: [], lines: 150, resamples: 1000, json: false, tune: false, fit: false, set: {}, grids: [{}], seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    const number = (): number => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} takes a number, not '${raw}'`);
      return n;
    };
    if (a === '--repo') args.repos.push(path.resolve(value()));
    else if (a === '--cutoff-days') args.cutoffDays = number();
    else if (a === '--window-days') args.windowDays = number();
    else if (a === '--lines') args.lines = Math.floor(number());
    else if (a === '--resamples') args.resamples = Math.max(1, Math.floor(number()));
    else if (a === '--seed') args.seed = Math.floor(number());
    else if (a === '--json') args.json = true;
    else if (a === '--markdown') args.markdown = path.resolve(value());
    else if (a === '--tune') args.tune = true;
    else if (a === '--fit') args.fit = true;
    else if (a === '--coefficients') {
      const raw = value();
      const list = raw.split(',').map(Number);
      if (list.length === 0 || !list.every(Number.isFinite)) throw new Error(`--coefficients takes numbers separated by commas, not '${raw}'`);
      args.coefficients = list;
    }
    else if (a === '--grid') {
      const [k, v] = value().split('=');
      const list = (v ?? '').split(',').map(Number);
      if (!k || v === undefined || !list.every(Number.isFinite)) throw new Error(`--grid takes name=number,number,…, not '${k}=${v}'`);
      args.grids[args.grids.length - 1][k] = list;
    } else if (a === '--then') args.grids.push({}); else if (a === '--set') {
      const [k, v] = value().split('=');
      if (!k || v === undefined || !Number.isFinite(Number(v))) throw new Error(`--set takes name=number, not '${k}=${v}'`);
      args.set[k] = Number(v);
    } else throw new Error(`unknown argument: ${a}\n${USAGE}`);
  }
  if (args.repos.length === 0) throw new Error(`no repository given\n${USAGE}`);
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string): void => {
    if (!args.json) process.stdout.write(`${line}\n`);
  };
  const windows = args.cutoffDays !== undefined || !(args.tune || args.fit) ? [{ cutoffDays: args.cutoffDays ?? 365, windowDays: args.windowDays }] : TUNING_WINDOWS;
  const git = new GitRunner({ logger: silentLogger, defaultTimeoutMs: 0 });
  const prepared: PreparedRepo[] = [];
  for (const repo of args.repos) {
    for (const w of windows) {
      const started = Date.now();
      const name = windows.length > 1 ? `${repoName(repo)} (cut ${w.cutoffDays} days back)` : undefined;
      const dataset = await prepareRealDataset(git, repo, { ...w, name });
      if (!dataset) {
        log(`${repo}: the history is shorter than ${w.cutoffDays} days; skipped`);
        continue;
      }
      const ready = await prepareRepo(git, dataset, args.lines, args.seed);
      prepared.push(ready);
      log(`${dataset.name}: read in ${((Date.now() - started) / 1000).toFixed(1)} s (index ${dataset.seconds.index.toFixed(1)} s, later history ${dataset.seconds.later.toFixed(1)} s), ${dataset.events.length} events, ${ready.lineQueries.length} line queries`);
    }
  }
  const settings: ModelSettings = toSettings(args.set);
  if (args.coefficients) settings.weights = { ...settings.weights, coefficients: args.coefficients };
  if (args.fit) {
    const report = fitAndReport(prepared, log);
    if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  if (args.tune) {
    const report = tune(prepared, log, args.grids.map((g) => ({ ...FILE_GRID, ...g })));
    if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    for (const line of settingsTable(report, prepared)) log(line);
    for (const r of report.top) log(`objective ${(r.objective * 100).toFixed(2)}  pooled top-3 ${(r.pooledTop3 * 100).toFixed(2)}  ${JSON.stringify(r.settings)}`);
    for (const [k, values] of Object.entries(report.marginals)) log(`best objective by ${k}: ${Object.entries(values).map(([v, m]) => `${v} → ${(m * 100).toFixed(2)}`).join(', ')}`);
    log(`tied with the best (tie-break order): ${report.ties.map((t) => JSON.stringify(t)).join(' ')}`);
    for (const [repo, b] of Object.entries(report.baselines)) log(`best baseline on ${repo}: ${b.method} ${(b.top3 * 100).toFixed(1)}`);
    log(`lines' blame boost: ${report.lines.map((l) => `${l.linesBoost} → ${(l.top3 * 100).toFixed(1)}`).join(', ')}`);
    log(`chosen: ${JSON.stringify(report.chosen)}`);
    return;
  }
  const scored: ScoredRepo[] = prepared.map((r) => scoreRepo(r, settings));
  if (settings.weights && 'coefficients' in settings.weights) for (const line of versusProduct(prepared, scored, args.resamples)) log(line);
  const tables: EvalTable[] = prepared.flatMap((r, i) => repoTables(r, scored[i], args.resamples));
  if (scored.length > 1) tables.push(...pooledTables(`pooled (${scored.length} repositories)`, scored, args.resamples));
  if (args.json) process.stdout.write(`${JSON.stringify(tables, null, 2)}\n`);
  else for (const t of tables) log(`\n${formatText(t)}`);
  // Where the model's misses are: the author not among its candidates can't be a top-3 hit however it orders them.
  const model = modelMethod('Constellation model', settings.options, settings.weights, Number.MAX_SAFE_INTEGER);
  const breakdowns = prepared.map((r) => missBreakdown(r, model));
  if (breakdowns.length > 1) breakdowns.push(pooledBreakdown(breakdowns));
  log(`\nWhere the model's misses are (in percent):\n${breakdownTable(breakdowns).join('\n')}`);
  if (args.markdown) {
    const header = '| table | events | model top-3 | best baseline top-3 | model − best (95% interval) | outside the 3 most active: model | best baseline reading the file |';
    const summary = [header, '|---|---|---|---|---|---|---|', ...tables.map((t) => `| ${summaryRow(t).join(' | ')} |`)];
    writeFileSync(args.markdown, `${summary.join('\n')}\n\n${tables.map((t) => formatMarkdown(t)).join('\n')}\n`);
    log(`\nMarkdown written to ${args.markdown}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
