import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { hubAreaActivity } from '../../../src/core/hub/areaActivity';
import { HubIndex } from '../../../src/core/hub/hubIndex';
import { mergeSummaries } from '../../../src/core/hub/hubMerge';
import { FolderHubSource } from '../../../src/core/hub/hubSource';
import { silentLogger } from '../../../src/core/logger';
import { exportRepository } from '../../../src/core/summary/exportRepository';
import { writeSummaryFile } from '../../../src/core/summary/summaryFile';
import { TestRepo } from '../../support/gitRepo';

const sylvia = { name: 'Sylvia Chen', email: 'sylvia@acme.example' };
const sylviaNoreply = { name: 'Sylvia Chen', email: '1234+sylviac@users.noreply.github.com' };
const robert = { name: 'Robert Hale', email: 'robert@acme.example' };
const julie = { name: 'Julie Park', email: 'julie@supplier.example' };

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
  'people:',
  '  - { email: sylvia@acme.example, name: Sylvia Chen, github: sylviac, team: http }',
  '  - { email: robert@acme.example, name: Robert Hale, team: shop }',
  '  - { email: me@acme.example, name: Me, team: shop }',
  '',
].join('\n');

describe('hub figures of code areas that span repositories', function () {
  this.timeout(60_000);
  const git = new GitRunner({ logger: silentLogger });
  const repos: TestRepo[] = [];
  const directory = new OrgDirectory(parseDirectoryConfig(ORG, 'org.yml').config);
  let work: string;
  let hub: HubIndex;

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-area-'));
    const http = TestRepo.create('constellation-area-http-');
    http.git(['remote', 'add', 'origin', 'git@github.com:acme/http.git']);
    http.write('src/retry/backoff.ts', 'export const backoff = 1;\n');
    http.write('src/retry/jitter.ts', 'export const jitter = 1;\n');
    http.write('src/client.ts', 'export const client = 1;\n');
    http.commit({ author: sylvia, date: '2026-01-10T10:00:00Z', message: 'http' });
    http.write('src/retry/backoff.ts', 'export const backoff = 2;\n');
    http.commit({ author: sylviaNoreply, date: '2026-02-10T10:00:00Z', message: 'from the web UI' });
    http.write('src/retry/jitter.ts', 'export const jitter = 2;\n');
    http.commit({ author: robert, date: '2026-02-20T10:00:00Z', message: 'jitter' });
    const shop = TestRepo.create('constellation-area-shop-');
    shop.git(['remote', 'add', 'origin', 'https://github.com/acme/shop.git']);
    shop.write('src/retry/queue.go', 'package retry\n');
    shop.write('src/cart.go', 'package shop\n');
    shop.commit({ author: robert, date: '2026-01-05T10:00:00Z', message: 'shop' });
    shop.write('src/retry/queue.go', 'package retry\n// v2\n');
    shop.commit({ author: julie, date: '2026-03-01T10:00:00Z', message: 'supplier fix' });
    repos.push(http, shop);
    const files: string[] = [];
    for (const [i, repo] of repos.entries()) {
      const { summary } = await exportRepository({ git, root: repo.root, logger: silentLogger });
      files.push(path.join(work, `s${i}.json`));
      await writeSummaryFile(files[i], summary);
    }
    await mergeSummaries(files, path.join(work, 'index'), silentLogger);
    hub = await HubIndex.open(new FolderHubSource(path.join(work, 'index')));
  });

  after(() => {
    repos.forEach((r) => r.dispose());
    rmSync(work, { recursive: true, force: true });
  });

  it('sums each person\'s changes, files and repositories over `repo:glob` areas, one person for two emails', async () => {
    const activity = await hubAreaActivity(hub, [{ repo: 'acme/http', glob: 'src/retry/**' }, { repo: 'shop', glob: 'src/retry/**' }], { directory, you: { email: 'me@acme.example' }, now: Date.parse('2026-04-01') / 1000 });
    assert.deepStrictEqual(activity.repositories.map((r) => [r.name, r.files, r.changes]), [['acme/http', 2, 4], ['acme/shop', 1, 2]]);
    assert.strictEqual(activity.files, 3);
    const byName = new Map(activity.people.map((p) => [p.name, p]));
    assert.deepStrictEqual([...byName.keys()], ['Sylvia Chen', 'Robert Hale', 'Julie Park'], 'most changes first');
    const sylviaShown = byName.get('Sylvia Chen');
    assert.strictEqual(activity.people.filter((p) => p.name === 'Sylvia Chen').length, 1, 'her noreply commit and her work email are one person');
    assert.deepStrictEqual([sylviaShown?.changes, sylviaShown?.files, sylviaShown?.filesCreated, sylviaShown?.key], [3, 2, 2, '@sylviac']);
    assert.strictEqual(sylviaShown?.relationship, 'other-business-unit');
    const robertShown = byName.get('Robert Hale');
    assert.deepStrictEqual(robertShown?.repositories, ['acme/http', 'acme/shop']);
    assert.deepStrictEqual([robertShown?.changes, robertShown?.relationship, robertShown?.placement.team?.name], [2, 'your-team', 'Shop']);
    assert.strictEqual(byName.get('Julie Park')?.placement.company?.name, 'Supplier Ltd');
    assert.strictEqual(robertShown?.lastChange, Date.parse('2026-02-20T10:00:00Z') / 1000);
  });

  it('leaves out repositories the caller has cloned, counts a file two areas name once, and marks former people', async () => {
    const activity = await hubAreaActivity(hub, [{ repo: 'acme/http', glob: 'src/retry/**' }, { repo: 'acme/http', glob: 'src/**/*.ts' }, { repo: 'acme/shop', glob: 'src/**' }], {
      directory,
      skipRepositories: ['shop'],
      now: Date.parse('2026-09-01') / 1000,
    });
    assert.deepStrictEqual(activity.repositories.map((r) => [r.name, r.files]), [['acme/http', 3]]);
    assert.ok(activity.people.every((p) => p.former), 'nobody committed for 180 days');
    assert.ok(activity.people.every((p) => p.relationship === 'unknown'), 'without you, no relationship');
  });

  it('finds unprefixed globs through the path-term index, and nothing for an area no repository has', async () => {
    const anywhere = await hubAreaActivity(hub, [{ glob: 'src/retry/**' }], { directory });
    assert.deepStrictEqual(anywhere.repositories.map((r) => r.name), ['acme/http', 'acme/shop']);
    const none = await hubAreaActivity(hub, [{ repo: 'acme/billing', glob: 'src/**' }], { directory });
    assert.deepStrictEqual([none.files, none.people.length], [0, 0]);
  });
});
