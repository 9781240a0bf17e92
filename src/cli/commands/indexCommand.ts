import { GitRunner } from '../../core/git/gitRunner';
import { HistoryIndexManager } from '../../core/engine/historyIndexManager';
import { createStore, openRepository, translateGitError } from '../context';
import type { Logger } from '../../core/logger';
import { terminalJson } from '../terminalText';

/** `constellation index [--repo DIR]`: builds or updates the persisted history index. */
export async function runIndex(options: { repo?: string; json: boolean }, logger: Logger): Promise<string> {
  const git = new GitRunner({ logger });
  const repo = await openRepository(git, options.repo);
  const store = createStore(logger);
  const before = await store.load(repo.root);
  const manager = new HistoryIndexManager(git, store, logger);
  const started = Date.now();
  let index;
  try {
    index = await manager.ensureFresh(repo.root);
  } catch (err) {
    throw translateGitError(err);
  }
  const ms = Date.now() - started;
  if (!index) return 'nothing indexed';
  const mode = !before ? 'built' : before.head === index.head ? 'unchanged' : 'updated';
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
