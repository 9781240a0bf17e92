import * as assert from 'assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { HUB_MANIFEST, pathTerms, termBucket, termFile } from '../../../src/core/hub/hubFormat';
import { HubIndex } from '../../../src/core/hub/hubIndex';
import { mergeSummaries } from '../../../src/core/hub/hubMerge';
import { FolderHubSource } from '../../../src/core/hub/hubSource';
import { whoKnows } from '../../../src/core/hub/whoKnows';
import { silentLogger } from '../../../src/core/logger';
import { exportRepository } from '../../../src/core/summary/exportRepository';
import { writeSummaryFile } from '../../../src/core/summary/summaryFile';
import { TestRepo } from '../../support/gitRepo';

const sylvia = { name: 'Sylvia Chen', email: 'sylvia@acme.example' };
const sylviaNoreply = { name: 'Sylvia Chen', email: '1234+sylviac@users.noreply.github.com' };
const jake = { name: 'Jake Moreau', email: 'jake@acme.example' };
const robert = { name: 'Robert Hale', email: 'robert@acme.example' };
const julie = { name: 'Julie Park', email: 'julie@supplier.example' };

/** The org directory as the reader (the editor, the CLI) has it. */
const ORG = [
  'companies:',
  '  - { id: acme, name: Acme, domains: [acme.example] }',
  '  - { id: supplier, name: Supplier Ltd, domains: [supplier.example] }',
  'businessUnits:',
  '  - { id: payments, name: Payments, company: acme }',
  '  - { id: retail, name: Retail, company: acme }',
  'teams:',
  '  - { id: http, name: HTTP Platform, businessUnit: payments }',
  '  - { id: shop, name: Shop, businessUnit: retail }',
  '  - { id: cart, name: Cart, businessUnit: retail }',
  'people:',
  '  - { email: sylvia@acme.example, name: Sylvia Chen, github: sylviac, team: http }',
  '  - { email: jake@acme.example, name: Jake Moreau, team: http }',
  '  - { email: robert@acme.example, name: Robert Hale, team: shop }',
  '  - { email: me@acme.example, name: Me, team: cart }',
  '',
].join('\n');

