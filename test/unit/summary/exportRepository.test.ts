import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { HistoryIndexStore } from '../../../src/core/git/indexStore';
import { silentLogger } from '../../../src/core/logger';
import { exportRepository } from '../../../src/core/summary/exportRepository';
import { hashedKey } from '../../../src/core/summary/identities';
import { validateSummary } from '../../../src/core/summary/summaryFile';
import type { ExpertiseSummary } from '../../../src/core/summary/summaryTypes';
import { TestRepo } from '../../support/gitRepo';

const sylvia = { name: 'Sylvia Chen', email: 'sylvia@acme.example' };
const jake = { name: 'Jake Moreau', email: 'jake@acme.example' };
const jakeOld = { name: 'Jake M', email: 'jake.moreau@old.acme.example' };
const robert = { name: 'Robert Hale', email: 'robert@acme.example' };
const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

const DIRECTORY = [
  'companies:',
  '  - { id: acme, name: Acme, domains: [acme.example] }',
  'businessUnits:',
  '  - { id: payments, name: Payments, company: acme }',
  'teams:',
  '  - { id: http, name: HTTP Platform, businessUnit: payments }',
  'people:',
  '  - { email: sylvia@acme.example, name: Sylvia Chen, github: sylviac, team: http }',
  '  - { email: jake@acme.example, name: Jake Moreau, aliases: [jake.moreau@old.acme.example], team: http }',
  '',
].join('\n');

/** A small monorepo: an npm workspace, a Go module, a Rust crate, a Python project, a Maven module. */
function buildRepository(): TestRepo {
  const repo = TestRepo.create('constellation-export-');
  repo.git(['remote', 'add', 'origin', 'https://github.com/acme/platform.git']);
  repo.write('.constellation/directory.yml', DIRECTORY);
  repo.write('.constellation/communities.yml', [
    'communities:',
    '  - { id: reliability, name: Reliability Guild, codeAreas: ["packages/http/**", "platform:go/**", "billing:src/**"] }',
    '  - { id: elsewhere, name: Elsewhere, codeAreas: ["billing:src/**"] }',
    '',
  ].join('\n'));
  repo.write('package.json', JSON.stringify({ name: 'acme-platform', private: true, workspaces: ['packages/*'] }));
  repo.write('packages/http/package.json', JSON.stringify({ name: '@acme/http', version: '1.0.0' }));
  repo.write('packages/http/src/retry.ts', 'export function retry() { return 1; }\n');
  repo.write('test/fixtures/fake/package.json', JSON.stringify({ name: 'fixture-only' }));
  repo.commit({ author: sylvia, date: '2025-01-10T10:00:00Z', message: 'http package' });
  repo.write('go/go.mod', 'module example.com/acme/platform/go // the Go side\n\ngo 1.22\n');
  repo.write('go/retry/retry.go', 'package retry\n');
  repo.write('crates/backoff/Cargo.toml', '[package]\nname = "acme-backoff"\nversion = "0.1.0"\n');
  repo.write('python/pyproject.toml', '[project]\nname = "Acme.Retry"\nversion = "1.0"\n');
  repo.write('python/src/acme_retry/__init__.py', '');
  repo.write('java/pom.xml', '<project><parent><groupId>com.acme</groupId></parent><artifactId>retry</artifactId></project>');
  repo.commit({ author: jakeOld, date: '2025-03-01T10:00:00Z', message: 'go, rust, python, java' });
  repo.write('packages/http/src/retry.ts', 'export function retry() { return 2; }\n');
  repo.commit({ author: jake, date: '2025-06-01T10:00:00Z', message: 'retry twice' });
  repo.write('packages/http/src/retry.ts', 'export function retry() { return 3; }\n');
  repo.commit({ author: bot, date: '2025-06-02T10:00:00Z', message: 'bump' });
  repo.write('go/retry/retry.go', 'package retry\n\nfunc Retry() {}\n');
  repo.commit({ author: robert, date: '2025-07-01T10:00:00Z', message: 'go retry' });
  return repo;
}

