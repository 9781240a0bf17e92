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
}

export function fileKey(repository: string, filePath: string): string {
  return `${repository}\0${filePath}`;
}

export function buildWorkspace(
  repositories: readonly RepositoryHistory[],
  communities: readonly Community[],
  homeRepository: string | undefined,
  people: PeopleRegistry,
): Workspace {
  const index = new CommunityIndex(communities, homeRepository);
  const workspace: Workspace = { files: [], byCommunity: new Map(communities.map((c) => [c.id, []])), byKey: new Map(), byFolder: new Map(), repositories };
  for (const repo of repositories) {
    for (const history of repo.index.files.values()) {
      const file = toWorkFile(repo.name, history, people);
      file.communities = index.communitiesForPath(file.path, repo.name).map((m) => m.community.id);
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

function toWorkFile(repository: string, history: FileHistory, people: PeopleRegistry): WorkFile {
  const contributors = new Map<string, Contribution>();
  for (const [historyKey, c] of history.contributions) {
    const key = people.fromHistory(historyKey);
    if (people.isBot(key)) continue;
    const existing = contributors.get(key);
    if (!existing) {
      contributors.set(key, { times: c.changeTimes, created: c.created });
    } else {
      // Two history identities of one person (directory aliases): merge, keeping one copy of shared times.
      existing.times = [...new Set([...existing.times, ...c.changeTimes])].sort((a, b) => a - b);
      existing.created ||= c.created;
    }
  }
  const slash = history.path.lastIndexOf('/');
  return { repository, path: history.path, folder: slash < 0 ? '' : history.path.slice(0, slash), totalChanges: history.totalChanges, contributors, communities: [] };
}

/** Change times of `c` inside [since, until]. */
export function timesWithin(c: Contribution, since: number, until: number): number[] {
  let lo = 0;
  while (lo < c.times.length && c.times[lo] < since) lo++;
  let hi = lo;
  while (hi < c.times.length && c.times[hi] <= until) hi++;
  return lo === 0 && hi === c.times.length ? c.times : c.times.slice(lo, hi);
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
    return repo && workspace.byKey.get(fileKey(repo.name, filePath.replace(/^\/+/, '')));
  }
  for (const repo of repositories) {
    const relative = path.relative(repo.index.repository, patternFile);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
      const found = workspace.byKey.get(fileKey(repo.name, relative.split(path.sep).join('/')));
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
