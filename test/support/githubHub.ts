/**
 * A hub repository served by the loopback GitHub server: the index folder `hub merge` wrote,
 * committed under a path of the repository, read the way GitHub documents it (repository, one
 * recursive tree listing with an ETag, raw blobs by sha).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { blobSha, repositoryJson, treeJson, type FakeRepo } from '../unit/patterns/githubRepoRoutes';
import { conditional, githubError, type Route, type RouteResponse } from './githubServer';

/** Every file under `folder`, keyed `prefix/relative/path`. */
export function readHubFolder(folder: string, prefix: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${rel}${name}/`);
      else files.set(`${prefix}/${rel}${name}`, readFileSync(full, 'utf8'));
    }
  };
  walk(folder, '');
  return files;
}

/** Requests answered with a body (GitHub does not count 304s against the rate limit). */
export interface HubRepoCounters { blobs: number; fullAnswers: number }

export function hubRepoRoutes(repo: FakeRepo, counters: HubRepoCounters = { blobs: 0, fullAnswers: 0 }): Route[] {
  const base = `/repos/${repo.owner}/${repo.name}`;
  const counted = (answer: RouteResponse): RouteResponse => {
    if (answer.status !== 304) counters.fullAnswers++;
    return answer;
  };
  return [
    { method: 'GET', path: base, handler: (req) => counted(conditional(req, `"repo-${repo.defaultBranch}"`, { json: repositoryJson(repo) })) },
    {
      method: 'GET',
      path: `${base}/git/trees/${repo.defaultBranch}`,
      handler: (req) => {
        const tree = treeJson(repo, repo.defaultBranch);
        return counted(conditional(req, `"${tree.sha}"`, { json: tree }));
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/git/blobs/([0-9a-f]{40})$`),
      handler: (req) => {
        const text = [...repo.files.values()].find((t) => blobSha(t) === req.params[0]);
        if (text === undefined) return { status: 404, json: githubError('Not Found') };
        counters.blobs++;
        return counted({ body: text, headers: { 'content-type': 'application/vnd.github.raw+json; charset=utf-8' } });
      },
    },
  ];
}
