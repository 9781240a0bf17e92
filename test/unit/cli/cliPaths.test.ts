/** CLI arguments taken literally, and repositories that are shallow, have submodules or an unwritable cache. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runIndex } from '../../../src/cli/commands/indexCommand';
import { ExitCode } from '../../../src/cli/exitCodes';
import { HistoryIndexStore } from '../../../src/core/git/indexStore';
import { silentLogger } from '../../../src/core/logger';
import { TestRepo } from '../../support/gitRepo';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');
const alice = { name: 'Alice Slash', email: 'alice@acme.example' };
const bob = { name: 'Bob Backslash', email: 'bob@acme.example' };
const carol = { name: 'Carol Colon', email: 'carol@acme.example' };

describe('CLI paths and repositories', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let sub: TestRepo;
  let tmp: string;
  const run = (args: string[], cache = path.join(tmp, 'cache')): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: os.tmpdir(), encoding: 'utf8', env: { ...process.env, CONSTELLATION_CACHE: cache } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const emails = (stdout: string): string[] => (JSON.parse(stdout) as Array<{ email: string }>).map((e) => e.email);

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'constellation-cli-paths-'));
    sub = TestRepo.create();
    sub.write('lib.ts', 'export const x = 1;\n');
    sub.commit({ author: alice, date: '2026-01-01T10:00:00Z', message: 'sub' });
    repo = TestRepo.create();
    repo.write('dir/a.ts', 'slash\n');
    repo.write('old.ts', 'old 1\nold 2\n');
    repo.commit({ author: alice, date: '2026-01-02T10:00:00Z', message: 'alice' });
    repo.write('dir\\a.ts', 'backslash\n');
    repo.commit({ author: bob, date: '2026-01-03T10:00:00Z', message: 'bob' });
    repo.write('x:5', 'a file named with a colon\n');
    repo.write('new.ts', 'new\n');
    repo.commit({ author: carol, date: '2026-01-04T10:00:00Z', message: 'carol' });
    repo.git(['-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', sub.root, 'sub']);
    repo.commit({ author: carol, date: '2026-01-05T10:00:00Z', message: 'submodule' });
  });
  after(() => {
    repo.dispose();
    sub.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a backslash is part of the file name: it answers for exactly that file', () => {
    const backslash = run(['experts', 'dir\\a.ts', '--repo', repo.root, '--json']);
    assert.strictEqual(backslash.code, 0, backslash.stderr);
    assert.deepStrictEqual(emails(backslash.stdout), [bob.email]);
    const slash = run(['experts', 'dir/a.ts', '--repo', repo.root, '--json']);
    assert.deepStrictEqual(emails(slash.stdout), [alice.email]);
    const none = run(['experts', 'old\\x.ts', '--repo', repo.root]);
    assert.strictEqual(none.code, ExitCode.unknownPath);
    assert.match(none.stderr, /unknown path: 'old\\x\.ts'/);
  });

  it('a file literally named x:5 is found; x:abc and x: are bad ranges of x', () => {
    const literal = run(['experts', 'x:5', '--repo', repo.root, '--json']);
    assert.strictEqual(literal.code, 0, literal.stderr);
    assert.deepStrictEqual(emails(literal.stdout), [carol.email]);
    const abc = run(['experts', 'old.ts:abc', '--repo', repo.root]);
    assert.strictEqual(abc.code, ExitCode.badRange, abc.stderr);
    assert.match(abc.stderr, /bad range in 'old\.ts:abc': 'abc' is not a line range/);
    const empty = run(['experts', 'old.ts:', '--repo', repo.root]);
    assert.strictEqual(empty.code, ExitCode.badRange);
    assert.match(empty.stderr, /nothing after the colon/);
    const ranged = run(['experts', 'old.ts:2', '--repo', repo.root, '--json']);
    assert.strictEqual(ranged.code, 0, ranged.stderr);
  });

  it('sub:1 on a submodule says it is a submodule, not EISDIR', () => {
    const r = run(['experts', 'sub:1', '--repo', repo.root]);
    assert.strictEqual(r.code, ExitCode.badRange, r.stderr);
    assert.match(r.stderr, /'sub:1': sub is a submodule, which has no lines here; rank its files with --repo .*sub/);
    assert.ok(!/EISDIR/.test(r.stderr));
    const inside = run(['experts', 'sub/lib.ts', '--repo', repo.root]);
    assert.strictEqual(inside.code, ExitCode.unknownPath);
  });

  it('a shallow clone says its history is shallow for a file that exists', () => {
    const shallow = path.join(tmp, 'shallow');
    spawnSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, shallow]);
    const r = run(['experts', 'old.ts', '--repo', shallow]);
    assert.strictEqual(r.code, ExitCode.unknownPath);
    assert.match(r.stderr, /'old\.ts' exists but has no change in this shallow clone's history .*git fetch --unshallow/);
    assert.ok(!/unknown path/.test(r.stderr), r.stderr);
    const missing = run(['experts', 'never.ts', '--repo', shallow]);
    assert.match(missing.stderr, /unknown path: 'never\.ts'/);
  });

  it('an unwritable cache folder: the answer still comes, with one warning naming the folder and the variable', () => {
    const blocker = path.join(tmp, 'not-a-folder');
    writeFileSync(blocker, 'a file where the cache folder would go');
    const cache = path.join(blocker, 'cache');
    for (const args of [['experts', 'old.ts', '--repo', repo.root, '--json'], ['index', '--repo', repo.root]]) {
      const r = run(args, cache);
      assert.strictEqual(r.code, 0, r.stderr);
      const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
      assert.strictEqual(warnings.length, 1, r.stderr);
      assert.ok(warnings[0].includes(`cannot save the history index in ${cache}`), warnings[0]);
      assert.match(warnings[0], /Set CONSTELLATION_CACHE to a writable folder/);
    }
  });

  it('loads the org directory only to classify: not for a wrong path, not for index, once for several paths', () => {
    repo.write('.constellation/directory.yml', 'people:\n  - { email: alice@acme.example, name: Alice }\n');
    try {
      const loads = (stderr: string): number => stderr.split('\n').filter((l) => l.startsWith('info [directory]')).length;
      const wrong = run(['experts', 'old.ts', 'nope.ts', '--repo', repo.root, '--verbose']);
      assert.strictEqual(wrong.code, ExitCode.unknownPath);
      assert.strictEqual(loads(wrong.stderr), 0, wrong.stderr);
      const index = run(['index', '--repo', repo.root, '--verbose']);
      assert.strictEqual(loads(index.stderr), 0);
      const two = run(['experts', 'old.ts', 'new.ts', '--repo', repo.root, '--verbose']);
      assert.strictEqual(two.code, 0, two.stderr);
      assert.strictEqual(loads(two.stderr), 1, two.stderr);
    } finally {
      repo.remove('.constellation/directory.yml');
    }
  });

  it('index reads a saved index whose head still matches once, not twice', async () => {
    const dir = path.join(tmp, 'count-cache');
    assert.match(await runIndex({ repo: repo.root, json: false }, silentLogger, new HistoryIndexStore(dir, silentLogger)), /^built /);
    const store = new HistoryIndexStore(dir, silentLogger);
    const summary = JSON.parse(await runIndex({ repo: repo.root, json: true }, silentLogger, store)) as { mode: string };
    assert.strictEqual(summary.mode, 'unchanged');
    assert.strictEqual(store.loads, 1);
  });
});
