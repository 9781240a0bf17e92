import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DirectoryCache } from '../../../src/core/engine/directoryCache';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { currentUserEmail } from '../../../src/core/git/repositoryConfig';
import { HubIndex } from '../../../src/core/hub/hubIndex';
import { mergeSummaries } from '../../../src/core/hub/hubMerge';
import { FolderHubSource } from '../../../src/core/hub/hubSource';
import { silentLogger } from '../../../src/core/logger';
import { exportRepository } from '../../../src/core/summary/exportRepository';
import { writeSummaryFile } from '../../../src/core/summary/summaryFile';
import { communityDirectory, communityHubActivity, type CommunityHubContext } from '../../../src/core/hub/communityContext';
import { TestRepo } from '../../support/gitRepo';

const you = { name: 'Yuki Developer', email: 'you@acme.example' };
const leo = { name: 'Leo Grant', email: 'leo@acme.example' };
const priya = { name: 'Priya Raman', email: 'priya@acme.example' };

/** web's directory: Leo is in Acme's Finance business unit, you in Engineering. */
const WEB_DIRECTORY = [
  'companies: [{ id: acme, name: Acme Corp, domains: [acme.example] }]',
  'businessUnits: [{ id: engineering, name: Engineering, company: acme }, { id: finance, name: Finance, company: acme }]',
  'teams: [{ id: web, name: Web Platform, businessUnit: engineering }, { id: ledger, name: Ledger, businessUnit: finance }]',
  'people:',
  `  - { email: ${you.email}, team: web }`,
  `  - { email: ${leo.email}, team: ledger }`,
  '',
].join('\n');

/** http's directory (the communities' home): Leo works for a contractor. */
const HTTP_DIRECTORY = [
  'companies: [{ id: acme, name: Acme Corp, domains: [acme.example] }, { id: ledgerco, name: Ledger Contractors, domains: [ledgerco.example] }]',
  'businessUnits: [{ id: engineering, name: Engineering, company: acme }, { id: ledger-services, name: Ledger Services, company: ledgerco }]',
  'teams: [{ id: http, name: HTTP, businessUnit: engineering }, { id: ledger-contract, name: Ledger Contract Team, businessUnit: ledger-services }]',
  'people:',
  `  - { email: ${you.email}, team: http }`,
  `  - { email: ${leo.email}, team: ledger-contract }`,
  '',
].join('\n');

describe('community figures read against the home repository\'s directory', function () {
  this.timeout(60_000);
  const git = new GitRunner({ logger: silentLogger });
  const repos: TestRepo[] = [];
  let work: string;
  let index: HubIndex;
  let web: { root: string; name: string };
  let http: { root: string; name: string };
  let context: CommunityHubContext;

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-community-context-'));
    const clone = (name: string, directory: string): TestRepo => {
      const repo = TestRepo.create(`constellation-cc-${name}-`);
      repo.git(['remote', 'add', 'origin', `https://github.com/acme/${name}.git`]);
      repo.git(['config', 'user.email', you.email]);
      repo.write('.constellation/directory.yml', directory);
      repos.push(repo);
      return repo;
    };
    const webRepo = clone('web', WEB_DIRECTORY);
    webRepo.write('src/app.ts', 'export const app = 1;\n').commit({ author: you, date: '2026-10-01T10:00:00Z', message: 'app' });
    const httpRepo = clone('http', HTTP_DIRECTORY);
    httpRepo.write('src/client.ts', 'export const client = 1;\n').commit({ author: priya, date: '2026-10-02T10:00:00Z', message: 'client' });
    const ledger = TestRepo.create('constellation-cc-ledger-');
    repos.push(ledger);
    ledger.git(['remote', 'add', 'origin', 'https://github.com/acme/ledger.git']);
    ledger.write('src/retry/backoff.ts', 'export const backoff = 1;\n').commit({ author: leo, date: '2026-10-03T10:00:00Z', message: 'backoff' });
    ledger.write('src/retry/backoff.ts', 'export const backoff = 2;\n').commit({ author: leo, date: '2026-11-03T10:00:00Z', message: 'cap' });
    const files: string[] = [];
    for (const repo of [httpRepo, ledger]) {
      const file = path.join(work, `${path.basename(repo.root)}.json`);
      await writeSummaryFile(file, (await exportRepository({ git, root: repo.root, logger: silentLogger })).summary);
      files.push(file);
    }
    await mergeSummaries(files, path.join(work, 'hub'), silentLogger);
    index = await HubIndex.open(new FolderHubSource(path.join(work, 'hub')));
    web = { root: webRepo.root, name: 'acme/web' };
    http = { root: httpRepo.root, name: 'acme/http' };
    context = { directories: new DirectoryCache(silentLogger, undefined), userEmail: (root) => currentUserEmail(git, root) };
  });

  after(() => {
    repos.forEach((r) => r.dispose());
    rmSync(work, { recursive: true, force: true });
  });

  const ledgerRetry = [{ repo: 'acme/ledger', glob: 'src/retry/**' }];

  it('places a person the two directories disagree about as the home\'s directory does, the one the report uses', async () => {
    const reportDirectory = await communityDirectory(context.directories, http);
    assert.strictEqual(reportDirectory?.placementOf({ email: leo.email }).team?.name, 'Ledger Contract Team', 'the report places Leo with http\'s directory');
    const fromHttp = await communityHubActivity(index, ledgerRetry, context, { home: http, fallback: web });
    assert.deepStrictEqual(fromHttp.people.map((p) => [p.name, p.relationship, p.placement.team?.name, p.placement.company?.name]), [[leo.name, 'other-company', 'Ledger Contract Team', 'Ledger Contractors']]);
    // The same hub, another home: the answer follows the home's directory, whatever else is open.
    const fromWeb = await communityHubActivity(index, ledgerRetry, context, { home: web });
    assert.deepStrictEqual(fromWeb.people.map((p) => [p.relationship, p.placement.team?.name]), [['other-business-unit', 'Ledger']]);
    assert.strictEqual((await communityDirectory(context.directories, web))?.placementOf({ email: leo.email }).team?.name, 'Ledger');
  });

  it('applies unprefixed globs to the home alone, and without a home uses the fallback\'s directory for every repository', async () => {
    const unprefixed = await communityHubActivity(index, [{ glob: 'src/**' }], context, { home: http });
    assert.deepStrictEqual(unprefixed.repositories.map((r) => r.name), ['acme/http']);
    const anywhere = await communityHubActivity(index, [{ glob: 'src/**' }], context, { fallback: web });
    assert.deepStrictEqual(anywhere.repositories.map((r) => r.name), ['acme/http', 'acme/ledger']);
    assert.strictEqual(anywhere.people.find((p) => p.name === leo.name)?.relationship, 'other-business-unit');
    assert.strictEqual(await communityDirectory(context.directories, undefined), undefined);
  });
});
