import { GitRunner } from '../../core/git/gitRunner';
import type { HistoryIndexStore } from '../../core/git/indexStore';
import { createIndexManager, createStore, openRepository, translateGitError } from '../context';
import type { Logger } from '../../core/logger';
import { terminalJson } from '../terminalText';

/** `constellation index [--repo DIR]`: builds or updates the persisted history index. */
export async function runIndex(options: { repo?: string; json: boolean }, logger: Logger, store: HistoryIndexStore = createStore(logger)): Promise<string> {
  const git = new GitRunner({ logger });
  const repo = await openRepository(git, options.repo);
  // One load: the manager tells whether it found the saved index current, updated or rebuilt it.
  const manager = createIndexManager(git, logger, store);
  const started = Date.now();
  let index;
  try {
    index = await manager.ensureFresh(repo.root);
  } catch (err) {
    throw translateGitError(err);
  }
  const ms = Date.now() - started;
  if (!index) return 'nothing indexed';
  const last = manager.lastUpdate(repo.root);
  const mode = last === 'built' ? 'built' : last === 'loaded' || last === 'unchanged' ? 'unchanged' : 'updated';
  const summary = {
    repository: repo.root,
    head: index.head,
    mode,
    commits: index.commitCount,
    files: index.files.size,
    people: index.people.size,
    shallow: index.shallow,
    milliseconds: ms,
  };
  if (options.json) return terminalJson(summary);
  return [
    `${mode} history index for ${repo.root}`,
    `  head ${index.head ? index.head.slice(0, 12) : '(empty repository)'} · ${summary.commits} commits · ${summary.files} files · ${summary.people} people · ${ms} ms`,
    ...(index.shallow ? ['  ! shallow clone: history incomplete'] : []),
  ].join('\n');
}
