/** A pattern repository served by the loopback GitHub server: repository, tree and raw contents routes. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import { conditional, githubError, type Route, type RouteResponse } from '../../support/githubServer';

type Recorded = Array<{ path: string; status: number; response: unknown; headers: Record<string, string> }>;

function recording(scenario: string): Recorded {
  const file = require.resolve(`@octokit/fixtures/scenarios/api.github.com/${scenario}/normalized-fixture.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Recorded;
}

/** Git's blob id of a text. */
export function blobSha(text: string): string {
  return createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest('hex');
}

export interface FakeRepo {
  owner: string;
  name: string;
  defaultBranch: string;
  files: Map<string, string>;
  /** Responses that cost rate limit (GitHub does not count 304s). */
  rateLimitUsed: number;
  /** When set, every route answers this instead. */
  failWith?: RouteResponse;
}

/** The recorded GitHub answer for a repository, renamed: the shape GitHub really sends. */
export function repositoryJson(repo: FakeRepo): Record<string, unknown> {
  const recorded = recording('get-repository').find((r) => r.status === 200 && /^\/repos\/[^/]+\/[^/]+$/.test(r.path));
  if (!recorded) throw new Error('no get-repository recording');
  const base = recorded.response as Record<string, unknown>;
  // The 2017 recording predates `has_discussions`, which the current OpenAPI description requires.
  return { has_discussions: false, ...base, name: repo.name, full_name: `${repo.owner}/${repo.name}`, default_branch: repo.defaultBranch };
}

/** The content type GitHub uses for the raw media type, as recorded. */
export function rawContentType(): string {
  const recorded = recording('get-content').find((r) => typeof r.response === 'string');
  return recorded?.headers['content-type'] ?? 'application/vnd.github.v3.raw; charset=utf-8';
}

export function treeJson(repo: FakeRepo, ref: string): { sha: string; url: string; truncated: boolean; tree: unknown[] } {
  const paths = [...repo.files.keys()].sort();
  const dirs = new Set<string>();
  for (const p of paths) p.split('/').slice(0, -1).forEach((_, i, parts) => dirs.add(parts.slice(0, i + 1).join('/')));
  const url = (kind: string, sha: string) => `https://api.github.com/repos/${repo.owner}/${repo.name}/git/${kind}/${sha}`;
  const tree = [
    ...[...dirs].map((d) => ({ path: d, mode: '040000', type: 'tree', sha: blobSha(`tree ${d}`), url: url('trees', blobSha(`tree ${d}`)) })),
    ...paths.map((p) => {
      const sha = blobSha(repo.files.get(p)!);
      return { path: p, mode: '100644', type: 'blob', sha, size: Buffer.byteLength(repo.files.get(p)!), url: url('blobs', sha) };
    }),
  ].sort((a, b) => a.path.localeCompare(b.path));
  const sha = blobSha(`${ref}\n${tree.map((t) => t.sha).join('\n')}`);
  return { sha, url: url('trees', sha), truncated: false, tree };
}

/** Routes under `prefix` ('' for api.github.com, '/api/v3' for GitHub Enterprise). */
export function repoRoutes(repo: FakeRepo, prefix = ''): Route[] {
  const base = `${prefix}/repos/${repo.owner}/${repo.name}`;
  const counted = (response: RouteResponse): RouteResponse => {
    if (response.status !== 304) repo.rateLimitUsed++;
    return response;
  };
  const esc = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    {
      method: 'GET',
      path: base,
      handler: (req) => repo.failWith ?? counted(conditional(req, `"repo-${repo.defaultBranch}"`, { json: repositoryJson(repo) })),
    },
    {
      method: 'GET',
      path: new RegExp(`^${esc}/git/trees/(.+)$`),
      handler: (req) => {
        if (repo.failWith) return repo.failWith;
        const ref = req.params[0];
        if (ref !== repo.defaultBranch) return counted({ status: 404, json: githubError('Not Found') });
        const tree = treeJson(repo, ref);
        const body = req.query['recursive'] ? tree : { ...tree, tree: tree.tree.filter((t) => !(t as { path: string }).path.includes('/')) };
        return counted(conditional(req, `"${tree.sha}"`, { json: body }));
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^${esc}/contents/(.+)$`),
      handler: (req) => {
        if (repo.failWith) return repo.failWith;
        const text = repo.files.get(req.params[0]);
        if (text === undefined || req.query['ref'] !== repo.defaultBranch) return counted({ status: 404, json: githubError('Not Found') });
        if (!String(req.headers.accept).includes('raw')) return { status: 415, json: githubError('this test server only serves the raw media type') };
        return counted(conditional(req, `"${blobSha(text)}"`, { headers: { 'content-type': rawContentType() }, body: text }));
      },
    },
  ];
}
