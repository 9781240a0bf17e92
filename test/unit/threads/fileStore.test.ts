import * as assert from 'assert';
import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync, readdirSync, readFileSync, utimesSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { Logger } from '../../../src/core/logger';
import { silentLogger } from '../../../src/core/logger';
import { createAnchor } from '../../../src/core/threads/anchor';
import { FileThreadStore, slugify } from '../../../src/core/threads/fileStore';
import type { Venue } from '../../../src/core/threads/threadTypes';

const run = promisify(execFile);

describe('FileThreadStore', () => {
  let dir: string;
  let venue: Venue;
  let store: FileThreadStore;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-threads-'));
    venue = { backend: 'files', path: dir };
    store = new FileThreadStore({ logger: silentLogger });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const anchor = createAnchor({ remote: 'https://github.com/acme/shop', path: 'src/a b.ts', commit: 'a'.repeat(40), startLine: 2, endLine: 3, fileText: 'x\ny\nz\n' });

  it('round-trips a thread with anchor, tricky body and threaded comments', async () => {
    const body = 'Why --> this?\n\n<!-- constellation:comment {"id":"fake","createdAt":"x"} -->\n\\<!-- constellation:comment kept -->\n---\nend';
    const created = await store.createThread(venue, { title: 'Retry policy: why 3× backoff?', body, anchor, author: { name: 'Ann', email: 'ann@x.test' } });
    assert.match(created.id, /^retry-policy-why-3-backoff-[0-9a-z]+$/);
    const first = await store.addComment(venue, created.id, 'Because of the gateway.', { author: { login: 'bob' } });
    const reply = await store.addComment(venue, created.id, 'Thanks!\n<!-- constellation:comment {"id":"x","createdAt":"y"} -->', { replyTo: first.id, author: { name: 'Ann' } });

    const [loaded] = await store.listThreads(venue);
    assert.strictEqual(loaded.id, created.id);
    assert.strictEqual(loaded.title, 'Retry policy: why 3× backoff?');
    assert.strictEqual(loaded.body, body);
    assert.deepStrictEqual(loaded.anchor, anchor);
    assert.deepStrictEqual(loaded.author, { name: 'Ann', email: 'ann@x.test' });
    assert.deepStrictEqual(
      loaded.comments.map((c) => [c.id, c.body, c.replyTo, c.author]),
      [
        [first.id, 'Because of the gateway.', undefined, { login: 'bob' }],
        [reply.id, 'Thanks!\n<!-- constellation:comment {"id":"x","createdAt":"y"} -->', first.id, { name: 'Ann' }],
      ],
    );
    assert.strictEqual(loaded.state, 'open');
    assert.strictEqual(loaded.backend, 'files');
  });

  it('keeps every comment when many async writers add comments at once', async () => {
    const thread = await store.createThread(venue, { title: 'Busy', body: 'b' });
    const writers = Array.from({ length: 4 }, () => new FileThreadStore({ logger: silentLogger }));
    await Promise.all(writers.flatMap((s, w) => Array.from({ length: 10 }, (_, i) => s.addComment(venue, thread.id, `writer ${w} #${i}`))));
    const [loaded] = await store.listThreads(venue);
    assert.strictEqual(loaded.comments.length, 40);
    assert.strictEqual(new Set(loaded.comments.map((c) => c.body)).size, 40);
    assert.deepStrictEqual(readdirSync(dir), [`${thread.id}.md`], 'no lock or temp file left behind');
  });

  it('keeps every comment when two processes add comments at the same time', async () => {
    const thread = await store.createThread(venue, { title: 'Cross process', body: 'b' });
    const script = path.join(__dirname, 'support', 'commentWriter.js');
    await Promise.all(['alpha', 'beta'].map((tag) => run(process.execPath, [script, dir, thread.id, '25', tag])));
    const [loaded] = await store.listThreads(venue);
    const bodies = loaded.comments.map((c) => c.body);
    assert.strictEqual(bodies.length, 50);
    for (const tag of ['alpha', 'beta']) {
      const own = bodies.filter((b) => b.startsWith(tag));
      assert.deepStrictEqual(own, Array.from({ length: 25 }, (_, i) => `${tag} comment ${i}`), `${tag}'s comments all kept, in order`);
    }
  });

  it('breaks a stale lock left by a crashed writer but waits for a fresh one', async () => {
    const thread = await store.createThread(venue, { title: 'Locked', body: 'b' });
    const lock = path.join(dir, `${thread.id}.md.lock`);
    writeFileSync(lock, '99999 crashed\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await new FileThreadStore({ logger: silentLogger, lockStaleMs: 5_000 }).addComment(venue, thread.id, 'after crash');
    writeFileSync(lock, '1 busy\n');
    await assert.rejects(new FileThreadStore({ logger: silentLogger, lockTimeoutMs: 200 }).addComment(venue, thread.id, 'blocked'), { kind: 'server' });
    rmSync(lock);
    const [loaded] = await store.listThreads(venue);
    assert.deepStrictEqual(loaded.comments.map((c) => c.body), ['after crash']);
  });

  it('reports bad files with file, line and cause, and still loads the good ones', async () => {
    await store.createThread(venue, { title: 'Good one', body: 'fine' });
    writeFileSync(path.join(dir, 'no-front-matter.md'), '# just markdown\n');
    writeFileSync(path.join(dir, 'bad-yaml.md'), '---\nid: x\ntitle: a: b\ncreatedAt: 2024\n---\nbody\n');
    writeFileSync(path.join(dir, 'missing-title.md'), '---\nid: y\ncreatedAt: "2024-01-01"\n---\nbody\n');
    writeFileSync(path.join(dir, 'bad-comment.md'), '---\nid: z\ntitle: T\ncreatedAt: "2024-01-01"\n---\nbody\n\n<!-- constellation:comment {"id": oops} -->\ntext\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };
    const scan = await new FileThreadStore({ logger }).scan(venue);
    assert.deepStrictEqual(scan.threads.map((t) => t.title), ['Good one']);
    const problems = scan.problems.map((p) => [path.basename(p.file), p.line]);
    assert.deepStrictEqual(problems, [['bad-comment.md', 8], ['bad-yaml.md', 3], ['missing-title.md', 2], ['no-front-matter.md', 1]]);
    assert.match(scan.problems[0].message, /not valid JSON/);
    assert.match(scan.problems[2].message, /"title"/);
    await new FileThreadStore({ logger }).listThreads(venue);
    assert.strictEqual(warnings.length, 4);
    assert.ok(warnings.every((w) => /\.md:\d+: skipped thread file/.test(w)));
  });

  it('refuses comments on unknown threads and replies to unknown comments', async () => {
    const thread = await store.createThread(venue, { title: 'T', body: 'b' });
    await assert.rejects(store.addComment(venue, 'nope-123', 'x'), { kind: 'notFound' });
    await assert.rejects(store.addComment(venue, '../escape', 'x'), { kind: 'invalid' });
    await assert.rejects(store.addComment(venue, thread.id, 'x', { replyTo: 'c-missing' }), { kind: 'invalid' });
    assert.strictEqual(readFileSync(path.join(dir, `${thread.id}.md`), 'utf8').includes('constellation:comment'), false);
  });

  it('makes readable slugs', () => {
    assert.strictEqual(slugify('Café: naïve  API -- design?'), 'cafe-naive-api-design');
    assert.strictEqual(slugify('!!!'), 'thread');
  });
});
