import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadGitHubLibrary, type GitHubSourceOptions } from '../../../src/core/patterns/sources/githubSource';
import { parseGitHubSpec } from '../../../src/core/patterns/sources/githubSpec';
import type { Logger } from '../../../src/core/logger';
import { startGitHubServer, githubError, type GitHubServer } from '../../support/githubServer';
import { openApiResponseErrors } from '../../support/openapi';
import { blobSha, repoRoutes, repositoryJson, treeJson, type FakeRepo } from './githubRepoRoutes';
import { fixtureLibrary, tempDir } from './helpers';

const TOKEN = 'ghp_secretTokenThatMustNeverBeLogged';

function fixtureRepo(): FakeRepo {
  const files = new Map<string, string>();
  for (const rel of fs.readdirSync(fixtureLibrary(), { recursive: true, encoding: 'utf8' })) {
    const full = path.join(fixtureLibrary(), rel);
    if (fs.statSync(full).isFile()) files.set(`docs/patterns/${rel.split(path.sep).join('/')}`, fs.readFileSync(full, 'utf8'));
  }
  files.set('README.md', '# acme patterns\n');
  files.set('src/index.ts', 'export {};\n');
  return { owner: 'acme', name: 'patterns', defaultBranch: 'main', files, rateLimitUsed: 0 };
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (m: string | Error) => lines.push(String(m));
  return { lines, trace: log, debug: log, info: log, warn: log, error: log };
}

