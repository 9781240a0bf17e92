import { promises as fs } from 'fs';
import * as path from 'path';
import { GitRunner } from '../../core/git/gitRunner';
import type { Logger } from '../../core/logger';
import { isIdentityMode } from '../../core/summary/identities';
import { exportRepository } from '../../core/summary/exportRepository';
import { readSummaryFile, SummaryError, writeSummaryFile } from '../../core/summary/summaryFile';
import type { ExpertiseSummary, IdentityMode } from '../../core/summary/summaryTypes';
import { HubIndex } from '../../core/hub/hubIndex';
import { FolderHubSource } from '../../core/hub/hubSource';
import { createStore, openRepository, translateGitError } from '../context';
import { CliError, ExitCode } from '../exitCodes';
import { terminalJson } from '../terminalText';

export interface ExportCommandOptions {
  repo?: string;
  /** The repository's name in the hub (default: the remote's owner/name, else the folder's name). */
  name?: string;
  /** directory.yml to use instead of the repository's own (a hub's org-wide directory). */
  directory?: string;
  out?: string;
  previous?: string;
  identities?: string;
  limit: number;
  json: boolean;
}

/** `owner/name`, a bare name or a host path: segments of letters, digits, `.`, `_` and `-`. */
const REPOSITORY_NAME = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** `constellation export [--repo DIR] --out FILE [--previous FILE] [--identities full|login|hashed]`. */
export async function runExport(options: ExportCommandOptions, logger: Logger): Promise<string> {
  if (!options.out) throw new CliError('export needs --out FILE', ExitCode.usage);
  if (options.identities !== undefined && !isIdentityMode(options.identities)) {
    throw new CliError(`--identities takes full, login or hashed, not '${options.identities}'`, ExitCode.usage);
  }
  if (options.name !== undefined && (!REPOSITORY_NAME.test(options.name) || /(^|\/)\.+(\/|$)/.test(options.name))) {
    throw new CliError(`--name takes a repository name such as acme/billing, not '${options.name}'`, ExitCode.usage);
  }
  const git = new GitRunner({ logger, defaultTimeoutMs: 600_000 });
  const repo = await openRepository(git, options.repo);
  const previous = options.previous === undefined ? undefined : previousLookup(options.previous, logger);
  const started = Date.now();
  let result;
  try {
    result = await exportRepository({
      git,
      root: repo.root,
      name: options.name,
      store: createStore(logger),
      logger,
      previous,
      identities: options.identities as IdentityMode | undefined,
      limit: options.limit,
      directory: options.directory ? { directoryPath: path.resolve(options.directory) } : undefined,
    });
  } catch (err) {
    throw translateGitError(err);
  }
  const bytes = await writeSummaryFile(options.out, result.summary);
  const ms = Date.now() - started;
  const s = result.summary;
  const report = {
    repository: s.repository.name,
    head: s.repository.head,
    mode: result.mode,
    identities: s.identities,
    paths: s.paths.length,
    people: s.people.length,
    packages: s.packages.map((p) => `${p.ecosystem}:${p.name}`),
    bytes,
    milliseconds: ms,
    out: options.out,
  };
  if (options.json) return terminalJson(report);
  return [
    `exported ${s.repository.name} at ${s.repository.head.slice(0, 12)} (${result.mode}) to ${options.out}`,
    `  ${report.paths} paths · ${report.people} people · ${s.packages.length} packages · identities ${s.identities} · ${bytes} bytes · ${ms} ms`,
  ].join('\n');
}

/**
 * `--previous` is a summary file, or a hub index folder whose shard of this repository is its
 * previous summary. Missing or unreadable only costs time: the export starts from scratch.
 */
function previousLookup(location: string, logger: Logger): (name: string) => Promise<ExpertiseSummary | undefined> {
  return async (name) => {
    try {
      const stat = await fs.stat(location).catch(() => undefined);
      if (!stat) {
        logger.info(`no previous summary at ${location}: a full export`);
        return undefined;
      }
      if (!stat.isDirectory()) return await readSummaryFile(location);
      const hub = await HubIndex.open(new FolderHubSource(location));
      const number = hub.repositoryNumber(name);
      const shard = number === undefined ? undefined : await hub.shard(number);
      if (!shard || shard.repository.name.toLowerCase() !== name.toLowerCase()) {
        logger.info(`${name} is not in the hub index at ${location} yet: a full export`);
        return undefined;
      }
      return shard.summary;
    } catch (err) {
      logger.warn(`${err instanceof SummaryError ? err.message : String(err)}; exporting without the previous summary`);
      return undefined;
    }
  };
}
