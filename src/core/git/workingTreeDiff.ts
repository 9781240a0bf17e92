/** What changed between a commit and the working tree, for carrying a line range forward. */
import { parseHunks, parseNameStatusZ, type Hunk, type NameStatusEntry } from './diffHunks';
import type { GitExec } from './repositoryConfig';

const DIFF_ARGS = ['--no-color', '--no-ext-diff', '--no-textconv'];

/** Whether `commit:path` exists in this clone (the commit may live only in another one). */
export async function blobExists(git: GitExec, cwd: string, commit: string, path: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await git.run(['cat-file', '-e', `${commit}:${path}`], { cwd, signal });
    return true;
  } catch {
    signal?.throwIfAborted();
    return false;
  }
}

/** Files changed from `commit` to the working tree, renames detected. */
export async function changedSince(git: GitExec, cwd: string, commit: string, signal?: AbortSignal): Promise<NameStatusEntry[]> {
  return parseNameStatusZ(await git.run(['diff', ...DIFF_ARGS, '-z', '--name-status', '-M', commit, '--'], { cwd, signal }));
}

/** The zero-context hunks of the given paths (taken literally) from `commit` to the working tree. */
export async function hunksSince(git: GitExec, cwd: string, commit: string, paths: readonly string[], signal?: AbortSignal): Promise<Hunk[]> {
  const pathspecs = paths.map((p) => `:(literal)${p}`);
  return parseHunks(await git.run(['diff', ...DIFF_ARGS, '--unified=0', '-M', commit, '--', ...pathspecs], { cwd, signal }));
}
