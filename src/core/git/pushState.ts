import type { GitExec } from './repositoryConfig';

export interface PushState {
  /** The commit is in at least one remote-tracking branch, so a permalink to it resolves. */
  pushed: boolean;
  /** Remote-tracking branches containing the commit, e.g. `origin/main`. */
  remoteBranches: string[];
  /** The current branch, when HEAD is on one. */
  branch?: string;
  /** Its upstream (`origin/feature`), when configured: where to push before sharing a link. */
  upstream?: string;
}

/** Tells whether `commit` is contained in any remote-tracking branch (`git branch -r --contains`). */
export async function checkPushed(git: GitExec, cwd: string, commit: string, signal?: AbortSignal): Promise<PushState> {
  const out = await git.run(['branch', '-r', '--contains', commit, '--format=%(refname:short)'], { cwd, signal });
  const remoteBranches = out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.endsWith('/HEAD'));
  const branch = await optional(git.run(['symbolic-ref', '-q', '--short', 'HEAD'], { cwd, signal }));
  const upstream = branch
    ? await optional(git.run(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'], { cwd, signal }))
    : undefined;
  return { pushed: remoteBranches.length > 0, remoteBranches, branch, upstream };
}

async function optional(run: Promise<string>): Promise<string | undefined> {
  try {
    return (await run).trim() || undefined;
  } catch {
    return undefined;
  }
}
