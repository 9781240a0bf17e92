import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestRepo } from '../../support/gitRepo';
import { ExitCode } from '../../../src/cli/exitCodes';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');
const sylvia = { name: 'Sylvia Chen', email: 'sylvia@acme.example' };
const jake = { name: 'Jake Moreau', email: 'jake@acme.example' };
const julie = { name: 'Julie Park', email: 'julie@supplier.example' };

function run(args: string[], cwd: string, cache: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CONSTELLATION_CACHE: cache } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('constellation CLI', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let cache: string;
  let firstCommit: string;

  before(() => {
    cache = mkdtempSync(path.join(os.tmpdir(), 'constellation-cli-cache-'));
    repo = TestRepo.create();
    repo.write('.constellation/directory.yml', [
      'companies:',
      '  - { id: acme, name: Acme, domains: [acme.example] }',
      '  - { id: supplier, name: Supplier Ltd, domains: [supplier.example] }',
      'businessUnits:',
      '  - { id: payments, name: Payments, company: acme }',
      '  - { id: platform, name: Platform, company: acme }',
      'teams:',
      '  - { id: checkout, name: Checkout, businessUnit: payments }',
      '  - { id: sre, name: SRE, businessUnit: platform }',
      'people:',
      '  - { email: tester@example.test, name: Tester, team: checkout }',
      '  - { email: sylvia@acme.example, name: Sylvia Chen, team: sre }',
      '  - { email: jake@acme.example, name: Jake Moreau, team: checkout }',
      '',
    ].join('\n'));
    repo.write('src/retry.ts', Array.from({ length: 30 }, (_, i) => `export const retry${i} = ${i};`).join('\n') + '\n');
    firstCommit = repo.commit({ author: sylvia, date: '2026-01-10T10:00:00Z', message: 'retry helpers' });
    repo.write('src/pay.ts', 'export function pay() {\n  return 1;\n}\n');
    repo.commit({ author: jake, date: '2026-03-01T10:00:00Z', message: 'pay' });
    repo.write('src/pay.ts', 'export function pay() {\n  return 2;\n}\n// supplier hook\n');
    repo.commit({ author: julie, date: '2026-06-01T10:00:00Z', message: 'supplier hook' });
  });

  after(() => {
    repo.dispose();
    rmSync(cache, { recursive: true, force: true });
  });

  it('ranks a line range and prints the documented JSON shape', () => {
    const r = run(['experts', 'src/retry.ts:1-10', '--repo', repo.root, '--json'], os.tmpdir(), cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const experts = JSON.parse(r.stdout);
    assert.ok(Array.isArray(experts));
    assert.strictEqual(experts[0].email, 'sylvia@acme.example');
    assert.deepStrictEqual(Object.keys(experts[0]).sort(), ['businessUnit', 'company', 'email', 'evidence', 'evidenceKind', 'former', 'name', 'relationship', 'score', 'team'].sort());
    assert.strictEqual(experts[0].evidenceKind, 'lines');
    assert.strictEqual(experts[0].team, 'SRE');
    assert.strictEqual(experts[0].relationship, 'other-business-unit');
    assert.match(experts[0].evidence, /100% of these lines/);
  });

  it('answers several paths with one index, keyed by argument', () => {
    const r = run(['experts', 'src/retry.ts', 'src/pay.ts:4', '--json'], repo.root, cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const byPath = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(byPath), ['src/retry.ts', 'src/pay.ts:4']);
    assert.strictEqual(byPath['src/pay.ts:4'][0].email, 'julie@supplier.example');
    assert.strictEqual(byPath['src/pay.ts:4'][0].relationship, 'other-company');
    assert.strictEqual(byPath['src/pay.ts:4'][0].company, 'Supplier Ltd');
  });

  it('ranks with the history up to --at only', () => {
    const r = run(['experts', 'src', '--repo', repo.root, '--at', firstCommit, '--json'], os.tmpdir(), cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const emails = JSON.parse(r.stdout).map((e: { email: string }) => e.email);
    assert.deepStrictEqual(emails, ['sylvia@acme.example']);
  });

  it('prints readable text by default', () => {
    const r = run(['experts', 'src/pay.ts', '--repo', repo.root], os.tmpdir(), cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    assert.match(r.stdout, /^src\/pay\.ts\n\s+1\. /);
    assert.match(r.stdout, /Julie Park <julie@supplier\.example> {2}\d\.\d\d {2}\[file\]/, 'each expert tagged with its evidence');
  });

  it('works on a bare repository', () => {
    const bare = mkdtempSync(path.join(os.tmpdir(), 'constellation-bare-'));
    try {
      spawnSync('git', ['clone', '-q', '--bare', repo.root, bare]);
      const r = run(['experts', 'src/retry.ts:2-3', '--repo', bare, '--json'], os.tmpdir(), cache);
      assert.strictEqual(r.code, ExitCode.ok, r.stderr);
      assert.strictEqual(JSON.parse(r.stdout)[0].email, 'sylvia@acme.example');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('indexes and then reports an unchanged index', () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'constellation-cli-cache2-'));
    try {
      const first = run(['index', '--repo', repo.root, '--json'], os.tmpdir(), fresh);
      assert.strictEqual(first.code, ExitCode.ok, first.stderr);
      assert.strictEqual(JSON.parse(first.stdout).mode, 'built');
      assert.strictEqual(JSON.parse(first.stdout).commits, 3);
      const second = run(['index', '--repo', repo.root, '--json'], os.tmpdir(), fresh);
      assert.strictEqual(JSON.parse(second.stdout).mode, 'unchanged');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('prints no secret on stdout or stderr: an author name or a path that carries a token', () => {
    const leaky = TestRepo.create('constellation-cli-leak-');
    const secret = 'ghp_inTheAuthorName0123456789';
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'constellation-cli-cache3-'));
    try {
      leaky.write('a.ts', 'export const a = 1;\n').commit({ author: { name: `Mallory ${secret}`, email: 'mallory@acme.example' }, date: '2026-01-01T00:00:00Z' });
      for (const args of [['experts', 'a.ts', '--repo', leaky.root], ['experts', 'a.ts', '--repo', leaky.root, '--json']]) {
        const r = run(args, os.tmpdir(), fresh);
        assert.strictEqual(r.code, ExitCode.ok, r.stderr);
        assert.ok(r.stdout.includes('Mallory [redacted]') && !r.stdout.includes(secret), r.stdout);
      }
      assert.strictEqual(JSON.parse(run(['experts', 'a.ts', '--repo', leaky.root, '--json'], os.tmpdir(), fresh).stdout)[0].name, 'Mallory [redacted]');
      const missing = path.join(os.tmpdir(), `no-repo-${secret}`);
      const r = run(['experts', 'a.ts', '--repo', missing, '--verbose'], os.tmpdir(), fresh);
      assert.notStrictEqual(r.code, ExitCode.ok);
      assert.ok(r.stderr.includes('no-repo-[redacted]') && !r.stderr.includes(secret), r.stderr);
    } finally {
      leaky.dispose();
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('exits with a distinct code and message for each mistake', () => {
    const notRepo = mkdtempSync(path.join(os.tmpdir(), 'constellation-norepo-'));
    try {
      writeFileSync(path.join(notRepo, 'x.ts'), 'x\n');
      const cases: Array<[string[], number, RegExp]> = [
        [['experts', 'x.ts', '--repo', notRepo], ExitCode.notARepository, /not a git repository/],
        [['experts', 'src/nope.ts', '--repo', repo.root], ExitCode.unknownPath, /unknown path/],
        [['experts', 'src/pay.ts:2-99', '--repo', repo.root], ExitCode.badRange, /has 4 lines/],
        [['experts', 'src/pay.ts:5-2', '--repo', repo.root], ExitCode.badRange, /bad range/],
        [['experts', 'src/pay.ts', '--repo', repo.root, '--at', 'no-such-rev'], ExitCode.badRevision, /bad revision/],
        [['experts', '--repo', repo.root], ExitCode.usage, /at least one path/],
        [['frobnicate'], ExitCode.usage, /unknown command/],
      ];
      for (const [args, code, message] of cases) {
        const r = run(args, os.tmpdir(), cache);
        assert.strictEqual(r.code, code, `${args.join(' ')} → ${r.code}: ${r.stderr}`);
        assert.match(r.stderr, message);
      }
    } finally {
      rmSync(notRepo, { recursive: true, force: true });
    }
  });
});
