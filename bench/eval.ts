/**
 * Evaluation of the expertise model by replaying history: the engine sees a repository up to a
 * cut-off commit (70% of first-parent history by time) and must name who will change each file
 * afterwards. Compares the model with simple baselines on this repository and on generated ones.
 *
 *   node out/bench/eval.js [--repo DIR]... [--seeds 101,102,103] [--no-generated] [--max-files N]
 *                          [--commits N] [--json] [--tune]
 *
 * --tune grid-searches the weights on tuning seeds (1,2,3 unless --seeds), never the reported ones.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitRunner } from '../src/core/git/gitRunner';
import { silentLogger } from '../src/core/logger';
import { prepareDataset, type EvalDataset } from './eval/dataset';
import { createGeneratedRepo } from './eval/generator';
import { BASELINES, evaluate, modelMethod, type Method, type Metrics } from './eval/methods';
import { describe, formatTable, pooled, type DatasetResult } from './eval/report';
import { tune } from './eval/tune';

interface Args {
  repos: string[];
  seeds: number[];
  generated: boolean;
  maxFiles: number;
  commits: number;
  json: boolean;
  tune: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { repos: [], seeds: [], generated: true, maxFiles: 150, commits: 2500, json: false, tune: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--repo') args.repos.push(path.resolve(value()));
    else if (a === '--seeds') args.seeds = value().split(',').map(Number).filter(Number.isFinite);
    else if (a === '--no-generated') args.generated = false;
    else if (a === '--max-files') args.maxFiles = Number(value());
    else if (a === '--commits') args.commits = Number(value());
    else if (a === '--json') args.json = true;
    else if (a === '--tune') args.tune = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (args.seeds.length === 0) args.seeds = args.tune ? [1, 2, 3] : [101, 102, 103];
  return args;
}

export const METHODS: readonly Method[] = [modelMethod('model', true), modelMethod('model (history only)', false), ...BASELINES];

export function runMethods(dataset: EvalDataset, methods: readonly Method[] = METHODS): Record<string, Metrics> {
  const out: Record<string, Metrics> = {};
  for (const m of methods) out[m.name] = evaluate(dataset, m);
  return out;
}

function ownRepository(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string): void => {
    if (!args.json) console.log(line);
  };
  const git = new GitRunner({ logger: silentLogger, defaultTimeoutMs: 600_000 });
  const temp = mkdtempSync(path.join(os.tmpdir(), 'constellation-eval-'));
  try {
    const datasets: EvalDataset[] = [];
    if (!args.tune) {
      const repos = args.repos.length > 0 ? args.repos : [ownRepository()].filter((r): r is string => !!r);
      for (const repo of repos) datasets.push(await prepareDataset(git, repo, `repository ${path.basename(repo)}`, { maxFiles: args.maxFiles }));
    }
    const generated: EvalDataset[] = [];
    if (args.generated || args.tune) {
      for (const seed of args.seeds) {
        const dir = path.join(temp, `seed-${seed}`);
        const started = Date.now();
        const { commits } = createGeneratedRepo(dir, { seed, commits: args.commits });
        log(`generated seed ${seed}: ${commits} commits in ${Date.now() - started} ms`);
        generated.push(await prepareDataset(git, dir, `generated seed ${seed}`, { maxFiles: args.maxFiles, seed }));
      }
    }
    if (args.tune) {
      const report = tune(generated);
      if (args.json) console.log(JSON.stringify(report, null, 2));
      for (const r of report.best) log(`MRR ${r.mrr.toFixed(4)}  ${JSON.stringify(r.settings)}`);
      for (const [k, values] of Object.entries(report.marginals)) {
        log(`best MRR by ${k}: ${Object.entries(values).map(([v, m]) => `${v} → ${m.toFixed(4)}`).join(', ')}`);
      }
      return;
    }
    const results: DatasetResult[] = [...datasets, ...generated].map((d) => describe(d, runMethods(d)));
    const pool = pooled(`generated, pooled (${args.seeds.length} seeds)`, results.slice(datasets.length));
    if (pool && generated.length > 1) results.push(pool);
    if (args.json) console.log(JSON.stringify(results, null, 2));
    else for (const r of results) log(`\n${formatTable(r)}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
