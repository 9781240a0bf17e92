import type { GitExec } from '../../core/threads/permalink';
import { normaliseRemote, parseRemoteUrl, type RemoteRepository } from '../../core/threads/permalink';
import type { ThreadPerson } from '../../core/threads/threadTypes';
import { PromiseCache } from '../../core/util/promiseCache';

/** What threads need to know about one repository (a clone): who am I, where is it pushed. */
export interface RepositoryInfo {
  root: string;
  /** Normalised remote identities (`https://host/owner/repo`); the root path when there is no remote. */
  remotes: string[];
  /** `origin` when there is one, else the first remote GitHub-like remote. */
  primary?: { name: string; repository: RemoteRepository };
  me: ThreadPerson;
}

/** Reads remotes and the git identity of a work tree; cached until `invalidate`. */
export class RepositoryInfoCache {
  private readonly cache = new PromiseCache<RepositoryInfo>();

  constructor(private readonly git: GitExec) {}

  get(root: string): Promise<RepositoryInfo> {
    return this.cache.get(root, () => this.read(root));
  }

  invalidate(): void {
    this.cache.clear();
  }

  private async read(root: string): Promise<RepositoryInfo> {
    const config = await this.git.run(['config', '-z', '--get-regexp', '^(remote\\..*\\.url|user\\.email|user\\.name)$'], { cwd: root }).catch(() => '');
    const remotes: Array<{ name: string; url: string }> = [];
    const me: ThreadPerson = {};
    for (const entry of config.split('\0').filter(Boolean)) {
      const newline = entry.indexOf('\n');
      const key = entry.slice(0, newline);
      const value = entry.slice(newline + 1);
      if (key === 'user.email') me.email = value;
      else if (key === 'user.name') me.name = value;
      else remotes.push({ name: key.slice('remote.'.length, -'.url'.length), url: value });
    }
    const parsed = remotes.map((r) => ({ name: r.name, repository: parseRemoteUrl(r.url) }));
    const known = parsed.filter((r): r is { name: string; repository: RemoteRepository } => r.repository !== undefined);
    const primary = known.find((r) => r.name === 'origin') ?? known[0];
    const identities = remotes.map((r) => normaliseRemote(r.url).toLowerCase());
    return { root, remotes: identities.length ? [...new Set(identities)] : [root], primary, me };
  }
}

/** An anchor's remote belongs to this repository when it names any of its remotes (any clone). */
export function sameRemote(info: RepositoryInfo, anchorRemote: string): boolean {
  const wanted = normaliseRemote(anchorRemote).toLowerCase();
  return info.remotes.some((r) => r === wanted || r.endsWith(`/${wanted}`));
}
