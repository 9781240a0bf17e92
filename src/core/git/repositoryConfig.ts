import { GitError } from './gitError';
import type { GitRunOptions } from './gitRunner';

/** The part of GitRunner that reading a repository needs (tests may pass a GitRunner). */
export interface GitExec {
  run(args: string[], options: GitRunOptions): Promise<string>;
}

/** What a repository's git config says about where it is pushed and who commits in it. */
export interface RepositoryConfig {
  remotes: Array<{ name: string; url: string }>;
  userEmail?: string;
  userName?: string;
}

const CONFIG_KEYS = '^(remote\\..*\\.url|user\\.email|user\\.name)$';

/** One `git config -z --get-regexp` for remotes and identity (repository, global and system config). */
export async function readRepositoryConfig(git: GitExec, root: string, signal?: AbortSignal): Promise<RepositoryConfig> {
  let out: string;
  try {
    out = await git.run(['config', '-z', '--get-regexp', CONFIG_KEYS], { cwd: root, signal });
  } catch (err) {
    // Exit 1: none of the keys is set.
    if (err instanceof GitError && err.exitCode === 1) return { remotes: [] };
    throw err;
  }
  return parseConfigZ(out);
}

/** Parses `git config -z` output: NUL-terminated entries of `key\nvalue`. */
export function parseConfigZ(output: string): RepositoryConfig {
  const config: RepositoryConfig = { remotes: [] };
  for (const entry of output.split('\0')) {
    if (!entry) continue;
    const newline = entry.indexOf('\n');
    const key = newline === -1 ? entry : entry.slice(0, newline);
    const value = newline === -1 ? '' : entry.slice(newline + 1);
    if (key === 'user.email') config.userEmail = value.trim() || undefined;
    else if (key === 'user.name') config.userName = value.trim() || undefined;
    else if (key.startsWith('remote.') && key.endsWith('.url')) config.remotes.push({ name: key.slice('remote.'.length, -'.url'.length), url: value });
  }
  return config;
}

/** `user.email` as git resolves it for this repository, or undefined when unset. */
export async function currentUserEmail(git: GitExec, root: string, signal?: AbortSignal): Promise<string | undefined> {
  return (await readRepositoryConfig(git, root, signal)).userEmail;
}