function withoutTime(summary: ExpertiseSummary): Omit<ExpertiseSummary, 'generatedAt'> {
  const { generatedAt, ...rest } = summary;
  void generatedAt;
  return rest;
}

function row(summary: ExpertiseSummary, path: string, kind: 'f' | 'd') {
  const found = summary.paths.find((r) => r[0] === path && r[1] === kind);
  assert.ok(found, `no ${kind} row for ${path}`);
  return found;
}

describe('constellation export (core)', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let storage: string;
  const git = new GitRunner({ logger: silentLogger });

  before(() => {
    repo = buildRepository();
    storage = mkdtempSync(path.join(os.tmpdir(), 'constellation-export-store-'));
  });
  after(() => {
    repo.dispose();
    rmSync(storage, { recursive: true, force: true });
  });

  it('summarises every file and folder with the expertise model, no source code, a format version', async () => {
    const { summary } = await exportRepository({ git, root: repo.root, logger: silentLogger });
    validateSummary(JSON.parse(JSON.stringify(summary)), 'summary.json');
    assert.strictEqual(summary.formatVersion, 1);
    assert.strictEqual(summary.repository.name, 'acme/platform');
    assert.strictEqual(summary.repository.remote, 'https://github.com/acme/platform');
    assert.strictEqual(summary.repository.head, repo.head());
    assert.strictEqual(summary.asOf, Date.parse('2025-07-01T10:00:00Z') / 1000, 'now = the last commit, so one head gives one summary');
    const retry = row(summary, 'packages/http/src/retry.ts', 'f');
    const people = retry[5].map(([i]) => summary.people[i].key);
    assert.deepStrictEqual(people.sort(), ['jake@acme.example', 'sylvia@acme.example'], 'the bot is left out; Jake\'s old alias folds into him');
    assert.strictEqual(summary.people[retry[4][0]].key, 'sylvia@acme.example', 'Sylvia created the file');
    assert.strictEqual(retry[2], 2, 'two human changes');
    const folder = row(summary, 'packages/http', 'd');
    assert.ok(folder[5].length >= 2);
    row(summary, '', 'd');
    const sylvia = summary.people.find((p) => p.key === 'sylvia@acme.example');
    assert.deepStrictEqual(sylvia?.team, { id: 'http', name: 'HTTP Platform' });
    assert.strictEqual(sylvia?.login, 'sylviac');
    assert.strictEqual(sylvia?.businessUnit?.name, 'Payments');
    assert.ok(!JSON.stringify(summary).includes('return 2'), 'no source code');
  });

  it("joins a person's GitHub no-reply address into their ordinary one, as the editor ranks", async () => {
    const own = TestRepo.create('constellation-export-alias-');
    try {
      own.write('src/a.ts', 'export const a = 1;\n');
      own.commit({ author: { name: '翠', email: 'green@sapphi.red' }, date: '2025-01-10T10:00:00Z', message: 'a' });
      own.write('CHANGELOG.md', '# 1.0.0\n');
      own.commit({ author: { name: 'sapphi-red', email: '49056869+sapphi-red@users.noreply.github.com' }, date: '2025-01-11T10:00:00Z', message: 'release: 1.0.0' });
      own.write('src/a.ts', 'export const a = 2;\n');
      own.commit({ author: { name: '翠', email: 'green@sapphi.red' }, date: '2025-01-12T10:00:00Z', message: 'a again' });
      const { summary } = await exportRepository({ git, root: own.root, logger: silentLogger });
      assert.deepStrictEqual(summary.people.map((p) => p.key), ['green@sapphi.red']);
      assert.deepStrictEqual(row(summary, 'CHANGELOG.md', 'f')[5].map(([i]) => summary.people[i].key), ['green@sapphi.red']);
    } finally {
      own.dispose();
    }
  });

  it('lists the packages the manifests publish, workspaces and foreign folders respected', async () => {
    const { summary } = await exportRepository({ git, root: repo.root, logger: silentLogger });
    assert.deepStrictEqual(summary.packages.map((p) => `${p.ecosystem}:${p.name}@${p.path}`), [
      'cargo:acme-backoff@crates/backoff',
      'go:example.com/acme/platform/go@go',
      'maven:com.acme:retry@java',
      'npm:@acme/http@packages/http',
      'pypi:acme-retry@python',
    ]);
    assert.deepStrictEqual(summary.packages.find((p) => p.ecosystem === 'pypi')?.modules, ['acme_retry']);
  });

  it('lists the communities whose code areas apply to this repository', async () => {
    const { summary } = await exportRepository({ git, root: repo.root, logger: silentLogger });
    assert.deepStrictEqual(summary.communities, [{ id: 'reliability', name: 'Reliability Guild', codeAreas: ['packages/http/**', 'go/**'] }]);
  });

  it('shows logins or hashes only when asked, and never more than the directory allows', async () => {
    const login = (await exportRepository({ git, root: repo.root, logger: silentLogger, identities: 'login' })).summary;
    assert.ok(login.people.some((p) => p.key === '@sylviac' && p.login === 'sylviac' && p.name === undefined && p.email === undefined));
    assert.ok(login.people.some((p) => p.key === hashedKey('jake@acme.example')), 'no login: hashed');
    assert.ok(!JSON.stringify(login.people).includes('@acme.example'));
    repo.write('.constellation/directory.yml', `${DIRECTORY}export:\n  identities: hashed\n`);
    try {
      const { summary } = await exportRepository({ git, root: repo.root, logger: silentLogger, identities: 'full' });
      assert.strictEqual(summary.identities, 'hashed');
      assert.ok(summary.people.every((p) => p.key.startsWith('h:') && !p.name && !p.email && !p.login));
    } finally {
      repo.write('.constellation/directory.yml', DIRECTORY);
    }
  });

  it('ranks in worker threads with exactly the same result as in one thread', async () => {
    const one = await exportRepository({ git, root: repo.root, logger: silentLogger, workers: 1 });
    const three = await exportRepository({ git, root: repo.root, logger: silentLogger, workers: 3 });
    assert.strictEqual(one.threads, 1);
    assert.strictEqual(three.threads, 3);
    assert.ok(one.summary.paths.length > 10);
    assert.deepStrictEqual(withoutTime(three.summary), withoutTime(one.summary));
  });

  it('exports incrementally from the previous summary and the persisted index, equal to a full export', async () => {
    const store = new HistoryIndexStore(storage, silentLogger);
    const first = await exportRepository({ git, root: repo.root, store, logger: silentLogger });
    assert.strictEqual(first.mode, 'full');
    repo.write('packages/http/src/timeout.ts', 'export const timeout = 1;\n');
    repo.commit({ author: robert, date: '2025-08-01T10:00:00Z', message: 'timeout' });
    const incremental = await exportRepository({ git, root: repo.root, store, logger: silentLogger, previous: first.summary });
    assert.strictEqual(incremental.mode, 'incremental');
    assert.strictEqual(incremental.indexUpdate, 'incremental');
    assert.strictEqual(incremental.packagesReused, true, 'no manifest changed');
    const full = await exportRepository({ git, root: repo.root, logger: silentLogger });
    assert.strictEqual(full.indexUpdate, 'built');
    assert.deepStrictEqual(withoutTime(incremental.summary), withoutTime(full.summary));
    repo.write('packages/http/package.json', JSON.stringify({ name: '@acme/http-client', version: '2.0.0' }));
    repo.commit({ author: robert, date: '2025-08-02T10:00:00Z', message: 'rename package' });
    const renamed = await exportRepository({ git, root: repo.root, store, logger: silentLogger, previous: incremental.summary });
    assert.strictEqual(renamed.packagesReused, false);
    assert.ok(renamed.summary.packages.some((p) => p.name === '@acme/http-client'));
  });
});
