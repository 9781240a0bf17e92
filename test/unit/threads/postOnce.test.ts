import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { silentLogger } from '../../../src/core/logger';
import type { ThreadBackendError } from '../../../src/core/threads/backendError';
import { DraftStore } from '../../../src/core/threads/drafts';
import { GitHubThreadBackend } from '../../../src/core/threads/githubBackend';
import type { Venue } from '../../../src/core/threads/threadTypes';
import { startGitHubServer, type GitHubServer, type RouteResponse } from '../../support/githubServer';
import { FakeIssuesRepo } from './support/fakeIssues';

/** GitHub creates the issue, then the answer is lost: what a client sees on a 502 after the create or a reset. */
for (const [lost, answer, kind] of [['a 502 after the create', { status: 502, json: { message: 'Bad Gateway' } }, 'server'], ['a reset connection', { reset: true }, 'offline']] as Array<[string, RouteResponse, string]>) {
  describe(`posting a thread once, when ${lost} loses the answer`, function () {
    this.timeout(20_000);
    let server: GitHubServer;
    let issues: FakeIssuesRepo;
    let dir: string;
    let creates = 0;
    const venue: Venue = { backend: 'github-issues', repository: 'acme/legacy' };

    beforeEach(async () => {
      creates = 0;
      issues = new FakeIssuesRepo('acme', 'legacy', 'ann');
      const routes = issues.routes();
      const create = routes.find((r) => r.method === 'POST' && r.path === '/repos/acme/legacy/issues')!;
      server = await startGitHubServer({ routes: [
        { ...create, handler: async (request, body) => {
          creates++;
          await create.handler(request, body);
          return creates === 1 ? answer : create.handler(request, body);
        } },
        ...routes,
      ] });
      dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-post-once-'));
    });
    afterEach(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('does not resend the create, and the draft\'s Retry finds the issue instead of making another', async () => {
      // Retries on: reads may be resent, the create must not be.
      const backend = new GitHubThreadBackend({ token: 'ghp_test_token_123', baseUrl: server.baseUrl, logger: silentLogger, throttle: false, retries: 2, retryBaseMs: 1 });
      const drafts = new DraftStore({ dir, logger: silentLogger });
      await assert.rejects(drafts.submit(venue, { kind: 'thread', content: { title: 'Retry budget?', body: 'How many retries?' } }, backend), (e: ThreadBackendError) => e.kind === kind);
      assert.strictEqual(creates, 1, 'the create was sent once');
      assert.strictEqual(issues.issues.length, 1, 'GitHub has the issue');
      const [kept] = await drafts.list();
      assert.strictEqual(kept.state, 'failed', 'the draft is kept, as the answer never came');

      const sent = await drafts.retry(kept.id, backend);
      assert.ok('thread' in sent);
      assert.strictEqual(sent.thread.id, String(issues.issues[0].number), 'the retry recognises the issue it made');
      assert.strictEqual(creates, 1, 'no second create');
      assert.strictEqual(issues.issues.length, 1);
      assert.deepStrictEqual(await drafts.list(), []);
    });
  });
}
