import { normalizeRemote, parseRemoteUrl, type RemoteRepository } from '../../core/threads/permalink';
import type { ThreadPerson } from '../../core/threads/threadTypes';
import type { GitRepository } from '../platform/repositories';

/** What threads need to know about one repository (a clone): who am I, where is it pushed. */
export interface RepositoryInfo {
  root: string;
  /** Normalized remote identities (`https://host/owner/repo`); the root path when there is no remote. */
  remotes: string[];
  /** `origin` when there is one, else the first GitHub-like remote. */
  primary?: { name: string; repository: RemoteRepository };
  me: ThreadPerson;
}

/** From the registry's cached git config (refreshed by its watcher). */
export async function repositoryInfo(repository: GitRepository): Promise<RepositoryInfo> {
  const config = await repository.config();
  const parsed = config.remotes.map((r) => ({ name: r.name, repository: parseRemoteUrl(r.url) }));
  const known = parsed.filter((r): r is { name: string; repository: RemoteRepository } => r.repository !== undefined);
  const primary = known.find((r) => r.name === 'origin') ?? known[0];
  const identities = config.remotes.map((r) => normalizeRemote(r.url).toLowerCase());
  return { root: repository.root, remotes: identities.length ? [...new Set(identities)] : [repository.root], primary, me: { email: config.userEmail, name: config.userName } };
}

/** An anchor's remote belongs to this repository when it names any of its remotes (any clone). */
export function sameRemote(info: RepositoryInfo, anchorRemote: string): boolean {
  const wanted = normalizeRemote(anchorRemote).toLowerCase();
  return info.remotes.some((r) => r === wanted || r.endsWith(`/${wanted}`));
}
