import { BlameCache } from '../../core/git/blame';
import { GitRunner } from '../../core/git/gitRunner';
import { buildHistoryIndex } from '../../core/git/historyIndexBuilder';
import type { HistoryIndexData } from '../../core/git/historyTypes';
import { resolveRevision } from '../../core/git/repository';
import { DirectoryCache } from '../../core/engine/directoryCache';
import { ExpertQueryService, type ExpertQuery } from '../../core/engine/expertQueryService';
import { defaultExpertModelOptions } from '../../core/experts/ranking';
import type { Logger } from '../../core/logger';
import { createIndexManager, openRepository, translateGitError } from '../context';
import { CliError, ExitCode } from '../exitCodes';
import { terminalJson } from '../terminalText';
import { rankingToJson, rankingToText, type ExpertJson } from '../output';
import { resolveTarget, type ResolvedTarget } from '../targetResolution';

export interface ExpertsOptions {
  repo?: string;
  at?: string;
  limit: number;
  json: boolean;
}

/** `constellation experts <path>[:<start>[-<end>]]...`: ranks experts for each target with one loaded index. */
export async function runExperts(rawSpecs: string[], options: ExpertsOptions, logger: Logger): Promise<string> {
  if (rawSpecs.length === 0) throw new CliError('experts needs at least one path', ExitCode.usage);
  const git = new GitRunner({ logger });
  const repo = await openRepository(git, options.repo);
  const manager = createIndexManager(git, logger);
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
  // Every argument is checked before any ranking: a mistake costs neither blame nor the directory.
  const targets: ResolvedTarget[] = [];
  for (const raw of rawSpecs) {
    targets.push(await resolveTarget({ git, repo, index, revision, at: options.at }, raw).catch((err) => { throw translateGitError(err); }));
  }
  const results: Array<{ target: ResolvedTarget; json: ExpertJson[]; text: string }> = [];
  for (const target of targets) {
    const query: ExpertQuery = {
      repository: repo.root,
      path: target.path,
      kind: target.startLine !== undefined ? 'lines' : target.kind,
      startLine: target.startLine,
      endLine: target.endLine,
      limit: options.limit,
    };
    const ranking = await queries.rank(query, { index, revision }).catch((err) => { throw translateGitError(err); });
    if (!ranking) throw new CliError(`no ranking for '${target.raw}'`, ExitCode.failed);
    results.push({ target, json: rankingToJson(ranking), text: rankingToText(target.raw, ranking) });
  }
  if (!options.json) return results.map((r) => r.text).join('\n\n');
  if (results.length === 1) return terminalJson(results[0].json);
  return terminalJson(Object.fromEntries(results.map((r) => [r.target.raw, r.json])));
}
