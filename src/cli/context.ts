import * as os from 'os';
import * as path from 'path';
import { GitError } from '../core/git/gitError';
import { GitRunner } from '../core/git/gitRunner';
import { findRepository } from '../core/git/repository';
import { HistoryIndexStore } from '../core/git/indexStore';
import { HistoryIndexManager } from '../core/engine/historyIndexManager';
import type { Logger } from '../core/logger';
import { silentLogger } from '../core/logger';
import { CliError, ExitCode } from './exitCodes';
import { printErr } from './print';

export interface CliRepository {
  root: string;
  bare: boolean;
}

/** Where the CLI keeps persisted indexes: $CONSTELLATION_CACHE, else the XDG cache folder. */
export function cacheDirectory(): string {
  if (process.env.CONSTELLATION_CACHE) return process.env.CONSTELLATION_CACHE;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'constellation', 'history');
}

export function stderrLogger(verbose: boolean): Logger {
  if (!verbose) return silentLogger;
  const write = (level: string) => (m: string | Error) => printErr(`${level} ${m instanceof Error ? m.message : m}\n`);
  return { trace: write('trace'), debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export function createStore(logger: Logger): HistoryIndexStore {
  return new HistoryIndexStore(cacheDirectory(), logger);
}

/**
 * The index manager of one CLI run. When the cache folder cannot be written the run goes on with
 * the index in memory, and says so once, naming the folder and the variable that moves it.
 */
export function createIndexManager(git: GitRunner, logger: Logger, store: HistoryIndexStore = createStore(logger)): HistoryIndexManager {
  let warned = false;
  return new HistoryIndexManager(git, store, logger, undefined, (error) => {
    if (warned) return;
    warned = true;
    printErr(
      `constellation: warning: cannot save the history index in ${store.storageDir} (${error.message}); ` +
        'this run goes on without saving it, so the next one reads the history again. Set CONSTELLATION_CACHE to a writable folder.\n',
    );
  });
}

/** Finds the repository for `--repo` (a work tree or a bare git directory) or the current folder. */
export async function openRepository(git: GitRunner, repoOption: string | undefined): Promise<CliRepository> {
  const start = path.resolve(repoOption ?? process.cwd());
  let repo;
  try {
    repo = await findRepository(git, start);
  } catch (err) {
    throw translateGitError(err);
  }
  if (!repo) throw new CliError(`not a git repository: ${start}`, ExitCode.notARepository);
  return { root: repo.root, bare: repo.bare };
}

/** Maps typed git errors to the CLI's exit codes and messages. */
export function translateGitError(err: unknown): Error {
  if (err instanceof CliError) return err;
  if (err instanceof GitError) {
    switch (err.code) {
      case 'GitNotFound': return new CliError('git was not found on the PATH; Constellation reads history through the git CLI', ExitCode.gitMissing);
      case 'NotARepository': return new CliError(err.message, ExitCode.notARepository);
      case 'BadRevision': return new CliError(`bad revision: ${err.message}`, ExitCode.badRevision);
      case 'UnknownPath': return new CliError(err.message, ExitCode.unknownPath);
      default: return new CliError(err.message, ExitCode.failed);
    }
  }
  return err instanceof Error ? err : new Error(String(err));
}
