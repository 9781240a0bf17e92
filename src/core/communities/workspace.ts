/**
 * The workspace's files with their contributors under canonical person keys (bots left out), and
 * which communities' code areas each file belongs to. Built once per report; every figure reads it.
 */
import * as path from 'path';
import type { FileHistory, HistoryIndexData } from '../git/historyTypes';
import { CommunityIndex } from './communityIndex';
import type { Community } from './communityTypes';
import type { PeopleRegistry } from './people';
import type { RepositoryHistory } from './reportInputs';

export interface Contribution {
  /** Author times of the person's changes to the file, ascending. */
  times: number[];
  /** The part of `times` inside the report's window (computed once: every figure reads it). */
  window: number[];
  created: boolean;
}

export interface WorkFile {
  repository: string;
  path: string;
  /** Parent folder ('' at the root). */
  folder: string;
  /** Commits that changed the file, anyone (bots too: Degree-of-Authorship counts them as others' changes). */
  totalChanges: number;
  contributors: Map<string, Contribution>;
  /** The contributors with changes in the window, in `contributors` order (most figures read only them). */
  workers: Array<[string, Contribution]>;
  communities: string[];
}

export interface Workspace {
  files: WorkFile[];
  byCommunity: Map<string, WorkFile[]>;
  /** `repository\0path` → file. */
  byKey: Map<string, WorkFile>;
  /** Files per `repository\0folder`. */
  byFolder: Map<string, WorkFile[]>;
  repositories: readonly RepositoryHistory[];
  /** Builds the entry of a file the workspace left out (untouched in the window, in no community). */
  lookup(repository: string, filePath: string): WorkFile | undefined;
}

export function fileKey(repository: string, filePath: string): string {
  return `${repository}\0${filePath}`;
}

export function buildWorkspace(
  repositories: readonly RepositoryHistory[],
  communities: readonly Community[],
  homeRepository: string | undefined,
  people: PeopleRegistry,
  window: { since: number; until: number },
): Workspace {
  const index = new CommunityIndex(communities, homeRepository);
  const lookup = (repository: string, filePath: string): WorkFile | undefined => {
    const found = workspace.byKey.get(fileKey(repository, filePath));
    if (found) return found;
    const history = repositories.find((r) => r.name === repository)?.index.files.get(filePath);
    return history && { ...toWorkFile(repository, history, people, window), communities: [] };
  };
  const workspace: Workspace = { files: [], byCommunity: new Map(communities.map((c) => [c.id, []])), byKey: new Map(), byFolder: new Map(), repositories, lookup };
  for (const repo of repositories) {
    for (const history of repo.index.files.values()) {
      const communityIds = index.communitiesForPath(history.path, repo.name).map((m) => m.community.id);
      // A file outside every community and untouched in the window counts for no figure.
      if (communityIds.length === 0 && !changedSince(history, window.since)) continue;
      const file = toWorkFile(repo.name, history, people, window);
      file.communities = communityIds;
      workspace.files.push(file);
      workspace.byKey.set(fileKey(repo.name, file.path), file);
      const folderKey = fileKey(repo.name, file.folder);
      const siblings = workspace.byFolder.get(folderKey);
      if (siblings) siblings.push(file);
      else workspace.byFolder.set(folderKey, [file]);
      for (const id of file.communities) workspace.byCommunity.get(id)?.push(file);
    }
  }
  return workspace;
}

function changedSince(history: FileHistory, since: number): boolean {
  for (const c of history.contributions.values()) if (c.changeTimes[c.changeTimes.length - 1] >= since) return true;
  return false;
}

function toWorkFile(repository: string, history: FileHistory, people: PeopleRegistry, window: { since: number; until: number }): WorkFile {
  const contributors = new Map<string, Contribution>();
  history.contributions.forEach((c, historyKey) => {
    const key = people.humanFromHistory(historyKey);
    if (key === null) return;
    const existing = contributors.get(key);
    if (!existing) {
      contributors.set(key, { times: c.changeTimes, window: NO_TIMES, created: c.created });
    } else {
      // Two history identities of one person (directory aliases): merge, keeping one copy of shared times.
      existing.times = [...new Set([...existing.times, ...c.changeTimes])].sort((a, b) => a - b);
      existing.created ||= c.created;
    }
  });
  const workers: Array<[string, Contribution]> = [];
  for (const entry of contributors) {
    entry[1].window = timesWithin(entry[1].times, window.since, window.until);
    if (entry[1].window.length > 0) workers.push(entry);
  }
  const slash = history.path.lastIndexOf('/');
  return { repository, path: history.path, folder: slash < 0 ? '' : history.path.slice(0, slash), totalChanges: history.totalChanges, contributors, workers, communities: [] };
}

/** Shared by the many contributions with no change in the window (frozen: never appended to). */
const NO_TIMES: number[] = Object.freeze([]) as unknown as number[];

/** The part of ascending `times` inside [since, until]. */
export function timesWithin(times: number[], since: number, until: number): number[] {
  let lo = times.length;
  while (lo > 0 && times[lo - 1] >= since) lo--;
  let hi = lo;
  while (hi < times.length && times[hi] <= until) hi++;
  if (hi === lo) return NO_TIMES;
  return lo === 0 && hi === times.length ? times : times.slice(lo, hi);
}

/**
 * The repository file a pattern document lives in: a local path inside one of the repositories,
 * or `owner/repo@ref:path` from a GitHub library.
 */
export function patternFileOf(patternFile: string, repositories: readonly RepositoryHistory[], workspace: Workspace): WorkFile | undefined {
  const remote = /^([^@:\s]+\/[^@:\s]+)@[^:]*:(.+)$/.exec(patternFile);
  if (remote) {
    const [, repoName, filePath] = remote;
    const repo = repositories.find((r) => sameRepositoryName(r.name, repoName));
    return repo && workspace.lookup(repo.name, filePath.replace(/^\/+/, ''));
  }
  for (const repo of repositories) {
    const relative = path.relative(repo.index.repository, patternFile);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
      const found = workspace.lookup(repo.name, relative.split(path.sep).join('/'));
      if (found) return found;
    }
  }
  return undefined;
}

/** `billing` names `acme/billing` too (case-insensitive), as code areas do. */
export function sameRepositoryName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}

export function repositoryOf(repositories: readonly RepositoryHistory[], name: string): HistoryIndexData | undefined {
  return repositories.find((r) => r.name === name)?.index;
}
