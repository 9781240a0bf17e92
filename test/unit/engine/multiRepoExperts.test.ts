import * as assert from 'assert';
import { BlameCache } from '../../../src/core/git/blame';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { DirectoryCache } from '../../../src/core/engine/directoryCache';
import { ExpertQueryService } from '../../../src/core/engine/expertQueryService';
import { HistoryIndexManager } from '../../../src/core/engine/historyIndexManager';
import { globsForRepository, rankCodeAreas, type WorkspaceRepository } from '../../../src/core/engine/multiRepoExperts';
import { defaultExpertModelOptions } from '../../../src/core/experts';
import { silentLogger } from '../../../src/core/logger';
import { repositoryIdentity } from '../../../src/core/repositories/repositoryName';
import { TestRepo } from '../../support/gitRepo';

const DIRECTORY = 'people:\n  - { email: sylvia@acme.example, name: Sylvia Chen, github: sylviac, aliases: [sylvia@home.example] }\n';

describe('experts across the repositories of a workspace', function () {
  this.timeout(60_000);
  const git = new GitRunner({ logger: silentLogger });
  let billing: TestRepo;
  let shop: TestRepo;
  let repos: WorkspaceRepository[];

  before(async () => {
    billing = TestRepo.create('constellation-multi-billing-');
    billing.git(['remote', 'add', 'origin', 'git@github.com:acme/billing.git']);
    billing.write('.constellation/directory.yml', DIRECTORY);
    billing.write('src/retry/backoff.ts', '1\n');
    billing.write('src/payments/pay.ts', '1\n');
    billing.commit({ author: { name: 'Sylvia', email: 'sylvia@acme.example' }, date: '2026-01-01T10:00:00Z', message: 'billing' });
    shop = TestRepo.create('constellation-multi-shop-');
    shop.git(['remote', 'add', 'origin', 'https://github.com/acme/shop.git']);
    shop.write('.constellation/directory.yml', DIRECTORY);
    shop.write('src/payments/cart.ts', '1\n');
    shop.write('src/retry/other.ts', '1\n');
    shop.commit({ author: { name: 'Sylvia at home', email: 'sylvia@home.example' }, date: '2026-01-02T10:00:00Z', message: 'shop' });
    shop.write('src/payments/cart.ts', '2\n');
    shop.commit({ author: { name: 'Robert', email: 'robert@acme.example' }, date: '2026-01-03T10:00:00Z', message: 'shop 2' });
    repos = [];
    for (const r of [billing, shop]) repos.push({ root: r.root, name: (await repositoryIdentity(git, r.root)).name });
  });
  after(() => {
    billing.dispose();
    shop.dispose();
  });

  it('names each repository by its remote and applies repo:glob areas only there', () => {
    assert.deepStrictEqual(repos.map((r) => r.name), ['acme/billing', 'acme/shop']);
    const areas = [{ repo: 'billing', glob: 'src/retry/**' }, { glob: 'src/payments/**' }];
    assert.deepStrictEqual(globsForRepository(areas, repos[0]), ['src/retry/**', 'src/payments/**']);
    assert.deepStrictEqual(globsForRepository(areas, repos[1]), ['src/payments/**']);
    assert.deepStrictEqual(globsForRepository(areas, repos[1], 'acme/billing'), [], 'unprefixed globs belong to the home repository');
  });

  it('ranks the areas in every repository and combines one person across repositories and emails', async () => {
    const indexes = new HistoryIndexManager(git, undefined, silentLogger);
    for (const r of repos) await indexes.ensureFresh(r.root);
    const service = new ExpertQueryService(git, indexes, new BlameCache(), new DirectoryCache(silentLogger, undefined), () => defaultExpertModelOptions(Date.parse('2026-02-01') / 1000), silentLogger);
    const combined = await rankCodeAreas(service, indexes, repos, [{ repo: 'billing', glob: 'src/retry/**' }, { glob: 'src/payments/**' }]);
    assert.deepStrictEqual(combined.map((c) => c.key), ['@sylviac', 'robert@acme.example']);
    assert.deepStrictEqual(combined[0].targets.sort(), ['acme/billing:src/payments', 'acme/billing:src/retry', 'acme/shop:src/payments']);
    assert.strictEqual(combined[0].score, 1);
    assert.ok(combined[1].score < 1);
  });
});
