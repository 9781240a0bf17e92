import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExitCode } from '../../../src/cli/exitCodes';
import type { CommunityReport } from '../../../src/core/communities/reportTypes';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { mergeSummaries } from '../../../src/core/hub/hubMerge';
import { silentLogger } from '../../../src/core/logger';
import { exportRepository } from '../../../src/core/summary/exportRepository';
import { writeSummaryFile } from '../../../src/core/summary/summaryFile';
import { TestRepo } from '../../support/gitRepo';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');
const DAY = 86_400;

const you = { name: 'Yuki Developer', email: 'you@acme.example' };
const ana = { name: 'Ana Lima', email: 'ana@acme.example' };
const ben = { name: 'Ben Okafor', email: 'ben@acme.example' };
const leo = { name: 'Leo Grant', email: 'leo@acme.example' };
const julie = { name: 'Julie Park', email: 'julie@supplier.example' };

const DIRECTORY = [
  'companies:',
  '  - { id: acme, name: Acme Corp, domains: [acme.example] }',
  '  - { id: supplier, name: Supplier Ltd, domains: [supplier.example] }',
  'businessUnits:',
  '  - { id: payments, name: Payments, company: acme }',
  '  - { id: finance, name: Finance, company: acme }',
  'teams:',
  '  - { id: checkout, name: Checkout, businessUnit: payments }',
  '  - { id: ledger, name: Ledger, businessUnit: finance }',
  'people:',
  `  - { email: ${you.email}, name: ${you.name}, team: checkout }`,
  `  - { email: ${ana.email}, name: ${ana.name}, team: checkout }`,
  `  - { email: ${ben.email}, name: ${ben.name}, team: checkout }`,
  `  - { email: ${leo.email}, name: ${leo.name}, team: ledger }`,
  '',
].join('\n');

const COMMUNITIES = [
  'communities:',
  '  - id: retry-guild',
  '    name: Retry Guild',
  '    codeAreas: ["src/retry/**", "acme/ledger:src/retry/**", "ledger:docs/**", "acme/payments:lib/**"]',
  '  - id: local-only',
  '    name: Local Only',
  '    codeAreas: ["src/app.ts"]',
  '',
].join('\n');

interface HubJson {
  state: string;
  source?: string;
  message?: string;
  generatedAt?: string;
  repositories?: Array<{ name: string; asOf: number }>;
  communities: Array<{
    community: string;
    state: string;
    areas: string[];
    takingPart: number;
    message?: string;
    added?: number;
    perArea?: Array<{ area: string; files: number; people: number; repositories: Array<{ name: string; asOf: number }> }>;
    repositories?: Array<{ name: string; files: number; asOf: number }>;
    people?: Array<{ name: string; relationship: string; changes: number; files: number; repositories: string[]; alsoLocal: boolean; placement: { team?: { name: string } } }>;
  }>;
}

