import { promises as fs } from 'fs';
import * as path from 'path';
import { BlameCache } from '../../core/git/blame';
import { GitRunner } from '../../core/git/gitRunner';
import { buildHistoryIndex } from '../../core/git/historyIndexBuilder';
import type { HistoryIndexData } from '../../core/git/historyTypes';
import { readFileAt, resolveRevision } from '../../core/git/repository';
import { DirectoryCache } from '../../core/engine/directoryCache';
import { ExpertQueryService, type ExpertQuery } from '../../core/engine/expertQueryService';
import { HistoryIndexManager } from '../../core/engine/historyIndexManager';
import { defaultExpertModelOptions } from '../../core/experts/ranking';
import type { Logger } from '../../core/logger';
import { createStore, openRepository, translateGitError, type CliRepository } from '../context';
import { CliError, ExitCode } from '../exitCodes';
import { rankingToJson, rankingToText, type ExpertJson } from '../output';
import { parseTargetSpec, type TargetSpec } from '../targetSpec';

export interface ExpertsOptions {
  repo?: string;
  at?: string;
  limit: number;
  json: boolean;
}

/**
 * Paths are relative to the current folder when it is inside the work tree, otherwise to the
 * repository root (always so for `--repo` pointing elsewhere and for bare repositories).
 */
function toRepoPath(repo: CliRepository, spec: string): string {
  const cwd = process.cwd();
  const cwdInside = !repo.bare && !path.relative(repo.root, cwd).startsWith('..');
  const absolute = path.isAbsolute(spec) ? spec : cwdInside ? path.resolve(cwd, spec) : path.resolve(repo.root, spec);
  return path.relative(repo.root, absolute).split(path.sep).join('/');
}

function kindOf(index: HistoryIndexData, repoPath: string): 'file' | 'folder' | undefined {
  if (index.files.has(repoPath)) return 'file';
  const prefix = repoPath === '' ? '' : `${repoPath}/`;
  for (const file of index.files.keys()) if (file.startsWith(prefix)) return 'folder';
  return undefined;
}

async function lineCount(git: GitRunner, repo: CliRepository, repoPath: string, revision: string | undefined): Promise<number> {
  const text = revision || repo.bare
    ? await readFileAt(git, repo.root, revision ?? 'HEAD', repoPath)
    : await fs.readFile(path.join(repo.root, repoPath), 'utf8');
  return text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** `constellation experts <path>[:<start>[-<end>]]...`: ranks experts for each target with one loaded index. */
export async function runExperts(rawSpecs: string[], options: ExpertsOptions, logger: Logger): Promise<string> {
  if (rawSpecs.length === 0) throw new CliError('experts needs at least one path', ExitCode.usage);
  const specs: TargetSpec[] = rawSpecs.map(parseTargetSpec);
  const git = new GitRunner({ logger });
  const repo = await openRepository(git, options.repo);
  const store = createStore(logger);
  const manager = new HistoryIndexManager(git, store, logger);
  let index: HistoryIndexData | undefined;
  let revision: string | undefined;
  try {
    if (options.at) {
      revision = await resolveRevision(git, repo.root, options.at);
      index = await buildHistoryIndex(git, repo.root, { until: revision, logger });
    } else {
      index = await manager.ensureFresh(repo.root);
      if (repo.bare && index) revision = index.head;
    }
  } catch (err) {
    throw translateGitError(err);
  }
  if (!index) throw new CliError('the repository has no history to rank', ExitCode.unknownPath);

  // With --at, "now" is the last activity up to REV, so recency and "former" mean what they meant then.
  let now = Date.now() / 1000;
  if (options.at && index.people.size > 0) now = [...index.people.values()].reduce((latest, p) => Math.max(latest, p.lastActive), 0);
  const queries = new ExpertQueryService(git, manager, new BlameCache(), new DirectoryCache(logger, undefined), () => defaultExpertModelOptions(now), logger);
  const results: Array<{ spec: TargetSpec; json: ExpertJson[]; text: string }> = [];
  for (const spec of specs) {
    const repoPath = toRepoPath(repo, spec.path);
    const kind = kindOf(index, repoPath);
    if (!kind) throw new CliError(`unknown path: '${spec.path}' has no history in ${repo.root}${options.at ? ` at ${options.at}` : ''}`, ExitCode.unknownPath);
    if (spec.startLine !== undefined) {
      if (kind === 'folder') throw new CliError(`bad range in '${spec.raw}': a folder has no lines`, ExitCode.badRange);
      const lines = await lineCount(git, repo, repoPath, revision).catch((err) => { throw translateGitError(err); });
      if (spec.endLine! > lines) throw new CliError(`bad range in '${spec.raw}': ${repoPath} has ${lines} lines`, ExitCode.badRange);
    }
    const query: ExpertQuery = {
      repository: repo.root,
      path: repoPath,
      kind: spec.startLine !== undefined ? 'lines' : kind,
      startLine: spec.startLine,
      endLine: spec.endLine,
      limit: options.limit,
    };
    const ranking = await queries.rank(query, { index, revision }).catch((err) => { throw translateGitError(err); });
    if (!ranking) throw new CliError(`no ranking for '${spec.raw}'`, ExitCode.failed);
    results.push({ spec, json: rankingToJson(ranking), text: rankingToText(spec.raw, ranking) });
  }
  if (!options.json) return results.map((r) => r.text).join('\n\n');
  if (results.length === 1) return JSON.stringify(results[0].json, null, 2);
  return JSON.stringify(Object.fromEntries(results.map((r) => [r.spec.raw, r.json])), null, 2);
}