describe('GitHub pattern source (loopback server)', () => {
  let server: GitHubServer;
  let repo: FakeRepo;
  let cacheDir: string;
  let logger: ReturnType<typeof recordingLogger>;
  const options = (extra: Partial<GitHubSourceOptions> = {}): GitHubSourceOptions => ({
    spec: 'acme/patterns/docs/patterns',
    baseUrl: server.baseUrl,
    cacheDir,
    token: TOKEN,
    retries: 0,
    logger,
    ...extra,
  });

  beforeEach(async () => {
    repo = fixtureRepo();
    server = await startGitHubServer({ routes: repoRoutes(repo) });
    cacheDir = await tempDir('patterns-cache-');
    logger = recordingLogger();
  });
  afterEach(async () => {
    await server.close();
    await fs.promises.rm(cacheDir, { recursive: true, force: true });
  });

  it('lists the tree once, fetches each pattern raw, and caches it', async () => {
    const library = await loadGitHubLibrary(options());
    assert.strictEqual(library.status, 'fetched');
    assert.deepStrictEqual(library.diagnostics, []);
    assert.strictEqual(library.patterns.length, 10);
    assert.strictEqual(library.name, 'github:acme/patterns/docs/patterns');
    const retry = library.patterns.find((p) => p.id === 'retry-with-backoff')!;
    assert.strictEqual(retry.file, 'acme/patterns@main:docs/patterns/reliability/retry-with-backoff.md');
    assert.deepStrictEqual(retry.appliesTo.languages, ['typescript', 'javascript']);
    const seen = server.requests.map((r) => r.path);
    assert.deepStrictEqual(seen.slice(0, 2), ['/repos/acme/patterns', '/repos/acme/patterns/git/trees/main']);
    assert.strictEqual(server.requests[1].query['recursive'], '1');
    const contents = server.requests.filter((r) => r.path.includes('/contents/'));
    assert.strictEqual(contents.length, 10, 'README and src files are not fetched');
    assert.ok(contents.every((r) => r.query['ref'] === 'main' && /raw/.test(String(r.headers.accept))));
    assert.ok(server.requests.every((r) => r.headers.authorization === `token ${TOKEN}`));
    assert.strictEqual(library.requests, 12);
    assert.strictEqual(library.downloaded, 10);
    assert.ok(!logger.lines.some((l) => l.includes(TOKEN)), 'the token is never logged');
    assert.ok(logger.lines.some((l) => /git\/trees.*→ 200/.test(l)));
    const cached = fs.readdirSync(path.join(cacheDir, 'github-patterns'));
    assert.strictEqual(cached.length, 1);
    assert.ok(!fs.readFileSync(path.join(cacheDir, 'github-patterns', cached[0]), 'utf8').includes(TOKEN));
  });

  it('revalidates with ETags: 304s keep the cache and cost no rate limit', async () => {
    await loadGitHubLibrary(options());
    const used = repo.rateLimitUsed;
    const before = server.requests.length;
    const again = await loadGitHubLibrary(options());
    const sent = server.requests.slice(before);
    assert.strictEqual(again.status, 'not-modified');
    assert.strictEqual(again.patterns.length, 10);
    assert.deepStrictEqual(sent.map((r) => r.path), ['/repos/acme/patterns', '/repos/acme/patterns/git/trees/main']);
    assert.ok(sent.every((r) => typeof r.headers['if-none-match'] === 'string'));
    assert.strictEqual(repo.rateLimitUsed, used);
  });

  it('downloads only the files whose blob changed', async () => {
    await loadGitHubLibrary(options());
    const file = 'docs/patterns/api-design/error-envelope.md';
    repo.files.set(file, repo.files.get(file)!.replace('title: Problem details error envelope', 'title: Problem details'));
    const before = server.requests.length;
    const updated = await loadGitHubLibrary(options());
    assert.strictEqual(updated.status, 'fetched');
    assert.strictEqual(updated.downloaded, 1);
    assert.deepStrictEqual(server.requests.slice(before).filter((r) => r.path.includes('/contents/')).map((r) => r.path), [`/repos/acme/patterns/contents/${file}`]);
    assert.strictEqual(updated.patterns.find((p) => p.id === 'error-envelope')?.title, 'Problem details');
  });

  it('says clearly when the repository or ref does not exist', async () => {
    const missing = await loadGitHubLibrary(options({ spec: 'acme/nothing-here' }));
    assert.strictEqual(missing.status, 'unavailable');
    assert.strictEqual(missing.failure?.kind, 'notFound');
    assert.match(missing.diagnostics[0].message, /acme\/nothing-here was not found on http:\/\/127\.0\.0\.1:\d+/);
    const badRef = await loadGitHubLibrary(options({ spec: 'acme/patterns@no-such-branch/docs' }));
    assert.strictEqual(badRef.failure?.kind, 'notFound');
    const emptyPath = await loadGitHubLibrary(options({ spec: 'acme/patterns@main/nowhere' }));
    assert.strictEqual(emptyPath.patterns.length, 0);
    assert.match(emptyPath.diagnostics[0].message, /no pattern files .* under `nowhere` at main/);
  });

  it('reports that authentication is needed on 401, with or without a token', async () => {
    repo.failWith = { status: 401, json: githubError('Requires authentication') };
    const anonymous = await loadGitHubLibrary(options({ token: undefined }));
    assert.strictEqual(anonymous.failure?.kind, 'unauthorized');
    assert.match(anonymous.failure!.message, /needs authentication/);
    assert.strictEqual(server.requests[0].headers.authorization, undefined);
    const rejected = await loadGitHubLibrary(options());
    assert.match(rejected.failure!.message, /rejected the token/);
    assert.ok(!rejected.failure!.message.includes(TOKEN));
  });

  it('serves the cached copy when rate limited, saying when the limit resets, without retrying', async () => {
    await loadGitHubLibrary(options());
    const reset = Math.floor(Date.now() / 1000) + 1234;
    repo.failWith = {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      json: githubError('API rate limit exceeded for 127.0.0.1.'),
    };
    const before = server.requests.length;
    const limited = await loadGitHubLibrary(options({ retries: 3 }));
    assert.strictEqual(limited.status, 'cached');
    assert.strictEqual(limited.stale, true);
    assert.strictEqual(limited.patterns.length, 10);
    assert.strictEqual(limited.failure?.kind, 'rateLimited');
    assert.strictEqual(limited.failure?.resetAt?.getTime(), reset * 1000);
    assert.match(limited.diagnostics[0].message, new RegExp(`resets at ${new Date(reset * 1000).toISOString().replace(/\./g, '\\.')}; showing the copy cached at`));
    assert.strictEqual(server.requests.length - before, 1, 'one request, no retries');
  });

  it('serves the cached copy when GitHub cannot be reached', async () => {
    await loadGitHubLibrary(options());
    await server.close();
    const offline = await loadGitHubLibrary(options());
    assert.strictEqual(offline.status, 'cached');
    assert.strictEqual(offline.failure?.kind, 'offline');
    assert.strictEqual(offline.patterns.length, 10);
    const nothing = await loadGitHubLibrary(options({ cacheDir: path.join(cacheDir, 'empty') }));
    assert.strictEqual(nothing.status, 'unavailable');
    assert.strictEqual(nothing.diagnostics[0].code, 'source-unavailable');
  });

  it('works against a GitHub Enterprise base URL with a path prefix', async () => {
    const ghe = await startGitHubServer({ routes: repoRoutes(repo, '/api/v3') });
    try {
      const library = await loadGitHubLibrary(options({ baseUrl: `${ghe.baseUrl}/api/v3`, spec: 'acme/patterns@main/docs/patterns/reliability' }));
      assert.deepStrictEqual(library.patterns.map((p) => p.id).sort(), ['circuit-breaker', 'idempotency-keys', 'retry-with-backoff']);
      assert.ok(ghe.requests.every((r) => r.path.startsWith('/api/v3/repos/acme/patterns')));
      assert.ok(!ghe.requests.some((r) => r.path === '/api/v3/repos/acme/patterns'), 'an explicit ref needs no repository lookup');
    } finally {
      await ghe.close();
    }
  });

  it('answers with the shapes GitHub documents (OpenAPI)', () => {
    assert.deepStrictEqual(openApiResponseErrors({ method: 'GET', path: '/repos/{owner}/{repo}', status: 200, body: repositoryJson(repo) }), []);
    assert.deepStrictEqual(openApiResponseErrors({ method: 'GET', path: '/repos/{owner}/{repo}/git/trees/{tree_sha}', status: 200, body: treeJson(repo, 'main') }), []);
    assert.deepStrictEqual(openApiResponseErrors({ method: 'GET', path: '/repos/{owner}/{repo}', status: 404, body: githubError('Not Found') }), []);
    assert.notDeepStrictEqual(openApiResponseErrors({ method: 'GET', path: '/repos/{owner}/{repo}/git/trees/{tree_sha}', status: 200, body: { sha: 'x' } }), []);
    assert.strictEqual(blobSha('hello\n'), 'ce013625030ba8dba906f756967f9e9ca394464a');
  });
});

describe('GitHub library spec', () => {
  it('parses owner/repo[@ref][/path]', () => {
    assert.deepStrictEqual(parseGitHubSpec('acme/patterns'), { ok: true, spec: { owner: 'acme', repo: 'patterns', ref: undefined, path: '' } });
    assert.deepStrictEqual(parseGitHubSpec('acme/patterns@v1.2/docs/patterns/'), { ok: true, spec: { owner: 'acme', repo: 'patterns', ref: 'v1.2', path: 'docs/patterns' } });
    assert.deepStrictEqual(parseGitHubSpec('github:acme/p.js/x'), { ok: true, spec: { owner: 'acme', repo: 'p.js', ref: undefined, path: 'x' } });
    for (const bad of ['acme', 'acme/', '-acme/x', 'acme/x@', 'acme/x/../y', 'ac me/x']) {
      const r = parseGitHubSpec(bad);
      assert.ok(!r.ok, bad);
      assert.match(r.ok ? '' : r.message, /expected owner\/repo\[@ref\]\[\/path\]/);
    }
  });
});