function run(args: string[], cache: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'communities', ...args], { cwd: os.tmpdir(), encoding: 'utf8', env: { ...process.env, CONSTELLATION_CACHE: cache } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('constellation communities with the hub index (CLI)', function () {
  this.timeout(120_000);
  const now = Math.floor(Date.now() / 1000);
  const at = (daysAgo: number): string => `${Math.round(now - daysAgo * DAY)} +0000`;
  let work: string;
  let cache: string;
  let hub: string;
  let payments: TestRepo;
  let ledger: TestRepo;
  let ledgerLastCommit: number;

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-cli-hub-'));
    cache = path.join(work, 'cache');
    // acme/payments: cloned here (given with --repo); Ana and Ben work on its retry code.
    payments = TestRepo.create('constellation-cli-payments-');
    payments.git(['remote', 'add', 'origin', 'https://github.com/acme/payments.git']);
    payments.git(['config', 'user.email', you.email]);
    payments.write('.constellation/communities.yml', COMMUNITIES);
    payments.write('.constellation/directory.yml', DIRECTORY);
    payments.write('src/retry/policy.ts', 'export const policy = 1;\n');
    payments.write('src/app.ts', 'export const app = 1;\n');
    payments.commit({ author: ana, date: at(60), message: 'retry policy' });
    payments.write('src/retry/policy.ts', 'export const policy = 2;\n');
    payments.commit({ author: ben, date: at(20), message: 'retry cap' });
    payments.write('src/app.ts', 'export const app = 2;\n');
    payments.commit({ author: you, date: at(10), message: 'app' });
    // acme/ledger: only in the hub. Ana (a member from the clone too) and Leo and Julie change its retry code.
    ledger = TestRepo.create('constellation-cli-ledger-');
    ledger.git(['remote', 'add', 'origin', 'https://github.com/acme/ledger.git']);
    ledger.write('src/retry/backoff.ts', 'export const backoff = 1;\n');
    ledger.write('src/post.ts', 'export const post = 1;\n');
    ledger.commit({ author: leo, date: at(90), message: 'backoff' });
    ledger.write('src/retry/backoff.ts', 'export const backoff = 2;\n');
    ledger.commit({ author: ana, date: at(40), message: 'jitter' });
    ledger.write('src/retry/jitter.ts', 'export const jitter = 1;\n');
    ledger.commit({ author: julie, date: at(30), message: 'supplier jitter' });
    ledger.write('src/retry/backoff.ts', 'export const backoff = 3;\n');
    ledger.commit({ author: leo, date: at(5), message: 'cap' });
    ledgerLastCommit = Math.round(now - 5 * DAY);
    // The hub index, built by the project's own export and merge, holding both repositories.
    const git = new GitRunner({ logger: silentLogger });
    const files: string[] = [];
    for (const repo of [payments, ledger]) {
      const file = path.join(work, `${path.basename(repo.root)}.json`);
      await writeSummaryFile(file, (await exportRepository({ git, root: repo.root, logger: silentLogger })).summary);
      files.push(file);
    }
    hub = path.join(work, 'hub');
    await mergeSummaries(files, hub, silentLogger);
  });

  after(() => {
    payments?.dispose();
    ledger?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  const jsonOf = (r: { stdout: string }): CommunityReport & { hub: HubJson } => JSON.parse(r.stdout) as CommunityReport & { hub: HubJson };

  it('counts the hub-only areas from --hub: each person once, per area, the clones never again, relationships from the report\'s directory', () => {
    const r = run(['--repo', payments.root, '--hub', hub, '--format', 'json'], cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const out = jsonOf(r);
    assert.strictEqual(out.hub.state, 'ready');
    assert.strictEqual(out.hub.source, `folder:${hub}`);
    assert.ok(out.hub.generatedAt && Math.abs(Date.parse(out.hub.generatedAt) / 1000 - now) < 600, `the index's age: ${out.hub.generatedAt}`);
    assert.deepStrictEqual(out.hub.repositories?.map((x) => x.name), ['acme/ledger', 'acme/payments']);
    assert.deepStrictEqual(out.hub.communities.map((c) => c.community), ['retry-guild'], 'a community on the clone alone asks the hub nothing');
    const guild = out.hub.communities[0];
    assert.strictEqual(guild.state, 'ready');
    assert.deepStrictEqual(guild.areas, ['acme/ledger:src/retry/**', 'ledger:docs/**'], 'areas on the clone (unprefixed, acme/payments:) are the clone\'s');
    assert.deepStrictEqual(guild.repositories?.map((x) => [x.name, x.files, x.asOf]), [['acme/ledger', 2, ledgerLastCommit]], 'acme/payments is in the hub too, but counted from its clone');
    assert.deepStrictEqual(guild.perArea?.map((a) => [a.area, a.files, a.people, a.repositories.map((x) => [x.name, x.asOf])]), [
      ['acme/ledger:src/retry/**', 2, 3, [['acme/ledger', ledgerLastCommit]]],
      ['ledger:docs/**', 0, 0, []],
    ]);
    const people = guild.people?.map((p) => [p.name, p.relationship, p.placement.team?.name ?? null, p.changes, p.files, p.repositories, p.alsoLocal]);
    assert.deepStrictEqual(people, [
      [leo.name, 'other-business-unit', 'Ledger', 2, 1, ['acme/ledger'], false],
      [julie.name, 'other-company', null, 1, 1, ['acme/ledger'], false],
      [ana.name, 'your-team', 'Checkout', 1, 1, ['acme/ledger'], true],
    ]);
    assert.strictEqual(guild.added, 2, 'Ana is already a member from the clone: counted once');
    const members = out.communities.find((c) => c.id === 'retry-guild')!.members;
    assert.deepStrictEqual(members.map((m) => m.person).sort(), [ana.email, ben.email].sort());
    assert.strictEqual(guild.takingPart, members.length + 2);
  });

  it('prints the same as text: the index\'s age, each area with its "as of" or no figures, each person once', () => {
    const r = run(['--repo', payments.root, '--hub', hub], cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const asOf = new Date(ledgerLastCommit * 1000).toISOString().slice(0, 10);
    assert.match(r.stdout, new RegExp(`^Hub index: folder:${hub.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, generated \\d{4}-\\d{2}-\\d{2} \\(today\\), 2 repositories$`, 'm'));
    assert.ok(r.stdout.includes('  across the organisation — from the hub index: 4 taking part (2 from the hub; 1 also in a clone here, counted once)'), r.stdout);
    assert.ok(r.stdout.includes(`    area acme/ledger:src/retry/**: 2 files, 3 people · acme/ledger as of ${asOf} (5 days ago)`), r.stdout);
    assert.ok(r.stdout.includes('    area ledger:docs/**: no figures in the hub for this area'), r.stdout);
    assert.ok(r.stdout.includes(`    ${leo.name} <${leo.email}> · other business unit · Ledger · Finance: 2 changes in 1 file · acme/ledger · hub only`), r.stdout);
    assert.ok(r.stdout.includes(`    ${ana.name} <${ana.email}> · your team · Checkout · Payments: 1 changes in 1 file · acme/ledger · also here (counted once)`), r.stdout);
    const section = r.stdout.slice(r.stdout.indexOf('== Local Only'));
    assert.ok(!section.includes('across the organisation'), 'a community on the clone alone has no hub lines');
    const md = run(['--repo', payments.root, '--hub', hub, '--format', 'md'], cache);
    assert.strictEqual(md.code, ExitCode.ok, md.stderr);
    assert.match(md.stdout, /## Retry Guild[\s\S]*### Across the organisation — from the hub index\n\n- across the organisation — from the hub index: 4 taking part/);
    assert.ok(md.stdout.includes('- area ledger:docs/\\*\\*: no figures in the hub for this area'), md.stdout);
  });

  it('says "no hub configured" without --hub, and "hub unavailable: <cause>" for a folder that is no hub, and still reports the clones', () => {
    const off = run(['--repo', payments.root], cache);
    assert.strictEqual(off.code, ExitCode.ok, off.stderr);
    assert.match(off.stdout, /^Hub index: no hub configured \(give --hub DIR/m);
    assert.ok(off.stdout.includes('  across the organisation (acme/ledger:src/retry/**, ledger:docs/**): no hub configured — only the clones are counted'), off.stdout);
    const offJson = jsonOf(run(['--repo', payments.root, '--format', 'json'], cache));
    assert.strictEqual(offJson.hub.state, 'off');
    assert.deepStrictEqual(offJson.hub.communities.map((c) => [c.community, c.state, c.takingPart]), [['retry-guild', 'off', 2]]);

    const notAHub = path.join(work, 'not-a-hub');
    const broken = path.join(work, 'broken-hub');
    rmSync(broken, { recursive: true, force: true });
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'hub.json'), '{ "kind": ');
    for (const [folder, cause] of [[notAHub, /no hub index \(hub\.json missing or foreign\)/], [broken, /hub\.json: not JSON/]] as const) {
      const text = run(['--repo', payments.root, '--hub', folder], cache);
      assert.strictEqual(text.code, ExitCode.ok, text.stderr);
      assert.match(text.stdout, new RegExp(`^Hub index: hub unavailable: folder:${folder.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*${cause.source}.* — only the clones are counted$`, 'm'));
      assert.match(text.stdout, /across the organisation \(acme\/ledger:src\/retry\/\*\*, ledger:docs\/\*\*\): hub unavailable: /);
      assert.match(text.stderr, /hub unavailable: /);
      assert.ok(text.stdout.includes('== Retry Guild (retry-guild)') && text.stdout.includes(ben.name), 'the clone\'s figures are still there');
      const json = jsonOf(run(['--repo', payments.root, '--hub', folder, '--format', 'json'], cache));
      assert.strictEqual(json.hub.state, 'unavailable');
      assert.match(json.hub.message ?? '', cause);
      assert.deepStrictEqual(json.hub.communities.map((c) => [c.state, c.takingPart]), [['unavailable', 2]]);
      assert.ok(json.communities.find((c) => c.id === 'retry-guild')!.members.length === 2);
    }
  });
});
