import * as assert from 'assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { silentLogger } from '../../../src/core/logger';
import { ThreadBackendError, type ThreadBackendErrorKind } from '../../../src/core/threads/backendError';
import { DraftStore } from '../../../src/core/threads/drafts';
import { FileThreadStore } from '../../../src/core/threads/fileStore';
import type { Thread, ThreadBackend, ThreadComment, Venue } from '../../../src/core/threads/threadTypes';

/** A backend that fails with the given errors, in order, then delegates to a real file store. */
class FlakyBackend implements ThreadBackend {
  constructor(private readonly inner: ThreadBackend, private readonly failures: unknown[]) {}
  listThreads(venue: Venue): Promise<Thread[]> {
    return this.inner.listThreads(venue);
  }
  async createThread(...args: Parameters<ThreadBackend['createThread']>): Promise<Thread> {
    this.maybeFail();
    return this.inner.createThread(...args);
  }
  async addComment(...args: Parameters<ThreadBackend['addComment']>): Promise<ThreadComment> {
    this.maybeFail();
    return this.inner.addComment(...args);
  }
  private maybeFail(): void {
    const failure = this.failures.shift();
    if (failure !== undefined) {
      throw failure;
    }
  }
}

describe('DraftStore', () => {
  let root: string;
  let venue: Venue;
  let drafts: DraftStore;
  let files: FileThreadStore;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'constellation-drafts-'));
    venue = { backend: 'files', path: path.join(root, 'hub') };
    drafts = new DraftStore({ dir: path.join(root, 'drafts'), logger: silentLogger });
    files = new FileThreadStore({ logger: silentLogger });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const kinds: Array<[ThreadBackendErrorKind, string?]> = [['offline'], ['unauthorized'], ['server'], ['rateLimited', '2030-01-01T00:00:00.000Z'], ['invalid'], ['forbidden'], ['aborted']];

  it('writes no secret to a draft file: not what the person pasted, not what the server answered', async () => {
    const pasted = 'ghp_pastedPersonalToken0123456789';
    const echoed = 'ghs_echoedServerToken987654';
    const backend = new FlakyBackend(files, [new ThreadBackendError('server', `proxy said "Authorization: token ${echoed}"`)]);
    const payload = { kind: 'thread' as const, content: { title: 'Q', body: `My config:\n  token: ${pasted}\n  "quoted": \\ ok` } };
    await assert.rejects(drafts.submit(venue, payload, backend));
    const [name] = readdirSync(path.join(root, 'drafts'));
    const onDisk = readFileSync(path.join(root, 'drafts', name), 'utf8');
    assert.ok(!onDisk.includes(pasted) && !onDisk.includes(echoed), onDisk);
    const kept = JSON.parse(onDisk) as { payload: { content: { body: string } }; error: { message: string } };
    assert.strictEqual(kept.payload.content.body, 'My config:\n  token: [redacted]\n  "quoted": \\ ok', 'the rest is kept, and the file is still JSON');
    assert.strictEqual(kept.error.message, 'proxy said "Authorization: [redacted]"');
    // What is sent is what was stored: the pasted token does not reach the venue either.
    const sent = await drafts.retry(name.slice(0, -'.json'.length), backend);
    assert.ok('thread' in sent && sent.thread.body.includes('token: [redacted]') && !sent.thread.body.includes(pasted));
  });

  for (const [kind, resetAt] of kinds) {
    it(`keeps the draft, marked failed with kind ${kind}, then sends it on retry`, async () => {
      const backend = new FlakyBackend(files, [new ThreadBackendError(kind, `simulated ${kind}`, { resetAt: resetAt ? new Date(resetAt) : undefined })]);
      const payload = { kind: 'thread' as const, content: { title: 'Q', body: 'Why?' } };
      await assert.rejects(drafts.submit(venue, payload, backend), (err: ThreadBackendError) => err.kind === kind);
      const [kept] = await drafts.list();
      assert.strictEqual(kept.state, 'failed');
      assert.deepStrictEqual(kept.error, { kind, message: `simulated ${kind}`, ...(resetAt ? { resetAt } : {}) });
      assert.deepStrictEqual(kept.payload, payload);
      assert.strictEqual(kept.attempts, 1);

      const sent = await drafts.retry(kept.id, backend);
      assert.strictEqual(sent.draft.state, 'sent');
      assert.strictEqual(sent.draft.attempts, 2);
      assert.deepStrictEqual(await drafts.list(), []);
      assert.deepStrictEqual((await files.listThreads(venue)).map((t) => t.title), ['Q']);
    });
  }

  it('maps unexpected errors to server and cancellations to aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const backend = new FlakyBackend(files, [new TypeError('boom'), Object.assign(new Error('stop'), { name: 'AbortError' })]);
    await assert.rejects(drafts.submit(venue, { kind: 'thread', content: { title: 'A', body: 'a' } }, backend), { kind: 'server', message: 'boom' });
    await assert.rejects(drafts.submit(venue, { kind: 'thread', content: { title: 'B', body: 'b' } }, backend, { signal: controller.signal }), { kind: 'aborted' });
    assert.deepStrictEqual((await drafts.list()).map((d) => d.error?.kind).sort(), ['aborted', 'server']);
  });

  it('is written before sending, so a crash mid-send leaves it pending', async () => {
    let seenOnDisk: string[] = [];
    const crashing: ThreadBackend = {
      listThreads: async () => [],
      createThread: async () => {
        seenOnDisk = readdirSync(path.join(root, 'drafts'));
        return new Promise<Thread>(() => undefined); // the process "dies" here: never settles
      },
      addComment: async () => {
        throw new Error('unused');
      },
    };
    void drafts.submit(venue, { kind: 'thread', content: { title: 'Lost?', body: 'no' } }, crashing).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.strictEqual(seenOnDisk.length, 1);
    // A new session (new store) finds it pending and can send it.
    const next = new DraftStore({ dir: path.join(root, 'drafts'), logger: silentLogger });
    const [pending] = await next.list();
    assert.strictEqual(pending.state, 'pending');
    await next.send(pending.id, files);
    assert.deepStrictEqual(await next.list(), []);
  });

  it('sends comments and replies, discards, and skips unreadable draft files', async () => {
    const thread = await files.createThread(venue, { title: 'T', body: 'b' });
    const first = await drafts.submit(venue, { kind: 'comment', threadId: thread.id, body: 'one' }, files);
    assert.ok('comment' in first);
    await drafts.submit(venue, { kind: 'comment', threadId: thread.id, body: 'two', replyTo: first.comment.id }, files);
    const [loaded] = await files.listThreads(venue);
    assert.deepStrictEqual(loaded.comments.map((c) => [c.body, c.replyTo]), [['one', undefined], ['two', first.comment.id]]);

    const kept = await drafts.save(venue, { kind: 'comment', threadId: thread.id, body: 'maybe' });
    writeFileSync(path.join(root, 'drafts', 'd-broken.json'), '{ not json');
    assert.deepStrictEqual((await drafts.list()).map((d) => d.id), [kept.id]);
    await drafts.discard(kept.id);
    assert.deepStrictEqual(await drafts.list(), []);
  });
});
