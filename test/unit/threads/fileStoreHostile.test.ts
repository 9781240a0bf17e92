/** A thread folder with hostile or broken files: one problem per bad file, the rest load, nothing hangs. */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { silentLogger } from '../../../src/core/logger';
import { FileThreadStore } from '../../../src/core/threads/fileStore';
import type { Venue } from '../../../src/core/threads/threadTypes';

const THREAD = (id: string, title: string): string => `---\nid: ${id}\ntitle: ${title}\ncreatedAt: "2026-01-01T00:00:00Z"\n---\nbody of ${id}\n`;
const BOMB = [
  '---',
  'id: bomb',
  'title: Billion laughs',
  'createdAt: "2026-01-01T00:00:00Z"',
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  '---',
  'boom',
  '',
].join('\n');
const UNRESOLVED = '---\nid: dangling\ntitle: Alias\ncreatedAt: "2026-01-01T00:00:00Z"\nauthor: *nobody\n---\nx\n';

describe('FileThreadStore with hostile folders', function () {
  this.timeout(30_000);
  let dir: string;
  let venue: Venue;
  const store = (extra: Partial<ConstructorParameters<typeof FileThreadStore>[0]> = {}): FileThreadStore => new FileThreadStore({ logger: silentLogger, ...extra });

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-hostile-'));
    venue = { backend: 'files', path: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an alias bomb and an unresolved alias are one problem each, with path and line; the rest load', async () => {
    writeFileSync(path.join(dir, 'good.md'), THREAD('good', 'Good'));
    writeFileSync(path.join(dir, 'bomb.md'), BOMB);
    writeFileSync(path.join(dir, 'dangling.md'), UNRESOLVED);
    const scan = await store().scan(venue);
    assert.deepStrictEqual(scan.threads.map((t) => t.id), ['good']);
    assert.deepStrictEqual(scan.problems.map((p) => [path.basename(p.file), p.line]), [['bomb.md', 6], ['dangling.md', 5]]);
    assert.match(scan.problems[0].message, /front matter: Excessive alias count/);
    assert.match(scan.problems[1].message, /front matter: Unresolved alias .*nobody/);
  });

  it('a FIFO named like a thread does not block the scan', async () => {
    writeFileSync(path.join(dir, 'good.md'), THREAD('good', 'Good'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const started = Date.now();
    const scan = await store().scan(venue);
    assert.ok(Date.now() - started < 5_000);
    assert.deepStrictEqual(scan.threads.map((t) => t.id), ['good']);
    assert.strictEqual(scan.problems.length, 1);
    assert.match(scan.problems[0].message, /pipe\.md is a FIFO, not a regular file; skipped/);
  });

  it('symlinks out of the folder (to /dev/zero, to a file elsewhere) are not read; one inside it is', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'constellation-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.md'), THREAD('secret', 'Outside'));
      writeFileSync(path.join(dir, 'real.md'), THREAD('real', 'Real'));
      symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
      symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'escape.md'));
      symlinkSync('real.md', path.join(dir, 'alias-of-real.md'));
      const before = process.memoryUsage().rss;
      const scan = await store().scan(venue);
      assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, 'no huge read');
      assert.deepStrictEqual(scan.threads.map((t) => t.id), ['real']);
      const problems = new Map(scan.problems.map((p) => [path.basename(p.file), p.message]));
      assert.match(problems.get('zero.md') ?? '', /symbolic link to \/dev\/zero, outside/);
      assert.match(problems.get('escape.md') ?? '', /outside/);
      assert.match(problems.get('alias-of-real.md') ?? '', /thread id "real" is already used by .*real\.md/, 'the link inside the folder is read, and is a duplicate');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file over the size cap is skipped with its size', async () => {
    writeFileSync(path.join(dir, 'huge.md'), `${THREAD('huge', 'Huge')}${'x'.repeat(300_000)}\n`);
    writeFileSync(path.join(dir, 'small.md'), THREAD('small', 'Small'));
    const scan = await store({ maxFileBytes: 100_000 }).scan(venue);
    assert.deepStrictEqual(scan.threads.map((t) => t.id), ['small']);
    assert.match(scan.problems[0].message, /huge\.md is 294 KB, over the 98 KB limit; skipped/);
  });

  it('a second file reusing a thread id is a problem at its id line; the file named after the id wins', async () => {
    writeFileSync(path.join(dir, 'aaa-copy.md'), THREAD('shared', 'Copy'));
    writeFileSync(path.join(dir, 'shared.md'), THREAD('shared', 'Original'));
    writeFileSync(path.join(dir, 'zzz-copy.md'), THREAD('shared', 'Another copy'));
    const scan = await store().scan(venue);
    assert.deepStrictEqual(scan.threads.map((t) => t.title), ['Original']);
    assert.deepStrictEqual(scan.problems.map((p) => [path.basename(p.file), p.line]), [['aaa-copy.md', 2], ['zzz-copy.md', 2]]);
    assert.ok(scan.problems.every((p) => p.message.includes(`already used by ${path.join(dir, 'shared.md')}`)), JSON.stringify(scan.problems));
  });

  it('createThread refuses an empty title instead of writing a file it cannot read back', async () => {
    await assert.rejects(store().createThread(venue, { title: '   ', body: 'b' }), { kind: 'invalid', message: /needs a title/ });
    assert.deepStrictEqual(readdirSync(dir), []);
  });

  it('a writer killed mid-write leaves a temp file that the next write removes', async () => {
    const script = path.join(__dirname, 'support', 'crashingWriter.js');
    const crashed = spawnSync(process.execPath, [script, dir, 'create', 'Crash test']);
    assert.strictEqual(crashed.signal, 'SIGKILL');
    assert.strictEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')).length, 1, 'the crash left its temp file');
    await store().createThread(venue, { title: 'After the crash', body: 'b' });
    assert.deepStrictEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
    assert.deepStrictEqual((await store().scan(venue)).threads.map((t) => t.title), ['After the crash']);
  });

  it('a lock left by a killed writer on this machine is broken at once, not after it turns stale', async () => {
    const thread = await store().createThread(venue, { title: 'Locked', body: 'b' });
    const crashed = spawnSync(process.execPath, [path.join(__dirname, 'support', 'crashingWriter.js'), dir, 'comment', thread.id]);
    assert.strictEqual(crashed.signal, 'SIGKILL');
    assert.ok(existsSync(path.join(dir, `${thread.id}.md.lock`)), 'the crash left its lock');
    const started = Date.now();
    await store({ lockStaleMs: 60_000, lockTimeoutMs: 10_000 }).addComment(venue, thread.id, 'after the crash');
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
    assert.deepStrictEqual(readdirSync(dir).sort(), [`${thread.id}.md`]);
    const [loaded] = (await store().scan(venue)).threads;
    assert.deepStrictEqual(loaded.comments.map((c) => c.body), ['after the crash']);
  });

  it('a FIFO in place of a thread file fails a comment with a message instead of hanging', async () => {
    execFileSync('mkfifo', [path.join(dir, 'stuck.md')]);
    await assert.rejects(store().addComment(venue, 'stuck', 'hello'), { kind: 'invalid', message: /FIFO/ });
  });
});