describe('hub merge and "Who knows…?"', function () {
  this.timeout(60_000);
  const git = new GitRunner({ logger: silentLogger });
  const repos: TestRepo[] = [];
  let work: string;
  let hubDir: string;
  let files: string[];
  const directory = new OrgDirectory(parseDirectoryConfig(ORG, 'org.yml').config);

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-hub-'));
    hubDir = path.join(work, 'index');
    const http = TestRepo.create('constellation-hub-http-');
    http.git(['remote', 'add', 'origin', 'git@github.com:acme/http.git']);
    http.write('.constellation/directory.yml', ORG);
    http.write('.constellation/communities.yml', 'communities:\n  - { id: reliability, name: Reliability Guild, codeAreas: ["src/retry/**"] }\n');
    http.write('package.json', JSON.stringify({ name: '@acme/http' }));
    http.write('src/retry/backoff.ts', 'export const backoff = 1;\n');
    http.write('src/client.ts', 'export const client = 1;\n');
    http.commit({ author: sylvia, date: '2026-01-10T10:00:00Z', message: 'http' });
    http.write('src/retry/backoff.ts', 'export const backoff = 2;\n');
    http.commit({ author: sylviaNoreply, date: '2026-02-10T10:00:00Z', message: 'from the web UI' });
    http.write('src/client.ts', 'export const client = 2;\n');
    http.commit({ author: jake, date: '2026-03-10T10:00:00Z', message: 'client' });
    const shop = TestRepo.create('constellation-hub-shop-');
    shop.git(['remote', 'add', 'origin', 'https://github.com/acme/shop.git']);
    shop.write('.constellation/communities.yml', 'communities:\n  - { id: reliability, name: Reliability Guild, codeAreas: ["shop:src/retry/**"] }\n');
    shop.write('go.mod', 'module example.com/acme/shop\n');
    shop.write('src/retry/queue.go', 'package retry\n');
    shop.write('src/cart.go', 'package shop\n');
    shop.commit({ author: robert, date: '2026-01-05T10:00:00Z', message: 'shop' });
    shop.write('src/retry/queue.go', 'package retry\n// v2\n');
    shop.commit({ author: julie, date: '2026-03-01T10:00:00Z', message: 'supplier fix' });
    repos.push(http, shop);
    files = [];
    for (const [i, repo] of repos.entries()) {
      const { summary } = await exportRepository({ git, root: repo.root, logger: silentLogger });
      const file = path.join(work, `summary-${i}.json`);
      await writeSummaryFile(file, summary);
      files.push(file);
    }
  });

  after(() => {
    repos.forEach((r) => r.dispose());
    rmSync(work, { recursive: true, force: true });
  });

  it('writes a manifest, one shard per repository and inverted indexes for packages, communities and path terms', async () => {
    const broken = path.join(work, 'broken.json');
    writeFileSync(broken, '{"kind":"constellation.expertiseSummary","formatVersion":99}');
    const result = await mergeSummaries([...files, broken], hubDir, silentLogger);
    assert.deepStrictEqual(result.manifest.repositories.map((r) => r.name), ['acme/http', 'acme/shop']);
    assert.strictEqual(result.skipped.length, 1);
    assert.match(result.skipped[0].reason, /broken\.json: format version 99/);
    const packages = JSON.parse(readFileSync(path.join(hubDir, 'packages.json'), 'utf8'));
    assert.deepStrictEqual(packages['npm:@acme/http'], [[0, '']]);
    assert.deepStrictEqual(packages['go:example.com/acme/shop'], [[1, '']]);
    const communities = JSON.parse(readFileSync(path.join(hubDir, 'communities.json'), 'utf8'));
    assert.deepStrictEqual(communities.reliability, { name: 'Reliability Guild', areas: [[0, 'src/retry/**'], [1, 'src/retry/**']] });
    const bucket = JSON.parse(readFileSync(path.join(hubDir, termFile(termBucket('backoff'))), 'utf8'));
    assert.deepStrictEqual(bucket.backoff, [0]);
    assert.ok(pathTerms('src/RetryPolicy/back-off.ts').includes('policy'));
  });

  it('replaces the previous index whole, and refuses to replace a folder that is not one', async () => {
    await mergeSummaries([files[0]], hubDir, silentLogger);
    const manifest = JSON.parse(readFileSync(path.join(hubDir, HUB_MANIFEST), 'utf8'));
    assert.deepStrictEqual(manifest.repositories.map((r: { name: string }) => r.name), ['acme/http']);
    assert.ok(!existsSync(path.join(hubDir, 'shards', 'acme__shop.json')), 'a repository no longer merged disappears');
    await assert.rejects(mergeSummaries(files, work, silentLogger), /neither empty nor a hub index/);
    await mergeSummaries(files, hubDir, silentLogger);
  });

  it('keeps the newest summary when one repository comes twice', async () => {
    const older = JSON.parse(readFileSync(files[0], 'utf8'));
    older.generatedAt = '2000-01-01T00:00:00.000Z';
    older.paths = [];
    const olderFile = path.join(work, 'older.json');
    writeFileSync(olderFile, JSON.stringify(older));
    const result = await mergeSummaries([files[0], olderFile, files[1]], path.join(work, 'twice'), silentLogger);
    assert.strictEqual(result.manifest.repositories[0].paths > 0, true);
    assert.deepStrictEqual(result.skipped, []);
    assert.deepStrictEqual(result.replaced, [{ repository: 'acme/http', file: olderFile, by: files[0] }]);
  });

  it('answers the experts of an imported package, with team, business unit and relationship to you', async () => {
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    const answer = await whoKnows(hub, { kind: 'import', language: 'js', specifier: '@acme/http/retry' }, { directory, you: { email: 'me@acme.example' }, now: Date.parse('2026-04-01') / 1000 });
    assert.strictEqual(answer.resolvedAs, 'package npm:@acme/http');
    assert.deepStrictEqual(answer.matched, ['acme/http:']);
    // The order of the two is the ranking model's business (test/unit/experts); here: who, and where they sit.
    assert.deepStrictEqual(answer.experts.map((e) => e.name).sort(), ['Jake Moreau', 'Sylvia Chen']);
    const first = answer.experts.find((e) => e.name === 'Sylvia Chen')!;
    assert.strictEqual(first.key, '@sylviac', 'her noreply commits and her work email are one person');
    assert.strictEqual(answer.experts.filter((e) => e.name === 'Sylvia Chen').length, 1);
    assert.strictEqual(first.placement.team?.name, 'HTTP Platform');
    assert.strictEqual(first.placement.businessUnit?.name, 'Payments');
    assert.strictEqual(first.relationship, 'other-business-unit');
    assert.match(first.explanation, /changes in acme\/http \(the whole repository\), last/);
  });

  it('answers a Go import by its module prefix', async () => {
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    const answer = await whoKnows(hub, { kind: 'import', language: 'go', specifier: 'example.com/acme/shop/src/retry' }, { directory });
    assert.strictEqual(answer.resolvedAs, 'package go:example.com/acme/shop');
    assert.deepStrictEqual(answer.experts.map((e) => e.name).sort(), ['Julie Park', 'Robert Hale']);
    assert.strictEqual(answer.experts.find((e) => e.name === 'Julie Park')?.placement.company?.name, 'Supplier Ltd', 'placed through the email domain');
  });

  it('answers a community across every repository, a path, a repo:glob and a word', async () => {
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    const community = await whoKnows(hub, { kind: 'text', text: 'Reliability Guild' }, { directory, you: { email: 'me@acme.example' } });
    assert.strictEqual(community.resolvedAs, 'community Reliability Guild (reliability)');
    assert.deepStrictEqual(community.matched, ['acme/http:src/retry', 'acme/shop:src/retry']);
    assert.deepStrictEqual(new Set(community.experts.map((e) => e.name)), new Set(['Sylvia Chen', 'Robert Hale', 'Julie Park']));
    assert.strictEqual(community.experts.find((e) => e.name === 'Robert Hale')?.relationship, 'other-team');
    assert.strictEqual(community.experts.find((e) => e.name === 'Julie Park')?.relationship, 'other-company');
    const word = await whoKnows(hub, { kind: 'text', text: 'retry' }, { directory });
    assert.deepStrictEqual(word.matched, ['acme/http:src/retry', 'acme/shop:src/retry']);
    const path_ = await whoKnows(hub, { kind: 'text', text: 'src/client.ts' }, { directory });
    assert.deepStrictEqual(path_.matched, ['acme/http:src/client.ts']);
    assert.strictEqual(path_.experts[0].name, 'Jake Moreau');
    const area = await whoKnows(hub, { kind: 'text', text: 'shop:src/*.go' }, { directory });
    assert.deepStrictEqual(area.matched, ['acme/shop:src/cart.go']);
    const pattern = await whoKnows(hub, { kind: 'area', label: 'pattern retry-with-backoff', areas: [{ glob: '**/retry/**' }] }, { directory });
    assert.strictEqual(pattern.matched.length, 2);
    const nobody = await whoKnows(hub, { kind: 'text', text: 'kubernetes' }, { directory });
    assert.deepStrictEqual(nobody.experts, []);
  });

  it('marks people without a recent commit as former and ranks them down', async () => {
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    const later = await whoKnows(hub, { kind: 'package', name: 'example.com/acme/shop' }, { directory, now: Date.parse('2026-08-15') / 1000 });
    assert.deepStrictEqual(later.experts.map((e) => [e.name, e.former]), [['Julie Park', false], ['Robert Hale', true]]);
  });
});
