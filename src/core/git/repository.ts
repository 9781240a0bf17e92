import { promises as fs } from 'fs';
import * as path from 'path';
import { GitError } from './gitError';
import type { GitRunner } from './gitRunner';

/** Where a repository lives on disk (a work tree, a linked worktree, a submodule, or a bare git dir). */
export interface RepositoryPaths {
  /** Work tree top level, or the git dir itself for a bare repository. */
  root: string;
  /** This work tree's own git dir: holds HEAD (`.git/worktrees/x` for a linked worktree, `.git/modules/x` for a submodule). */
  gitDir: string;
  /** Where refs and config live, shared by every worktree of the repository. */
  commonDir: string;
  bare: boolean;
}

/**
 * Finds the repository containing `pathInside` (a file or folder, of a work tree or a bare git dir).
 * Undefined when it is not inside a repository; other failures (git missing...) are thrown.
 */
export async function findRepository(
  git: GitRunner,
  pathInside: string,
  signal?: AbortSignal,
): Promise<RepositoryPaths | undefined> {
  const cwd = await nearestFolder(path.resolve(pathInside));
  if (!cwd) {
    return undefined;
  }
  let lines: string[];
  try {
    const out = await git.run(['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--git-common-dir'], { cwd, signal });
    lines = out.split('\n');
  } catch (err) {
    if (err instanceof GitError && err.code === 'NotARepository') {
      return undefined;
    }
    throw err;
  }
  const bare = lines[0] === 'true';
  const gitDir = lines[1];
  // --git-common-dir may be relative to the folder git ran in.
  const commonDir = lines[2] ? path.resolve(cwd, lines[2]) : gitDir;
  if (bare) {
    return { root: gitDir, gitDir, commonDir, bare };
  }
  try {
    const top = (await git.run(['rev-parse', '--show-toplevel'], { cwd, signal })).replace(/\n$/, '');
    return { root: top, gitDir, commonDir, bare };
  } catch (err) {
    // Inside the .git folder of a work tree: the work tree is its parent.
    if (err instanceof GitError && err.code === 'NotARepository' && path.basename(gitDir) === '.git') {
      return { root: path.dirname(gitDir), gitDir, commonDir, bare };
    }
    throw err;
  }
}

/** The commit HEAD points to, or undefined in an empty repository (unborn branch). */
export async function resolveHead(git: GitRunner, root: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const out = await git.run(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { cwd: root, signal });
    return out.trim() || undefined;
  } catch (err) {
    if (err instanceof GitError && err.exitCode === 1) {
      return undefined;
    }
    throw err;
  }
}

export async function isShallow(git: GitRunner, root: string, signal?: AbortSignal): Promise<boolean> {
  const out = await git.run(['rev-parse', '--is-shallow-repository'], { cwd: root, signal });
  return out.trim() === 'true';
}

/** How many commits `rev` reaches (`git rev-list --count`): cheap, for a progress percentage before a long read. */
export async function countCommits(git: GitRunner, root: string, rev: string, signal?: AbortSignal): Promise<number> {
  const out = await git.run(['rev-list', '--count', '--end-of-options', rev], { cwd: root, signal });
  const count = Number.parseInt(out.trim(), 10);
  return Number.isFinite(count) ? count : 0;
}

/** Full sha of the commit `rev` names; GitError('BadRevision') when it names none. */
export async function resolveRevision(git: GitRunner, root: string, rev: string, signal?: AbortSignal): Promise<string> {
  if (!rev || rev.startsWith('-')) {
    throw new GitError('BadRevision', `'${rev}' is not a revision`, { args: [rev] });
  }
  const args = ['rev-parse', '--verify', '-q', '--end-of-options', `${rev}^{commit}`];
  try {
    const out = (await git.run(args, { cwd: root, signal })).trim();
    if (out) {
      return out;
    }
  } catch (err) {
    if (!(err instanceof GitError && err.exitCode === 1)) {
      throw err;
    }
  }
  throw new GitError('BadRevision', `Unknown revision '${rev}' in ${root}`, { args, exitCode: 1 });
}

/** True when commit `a` is an ancestor of (or equal to) commit `b`. */
export async function isAncestor(git: GitRunner, root: string, a: string, b: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await git.run(['merge-base', '--is-ancestor', a, b], { cwd: root, signal });
    return true;
  } catch (err) {
    if (err instanceof GitError && err.exitCode === 1) {
      return false;
    }
    throw err;
  }
}

/** The parentless commits `rev`'s history starts from, sorted: what tells two repositories of one name apart. */
export async function rootCommits(git: GitRunner, root: string, rev: string, signal?: AbortSignal): Promise<string[]> {
  const out = await git.run(['rev-list', '--max-parents=0', rev, '--'], { cwd: root, signal, timeoutMs: 0 });
  return out.split('\n').filter(Boolean).sort();
}

/** The text of `relPath` as committed at `rev` (`git show rev:path`). */
export function readFileAt(git: GitRunner, root: string, rev: string, relPath: string, signal?: AbortSignal): Promise<string> {
  return git.run(['show', `${rev}:${relPath}`], { cwd: root, signal });
}

/** The kind of object at `rev:relPath` ('blob', 'tree', 'commit' for a submodule), or undefined when there is none. */
export async function objectTypeAt(git: GitRunner, root: string, rev: string, relPath: string, signal?: AbortSignal): Promise<'blob' | 'tree' | 'commit' | undefined> {
  const out = await git.run(['ls-tree', '-z', '--full-tree', rev, '--', relPath], { cwd: root, signal }).catch(() => '');
  const entry = out.split('\0').find((e) => e.endsWith(`\t${relPath}`));
  const type = entry?.split(' ')[1];
  return type === 'blob' || type === 'tree' || type === 'commit' ? type : undefined;
}

async function nearestFolder(start: string): Promise<string | undefined> {
  let current = start;
  for (;;) {
    const stat = await fs.stat(current).catch(() => undefined);
    if (stat?.isDirectory()) {
      return current;
    }
    const parent = path.dirname(current);
    if (parent === current) {
      return undefined;
    }
    current = parent;
  }
}
