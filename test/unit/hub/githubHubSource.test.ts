import * as assert from 'assert';
import { createHash } from 'crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Octokit } from 'octokit';
import { GitHubHubSource } from '../../../src/core/hub/githubHubSource';
import { HubIndex } from '../../../src/core/hub/hubIndex';
import { mergeSummaries } from '../../../src/core/hub/hubMerge';
import { whoKnows } from '../../../src/core/hub/whoKnows';
import { silentLogger } from '../../../src/core/logger';
import { buildSummary } from '../../../src/core/summary/buildSummary';
import { writeSummaryFile } from '../../../src/core/summary/summaryFile';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';
import { conditional, startGitHubServer, type GitHubServer } from '../../support/githubServer';
import { openApiResponseErrors } from '../../support/openapi';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? listFiles(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

function sha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A one-file repository index with one expert: enough for a hub to answer. */
function index(name: string, email: string): HistoryIndexData {
  return {
    formatVersion: 1, repository: `/r/${name}`, head: 'a'.repeat(40), shallow: false, commitCount: 1, updatedAt: 0,
    people: new Map([[email, { email, name: email.split('@')[0], commits: 1, firstActive: 1_760_000_000, lastActive: 1_760_000_000 }]]),
    files: new Map([['package.json', { path: 'package.json', creator: email, totalChanges: 1, contributions: new Map([[email, { changeTimes: [1_760_000_000], created: true }]]) }]]),
  };
}

describe('hub index read from a GitHub repository', function () {
  this.timeout(30_000);
  let server: GitHubServer;
  let work: string;
  let cacheDir: string;
  let files: Record<string, string>;
  let now = Date.now();

  const publish = async (summaries: Array<[string, string, string]>): Promise<void> => {
    const inputs: string[] = [];
    for (const [repo, pkg, email] of summaries) {
      const file = path.join(work, `${repo.replace('/', '_')}.json`);
      await writeSummaryFile(file, buildSummary({ index: index(repo, email), directory: OrgDirectory.empty(), repository: { name: repo }, identities: 'full', packages: [{ ecosystem: 'npm', name: pkg, path: '', manifest: 'package.json' }] }));
      inputs.push(file);
    }
    const dir = path.join(work, 'index');
    await mergeSummaries(inputs, dir, silentLogger);
    files = Object.fromEntries(listFiles(dir).map((f) => [`index/${f}`, readFileSync(path.join(dir, f), 'utf8')]));
  };
  const source = () => new GitHubHubSource({
    octokit: new Octokit({ auth: 'ghs_hub', baseUrl: server.baseUrl, throttle: { enabled: false }, retry: { enabled: false } }),
    repository: 'acme/hub/index', apiBase: server.baseUrl, cacheDir, logger: silentLogger, now: () => now,
  });

  beforeEach(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-ghhub-'));
    cacheDir = path.join(work, 'cache');
    await publish([['acme/http', '@acme/http', 'sylvia@acme.example'], ['acme/log', '@acme/log', 'jake@acme.example']]);
    server = await startGitHubServer({
      routes: [
        { method: 'GET', path: '/repos/acme/hub', handler: (req) => conditional(req, '"repo-1"', { json: { default_branch: 'main' } }) },
        {
          method: 'GET',
          path: '/repos/acme/hub/git/trees/main',
          handler: (req) => {
            const tree = { sha: 't'.repeat(40), url: `${server.baseUrl}/tree`, truncated: false, tree: Object.entries(files).map(([p, text]) => ({ path: p, mode: '100644', type: 'blob', sha: sha(text), size: Buffer.byteLength(text), url: `${server.baseUrl}/blob` })) };
            return conditional(req, `"${sha(JSON.stringify(tree))}"`, { json: tree });
          },
        },
        {
          method: 'GET',
          path: /^\/repos\/acme\/hub\/git\/blobs\/([0-9a-f]{40})$/,
          handler: (req) => {
            const text = Object.values(files).find((t) => sha(t) === req.params[0]);
            return text === undefined ? { status: 404, json: { message: 'Not Found' } } : { body: text, headers: { 'content-type': 'application/vnd.github.raw+json; charset=utf-8' } };
          },
        },
      ],
    });
  });
  afterEach(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('answers from the repository through the trees and blobs endpoints, fetching only what a query needs', async () => {
    const hub = await HubIndex.open(source());
    const answer = await whoKnows(hub, { kind: 'import', language: 'js', specifier: '@acme/log' });
    assert.deepStrictEqual(answer.experts.map((e) => e.email), ['jake@acme.example']);
    const blobs = server.requests.filter((r) => r.path.includes('/git/blobs/')).length;
    assert.strictEqual(blobs, 4, 'hub.json, packages.json, communities.json and the one shard');
    const tree = server.requests.find((r) => r.path.endsWith('/git/trees/main'));
    assert.strictEqual(tree?.query.recursive, '1');
    const body = await (await fetch(`${server.baseUrl}/repos/acme/hub/git/trees/main`)).json();
    assert.deepStrictEqual(openApiResponseErrors({ method: 'GET', path: '/repos/{owner}/{repo}/git/trees/{tree_sha}', status: 200, body }), []);
  });

  it('asks again conditionally, reuses cached blobs, fetches only changed ones, and works offline', async () => {
    await whoKnows(await HubIndex.open(source()), { kind: 'package', name: '@acme/log' });
    now += 600_000;
    const before = server.requests.length;
    await whoKnows(await HubIndex.open(source()), { kind: 'package', name: '@acme/log' });
    const second = server.requests.slice(before);
    assert.deepStrictEqual(second.map((r) => r.path), ['/repos/acme/hub', '/repos/acme/hub/git/trees/main'], 'both 304, no blob fetched again');
    assert.ok(second.every((r) => r.headers['if-none-match']));
    await publish([['acme/http', '@acme/http', 'sylvia@acme.example'], ['acme/log', '@acme/log', 'robert@acme.example']]);
    now += 600_000;
    const third = server.requests.length;
    const changed = await whoKnows(await HubIndex.open(source()), { kind: 'package', name: '@acme/log' });
    assert.deepStrictEqual(changed.experts.map((e) => e.email), ['robert@acme.example']);
    assert.ok(server.requests.slice(third).filter((r) => r.path.includes('/git/blobs/')).length <= 4);
    await server.close();
    now += 600_000;
    const offline = await whoKnows(await HubIndex.open(source()), { kind: 'package', name: '@acme/log' });
    assert.deepStrictEqual(offline.experts.map((e) => e.email), ['robert@acme.example'], 'the cached hub answers offline');
    server = await startGitHubServer({ routes: [] });
  });

  it('says why when there is neither GitHub nor a cache', async () => {
    await server.close();
    await assert.rejects(HubIndex.open(source()), /github:acme\/hub\/index: cannot reach GitHub/);
    server = await startGitHubServer({ routes: [] });
  });
});
