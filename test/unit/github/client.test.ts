import * as assert from 'assert';
import { GitHubClient } from '../../../src/core/github/client';
import { GitHubError } from '../../../src/core/github/errors';
import { RateLimitState } from '../../../src/core/github/rateLimit';
import { silentLogger } from '../../../src/core/logger';
import { githubError, startGitHubServer, type GitHubServer } from '../../support/githubServer';

describe('GitHubClient (one client, one taxonomy, shared back-off)', function () {
  this.timeout(20_000);
  let server: GitHubServer;
  let status = 502;

  beforeEach(async () => {
    status = 502;
    server = await startGitHubServer({ routes: [
      { method: 'GET', path: '/repos/o/r', handler: () => ({ status, json: githubError('Bad Gateway') }) },
      { method: 'POST', path: '/repos/o/r/issues', handler: () => ({ status, json: githubError('Bad Gateway') }) },
    ] });
  });
  afterEach(() => server.close());

  const client = (rateLimit?: RateLimitState) => new GitHubClient({ baseUrl: server.baseUrl, token: 'gho_test_token_1', logger: silentLogger, throttle: false, retries: 2, retryBaseMs: 1, rateLimit });

  it('retries a read on 5xx but never resends a write', async () => {
    const gh = client();
    await assert.rejects(gh.call('read', undefined, (request) => gh.octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r', request })), (e: GitHubError) => e.kind === 'server' && e.status === 502);
    assert.strictEqual(server.requests.filter((r) => r.method === 'GET').length, 3, 'a read is retried twice');
    await assert.rejects(gh.call('create', undefined, (request) => gh.octokit.request('POST /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r', title: 't', request }), { write: true }), { kind: 'server' });
    assert.strictEqual(server.requests.filter((r) => r.method === 'POST').length, 1, 'a create is sent once');
  });

  it('classifies a lost connection as offline, and does not resend a write over it', async () => {
    server.addRoutes([
      { method: 'POST', path: '/repos/o/r/issues', handler: () => ({ reset: true }) },
      { method: 'GET', path: '/repos/o/r', handler: () => ({ reset: true }) },
    ]);
    const gh = client();
    await assert.rejects(gh.call('create', undefined, (request) => gh.octokit.request('POST /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r', title: 't', request }), { write: true }), { kind: 'offline' });
    assert.strictEqual(server.requests.filter((r) => r.method === 'POST').length, 1, 'the create went out once');
    await assert.rejects(gh.call('read', undefined, (request) => gh.octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r', request })), { kind: 'offline' });
    assert.ok(server.requests.filter((r) => r.method === 'GET').length > 1, 'a read is resent over a reset');
  });

  it('shares a rate limit between clients of one session: the next call is refused without a request', async () => {
    status = 403;
    const reset = Math.floor(Date.now() / 1000) + 600;
    server.addRoutes([{ method: 'GET', path: '/repos/o/r', handler: () => ({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, json: githubError('API rate limit exceeded') }) }]);
    const state = new RateLimitState();
    const first = client(state);
    await assert.rejects(first.call('read', undefined, (request) => first.octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r', request })), (e: GitHubError) => e.kind === 'rateLimited' && e.resetAt?.getTime() === reset * 1000);
    const sent = server.requests.length;
    const second = client(state);
    await assert.rejects(second.call('read', undefined, (request) => second.octokit.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r', request })), { kind: 'rateLimited' });
    assert.strictEqual(server.requests.length, sent, 'no request while the limit is in force');
    assert.strictEqual(state.blockedUntil()?.getTime(), reset * 1000);
  });
});
