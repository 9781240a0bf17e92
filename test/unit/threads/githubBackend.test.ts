import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { silentLogger, type Logger } from '../../../src/core/logger';
import { createAnchor } from '../../../src/core/threads/anchor';
import type { ThreadBackendError } from '../../../src/core/threads/backendError';
import { composeThreadBody } from '../../../src/core/threads/compose';
import { DraftStore } from '../../../src/core/threads/drafts';
import { GitHubThreadBackend, type GitHubThreadBackendOptions } from '../../../src/core/threads/githubBackend';
import type { Venue } from '../../../src/core/threads/threadTypes';
import { FakeDiscussionsHub, loadGraphqlSchema, type FakeRepository } from '../../support/githubGraphql';
import { startGitHubServer, type GitHubServer } from '../../support/githubServer';
import { FakeIssuesRepo } from './support/fakeIssues';
import { restShapeErrors } from './support/restShapes';

const TOKEN = 'ghp_loopbackSecret123';

describe('GitHubThreadBackend over real HTTP (GitHub Enterprise layout)', function () {
  this.timeout(30_000);
  let server: GitHubServer;
  let hub: FakeDiscussionsHub;
  let repo: FakeRepository;
  let issues: FakeIssuesRepo;
  let logs: string[];
  let draftsDir: string;
  const venue: Venue = { backend: 'github-discussions', repository: 'acme/design', category: 'Architecture' };

  before(async () => {
    await loadGraphqlSchema(); // built once (~1 s), outside the timed tests
  });

  beforeEach(async () => {
    server = await startGitHubServer({ routes: [] });
    hub = new FakeDiscussionsHub({ token: TOKEN, viewer: 'ann' });
    repo = hub.addRepository({ owner: 'acme', name: 'design', hasDiscussionsEnabled: true, categories: [
      { id: 'DIC_general', name: 'General', slug: 'general' },
      { id: 'DIC_arch', name: 'Architecture', slug: 'architecture' },
    ] });
    issues = new FakeIssuesRepo('acme', 'legacy', 'ann', 'https://ghe.example.test', `${server.baseUrl}/api/v3`);
    hub.addRepository({ owner: 'acme', name: 'legacy', hasDiscussionsEnabled: false, categories: [] });
    server.addRoutes([hub.route('/api/graphql'), ...issues.routes('/api/v3')]);
    logs = [];
    draftsDir = mkdtempSync(path.join(os.tmpdir(), 'constellation-gh-drafts-'));
  });

  afterEach(async () => {
    await server.close();
    rmSync(draftsDir, { recursive: true, force: true });
    assert.ok(!logs.some((l) => l.includes(TOKEN)), 'the token never appears in logs');
  });

  function backend(extra: Partial<GitHubThreadBackendOptions> = {}): GitHubThreadBackend {
    const record = (m: string | Error): void => void logs.push(String(m));
    const logger: Logger = { trace: record, debug: record, info: record, warn: record, error: record };
    return new GitHubThreadBackend({ token: TOKEN, baseUrl: `${server.baseUrl}/api/v3`, logger, throttle: false, retries: 0, timeoutMs: 5_000, ...extra });
  }

  async function assertDocumentsValid(): Promise<void> {
    const { validate } = await loadGraphqlSchema();
    assert.ok(hub.documents.length > 0);
    for (const doc of hub.documents) {
      assert.deepStrictEqual(validate(doc).map((e) => e.message), [], doc);
    }
  }

  it('creates a discussion, comments, replies and lists it back with its anchor', async () => {
    const anchor = createAnchor({ remote: 'https://ghe.example.test/acme/shop', path: 'src/pay.ts', commit: 'c'.repeat(40), startLine: 1, endLine: 2, fileText: 'a\nb\n' });
    const body = composeThreadBody({ question: 'Should retries live here?', anchor, snippet: { path: 'src/pay.ts', startLine: 1, endLine: 2, text: 'a\nb' }, experts: [{ name: 'Bo', login: 'bo', relationship: 'other-team' }] });
    const gh = backend();
    const thread = await gh.createThread(venue, { title: 'Retries?', body });
    assert.strictEqual(thread.backend, 'github-discussions');
    assert.strictEqual(thread.url, 'https://github.com/acme/design/discussions/1');
    assert.deepStrictEqual(thread.anchor, anchor);
    const first = await gh.addComment(venue, thread.id, 'Yes, in the client.');
    const reply = await gh.addComment(venue, thread.id, 'Agreed.', { replyTo: first.id });
    assert.strictEqual(reply.replyTo, first.id);

    const [listed] = await gh.listThreads(venue);
    assert.strictEqual(listed.id, thread.id);
    assert.strictEqual(listed.title, 'Retries?');
    assert.deepStrictEqual(listed.anchor, anchor);
    assert.deepStrictEqual(listed.author, { login: 'ann' });
    assert.deepStrictEqual(listed.comments.map((c) => [c.body, c.replyTo]), [['Yes, in the client.', undefined], ['Agreed.', first.id]]);
    assert.strictEqual(repo.discussions[0].categoryId, 'DIC_arch');
    const graphqlCalls = server.requests.filter((r) => r.path === '/api/graphql');
    assert.strictEqual(graphqlCalls.length, 5);
    assert.strictEqual(hub.documents.filter((d) => d.includes('hasDiscussionsEnabled')).length, 1, 'repository settings fetched once, then cached');
    assert.ok(graphqlCalls.every((r) => r.headers.authorization === `token ${TOKEN}`));
    await assertDocumentsValid();
  });

  it('pages through discussions and through a long comment list, keeping to the category', async () => {
    for (let i = 0; i < 120; i++) {
      hub.addDiscussion(repo, { title: `T${i}`, body: 'b', categoryId: 'DIC_arch', author: 'cy', createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString() });
    }
    hub.addDiscussion(repo, { title: 'elsewhere', body: 'b', categoryId: 'DIC_general', author: 'cy', createdAt: '2024-02-01T00:00:00Z' });
    const busy = repo.discussions[5];
    for (let i = 0; i < 70; i++) {
      const c = hub.addComment(busy, { body: `c${i}`, author: 'dee', createdAt: '2024-03-01T00:00:00Z' });
      if (i === 60) hub.addComment(c, { body: 'reply to c60', author: 'ed', createdAt: '2024-03-02T00:00:00Z' });
    }
    const threads = await backend().listThreads(venue);
    assert.strictEqual(threads.length, 120);
    assert.strictEqual(threads[0].title, 'T119', 'newest first');
    const loaded = threads.find((t) => t.id === busy.id);
    assert.strictEqual(loaded?.comments.length, 71);
    assert.deepStrictEqual(loaded?.comments.find((c) => c.body === 'reply to c60')?.replyTo, busy.comments[60].id);
    assert.strictEqual(hub.documents.length, 1 + 3 + 1, 'repository + 3 discussion pages + 1 extra comment page');
    await assertDocumentsValid();
  });

  it('falls back to Issues (REST) when the repository has Discussions off', async () => {
    const legacy: Venue = { backend: 'github-discussions', repository: 'acme/legacy', category: 'Architecture' };
    for (let i = 0; i < 130; i++) issues.add({ title: `old ${i}`, body: '', labels: [], author: 'cy', createdAt: '2023-01-01T00:00:00Z' });
    issues.add({ title: 'a PR', body: '', labels: [], author: 'cy', createdAt: '2023-01-01T00:00:00Z', isPullRequest: true });
    const gh = backend();
    const created = await gh.createThread(legacy, { title: 'Where do retries go?', body: 'Question' });
    assert.strictEqual(created.backend, 'github-issues');
    assert.strictEqual(created.id, '132');
    const c1 = await gh.addComment(legacy, created.id, 'In the client.');
    await gh.addComment(legacy, created.id, 'Agreed.', { replyTo: c1.id });
    const threads = await gh.listThreads(legacy);
    assert.strictEqual(threads.length, 131, 'all issues over two pages, the pull request left out');
    const mine = threads.find((t) => t.id === '132');
    assert.deepStrictEqual(mine?.comments.map((c) => [c.body, c.replyTo]), [['In the client.', undefined], ['Agreed.', c1.id]]);
    // The fake answers with GitHub's documented shapes.
    assert.deepStrictEqual(restShapeErrors('POST', '/repos/{owner}/{repo}/issues', 201, issues.issueJson(issues.issues[131])), []);
    assert.deepStrictEqual(restShapeErrors('GET', '/repos/{owner}/{repo}/issues', 200, issues.issues.slice(0, 3).map((i) => issues.issueJson(i))), []);
    assert.deepStrictEqual(restShapeErrors('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 201, issues.commentJson(issues.issues[131], issues.issues[131].comments[0])), []);
    await assertDocumentsValid();
  });

  it('creates issues with the venue labels and lists only labelled ones', async () => {
    const labelled: Venue = { backend: 'github-issues', repository: 'acme/legacy', labels: ['design', 'constellation'] };
    issues.add({ title: 'unrelated', body: '', labels: ['bug'], author: 'cy', createdAt: '2023-01-01T00:00:00Z' });
    const gh = backend();
    await gh.createThread(labelled, { title: 'Labelled', body: 'b' });
    assert.deepStrictEqual(issues.issues[1].labels, ['design', 'constellation']);
    assert.deepStrictEqual((await gh.listThreads(labelled)).map((t) => t.title), ['Labelled']);
    assert.strictEqual(hub.documents.length, 0, 'an issues venue needs no GraphQL');
  });

  it('rejects an unknown category and an unknown repository with typed errors', async () => {
    await assert.rejects(backend().createThread({ ...venue, category: 'Nope' }, { title: 't', body: 'b' }), (e: ThreadBackendError) => e.kind === 'invalid' && /General, Architecture/.test(e.message));
    await assert.rejects(backend().listThreads({ ...venue, repository: 'acme/ghost' }), { kind: 'notFound' });
    await assert.rejects(backend().listThreads({ ...venue, repository: 'not a repo' }), { kind: 'invalid' });
  });

  describe('faults: mapped to a kind, the draft kept', () => {
    async function sendExpecting(gh: GitHubThreadBackend, kind: string, signal?: AbortSignal): Promise<ThreadBackendError> {
      const drafts = new DraftStore({ dir: draftsDir, logger: silentLogger });
      let caught: ThreadBackendError | undefined;
      await assert.rejects(drafts.submit(venue, { kind: 'thread', content: { title: 'Q', body: 'B' } }, gh, { signal }), (e: ThreadBackendError) => {
        caught = e;
        return e.kind === kind;
      });
      const [kept] = await drafts.list();
      assert.strictEqual(kept.state, 'failed');
      assert.strictEqual(kept.error?.kind, kind);
      assert.deepStrictEqual(kept.payload, { kind: 'thread', content: { title: 'Q', body: 'B' } });
      return caught as ThreadBackendError;
    }

    it('401 → unauthorized', async () => {
      const gh = new GitHubThreadBackend({ token: 'wrong', baseUrl: `${server.baseUrl}/api/v3`, logger: silentLogger, throttle: false, retries: 0 });
      await sendExpecting(gh, 'unauthorized');
    });

    it('403 with x-ratelimit-remaining 0 → rateLimited with the reset time, not retried forever', async () => {
      const reset = Math.floor(Date.now() / 1000) + 3600;
      server.addRoutes([{ method: 'POST', path: '/api/graphql', handler: () => ({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, json: { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/rate-limit' } }) }]);
      const error = await sendExpecting(backend({ throttle: true, retries: 2 }), 'rateLimited');
      assert.strictEqual(error.resetAt?.getTime(), reset * 1000);
      assert.strictEqual(server.requests.length, 1, 'a limit that lifts in an hour is not waited for');
    });

    it('GraphQL RATE_LIMITED error (HTTP 200) → rateLimited with the reset time', async () => {
      const reset = Math.floor(Date.now() / 1000) + 1800;
      server.addRoutes([{ method: 'POST', path: '/api/graphql', handler: () => ({ status: 200, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, json: { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] } }) }]);
      const error = await sendExpecting(backend({ throttle: true }), 'rateLimited');
      assert.strictEqual(error.resetAt?.getTime(), reset * 1000);
    });

    it('502 → server, after the configured retries', async () => {
      server.addRoutes([{ method: 'POST', path: '/api/graphql', handler: () => ({ status: 502, body: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } }) }]);
      await sendExpecting(backend({ retries: 2, retryBaseMs: 5 }), 'server');
      assert.strictEqual(server.requests.length, 3);
    });

    it('no answer → offline after the timeout; a cancelled request → aborted', async () => {
      server.addRoutes([{ method: 'POST', path: '/api/graphql', handler: () => new Promise(() => undefined) }]);
      const started = Date.now();
      await sendExpecting(backend({ timeoutMs: 300 }), 'offline');
      assert.ok(Date.now() - started < 3000);
      rmSync(draftsDir, { recursive: true, force: true });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      await sendExpecting(backend(), 'aborted', controller.signal);
    });

    it('malformed JSON → server', async () => {
      server.addRoutes([{ method: 'POST', path: '/api/graphql', handler: () => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"data": {"repository": {"id": ' }) }]);
      await sendExpecting(backend(), 'server');
    });

    it('connection refused → offline', async () => {
      const gh = new GitHubThreadBackend({ token: TOKEN, baseUrl: 'http://127.0.0.1:9/api/v3', logger: silentLogger, throttle: false, retries: 0 });
      await sendExpecting(gh, 'offline');
    });
  });
});

describe('GitHubThreadBackend on github.com layout', () => {
  it('sends GraphQL to /graphql when the base URL has no /api/v3', async () => {
    const server = await startGitHubServer({ routes: [] });
    try {
      const hub = new FakeDiscussionsHub({ token: TOKEN, viewer: 'ann' });
      hub.addRepository({ owner: 'o', name: 'r', hasDiscussionsEnabled: true, categories: [{ id: 'C1', name: 'Q&A', slug: 'q-a' }] });
      server.addRoutes([hub.route('/graphql')]);
      const gh = new GitHubThreadBackend({ token: TOKEN, baseUrl: server.baseUrl, logger: silentLogger, throttle: false });
      const thread = await gh.createThread({ backend: 'github-discussions', repository: 'o/r', category: 'q-a' }, { title: 'T', body: 'B' });
      assert.strictEqual(thread.title, 'T');
      assert.deepStrictEqual([...new Set(server.requests.map((r) => r.path))], ['/graphql']);
    } finally {
      await server.close();
    }
  });
});
