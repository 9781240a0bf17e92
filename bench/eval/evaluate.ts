import type { GitRunner } from '../../src/core/git/gitRunner';
import type { ScoreWeights } from '../../src/core/experts/scoring';
import type { ExpertModelOptions } from '../../src/core/experts/types';
import { FILE_SLICES, fileContext, scoreFileEvents } from './fileEval';
import { FILE_BASELINES, modelMethod, type FileContext, type FileMethod } from './fileMethods';
import { LINE_BASELINES, lineModelMethod, scoreLineQueries, type LineMethod } from './lineEval';
import { buildLineQueries, type LineQuery, type LineQueryStats } from './lineQueries';
import { scoreQueries, type MethodInfo, type ScoredQuery } from './metrics';
import type { RealDataset } from './realDataset';
import type { EvalTable } from './report';

/** Settings of the model under evaluation (the product's defaults unless overridden). */
export interface ModelSettings {
  weights?: Partial<ScoreWeights>;
  options?: Partial<ExpertModelOptions>;
}

export interface PreparedRepo {
  dataset: RealDataset;
  ctx: FileContext;
  lineQueries: LineQuery[];
  lineStats?: LineQueryStats;
}

export interface ScoredRepo {
  name: string;
  file: ScoredQuery[];
  lines: ScoredQuery[];
}

export function fileMethods(settings: ModelSettings = {}): FileMethod[] {
  return [modelMethod('Constellation model', settings.options, settings.weights), ...FILE_BASELINES];
}

export function lineMethods(settings: ModelSettings = {}): LineMethod[] {
  return [lineModelMethod('Constellation model', settings.options, settings.weights), ...LINE_BASELINES];
}

export function methodInfo(methods: ReadonlyArray<FileMethod | LineMethod>): MethodInfo[] {
  return methods.map((m, i) => ({ name: m.name, fileAgnostic: 'fileAgnostic' in m ? m.fileAgnostic : false, role: i === 0 ? 'model' : 'baseline' }));
}

/** The line queries of a dataset (git diff and blame at the cut-off); none when `commits` is 0. */
export async function prepareRepo(git: GitRunner, dataset: RealDataset, lineCommits: number, seed: number): Promise<PreparedRepo> {
  const ctx = fileContext(dataset);
  if (lineCommits <= 0) return { dataset, ctx, lineQueries: [] };
  const { queries, stats } = await buildLineQueries(git, dataset, { commits: lineCommits, hunksPerCommit: 10, seed });
  return { dataset, ctx, lineQueries: queries, lineStats: stats };
}

export function scoreRepo(repo: PreparedRepo, settings: ModelSettings = {}): ScoredRepo {
  return {
    name: repo.dataset.name,
    file: scoreFileEvents(repo.dataset, fileMethods(settings), repo.ctx),
    lines: scoreLineQueries(repo.dataset, repo.lineQueries, lineMethods(settings), repo.ctx),
  };
}

const day = (t: number): string => new Date(t * 1000).toISOString().slice(0, 10);

function describeFile(d: RealDataset): string {
  const w = d.window;
  const s = d.later.skipped;
  return `cut-off ${w.cutoff.sha.slice(0, 10)} (${day(w.cutoff.time)}), events up to ${day(w.end.time)}: ${d.events.length} (author, file) events from ` +
    `${d.later.commits.length} commits on ${new Set(d.events.map((e) => e.file)).size} of ${d.filesAtCutoff.size} files; ` +
    `left out ${s.bots} bot, ${s.bulk} bulk (> 100 files) and ${s.merges} merge commits; ${d.aliases.size} identities merged`;
}

function describeLines(repo: PreparedRepo): string {
  const s = repo.lineStats;
  if (!s) return 'not run';
  return `${repo.lineQueries.length} hunks from ${s.commitsSampled} sampled later commits (of ${s.hunks} hunks: ${s.insertions} pure insertions and ` +
    `${s.newerLines} rewriting only lines written after the cut-off have no lines at the cut-off; at most 10 hunks per commit)`;
}

export function repoTables(repo: PreparedRepo, scored: ScoredRepo, resamples: number): EvalTable[] {
  const tables: EvalTable[] = [{
    title: `${scored.name}: who changes a file next`,
    description: describeFile(repo.dataset),
    slices: scoreQueries(scored.file, methodInfo(fileMethods()), FILE_SLICES, resamples),
  }];
  if (repo.lineStats) {
    tables.push({
      title: `${scored.name}: who changes these lines next`,
      description: describeLines(repo),
      slices: scoreQueries(scored.lines, methodInfo(lineMethods()), FILE_SLICES, resamples),
    });
  }
  return tables;
}

export function pooledTables(label: string, scored: readonly ScoredRepo[], resamples: number): EvalTable[] {
  const file = scored.flatMap((s) => s.file);
  const lines = scored.flatMap((s) => s.lines);
  const names = scored.map((s) => s.name).join(', ');
  const tables: EvalTable[] = [{
    title: `${label}: who changes a file next`,
    description: `${scored.length} repositories (${names}); every event counts once; intervals resample commits within the pool`,
    slices: scoreQueries(file, methodInfo(fileMethods()), FILE_SLICES, resamples),
  }];
  if (lines.length > 0) {
    tables.push({
      title: `${label}: who changes these lines next`,
      description: `${lines.length} hunks from ${scored.length} repositories`,
      slices: scoreQueries(lines, methodInfo(lineMethods()), FILE_SLICES, resamples),
    });
  }
  return tables;
}
