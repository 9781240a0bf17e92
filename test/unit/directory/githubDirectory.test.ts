import * as assert from 'assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Octokit } from 'octokit';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { commitPerAuthor } from '../../../src/core/directory/github/commitAuthors';
import { GitHubDirectorySource } from '../../../src/core/directory/github/githubDirectorySource';
import { loadDirectory, OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { mergeGitHubDirectory } from '../../../src/core/directory/github/mergeGitHubDirectory';
import { mergeDirectoryAliases } from '../../../src/core/engine/identityMerge';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import type { Logger } from '../../../src/core/logger';
import { silentLogger } from '../../../src/core/logger';
import { TestRepo } from '../../support/gitRepo';
import { FakeGitHubOrg } from '../../support/githubOrg';
import { startGitHubServer, type GitHubServer } from '../../support/githubServer';
import { openApiResponseErrors } from '../../support/openapi';

const TOKEN = 'ghs_directoryTestTokenThatMustNeverBeLogged';

function collectingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: string | Error) => lines.push(String(m instanceof Error ? m.message : m));
  return { lines, trace: push, debug: push, info: push, warn: push, error: push };
}

/** Acme: Payments (a parent team) with Checkout and Billing under it, Platform alone. */
function acme(server: () => string): FakeGitHubOrg {
  const org = new FakeGitHubOrg('acme', server);
  org.users.push(
    { login: 'sylviac', id: 101, name: 'Sylvia Chen', verified: ['sylvia@acme.example'] },
    { login: 'jakem', id: 102, name: 'Jake Moreau', verified: ['jake@acme.example'] },
    { login: 'robert', id: 103, name: 'Robert Hale', email: 'robert@acme.example' },
    { login: 'lee', id: 104, name: 'Lee Park' },
    { login: 'ana', id: 105 },
  );
  org.teams.push(
    { id: 1, slug: 'payments', name: 'Payments', members: ['ana'] },
    { id: 2, slug: 'checkout', name: 'Checkout', parent: 'payments', members: ['sylviac', 'jakem'] },
    { id: 3, slug: 'billing', name: 'Billing', parent: 'payments', members: ['robert'] },
    { id: 4, slug: 'platform', name: 'Platform', members: ['lee'] },
  );
  return org;
}

describe('the directory from GitHub (loopback GitHub)', function () {
  this.timeout(60_000);
  let server: GitHubServer;
  let org: FakeGitHubOrg;
  let cacheDir: string;
  let now: number;
  let logger: ReturnType<typeof collectingLogger>;
  const octokit = (): Octokit => new Octokit({ auth: TOKEN, baseUrl: server.baseUrl, throttle: { enabled: false }, retry: { enabled: false } });
  const source = (): GitHubDirectorySource => new GitHubDirectorySource({ octokit: octokit(), organization: 'acme', apiBase: server.baseUrl, cacheDir, logger, now: () => now });
  const directoryOf = (snapshot: NonNullable<ReturnType<GitHubDirectorySource['current']>>, yml = ''): OrgDirectory =>
    new OrgDirectory(mergeGitHubDirectory(parseDirectoryConfig(yml, 'directory.yml').config, snapshot));

  beforeEach(async () => {
    server = await startGitHubServer({ routes: [] });
    org = acme(() => server.baseUrl);
    server.addRoutes(org.routes());
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'constellation-ghdir-'));
    now = Date.now();
    logger = collectingLogger();
  });
  afterEach(async () => {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reads nested teams and members page by page, in GitHub\'s documented shapes', async () => {
    const result = await source().refresh();
    assert.strictEqual(result.status, 'updated');
    const teamPages = server.requests.filter((r) => r.path === '/orgs/acme/teams');
    assert.deepStrictEqual(teamPages.map((r) => r.query.page ?? '1'), ['1', '2'], 'followed the Link header');
    assert.deepStrictEqual(server.requests.filter((r) => r.path === '/orgs/acme/teams/payments/members').map((r) => r.query.page ?? '1'), ['1', '2'], 'four members with the child teams\' ones');
    assert.strictEqual(org.documents.length, 3, 'members with emails: 3 GraphQL pages of 2');
    const snapshot = result.snapshot!;
    assert.deepStrictEqual(snapshot.teams.find((t) => t.slug === 'checkout'), { slug: 'checkout', name: 'Checkout', parent: 'payments', members: ['jakem', 'sylviac'] });
    assert.deepStrictEqual(snapshot.members.sylviac, { login: 'sylviac', id: 101, name: 'Sylvia Chen', emails: ['sylvia@acme.example'] });
    assert.ok(server.requests.every((r) => r.headers.authorization === `token ${TOKEN}`));
    // What the fake answered is what GitHub documents.
    for (const [route, url] of [['/orgs/{org}/teams', '/orgs/acme/teams?per_page=100'], ['/orgs/{org}/teams/{team_slug}/members', '/orgs/acme/teams/checkout/members?per_page=100']]) {
      const body = await (await fetch(`${server.baseUrl}${url}`)).json();
      assert.deepStrictEqual(openApiResponseErrors({ method: 'GET', path: route, status: 200, body }), [], route);
    }
    assert.ok(!logger.lines.some((l) => l.includes(TOKEN)), 'the token is never logged');
  });

  it('places people: deepest team, a parent team as business unit, directory.yml mapping and overrides, CODEOWNERS handles', async () => {
    const snapshot = (await source().refresh()).snapshot!;
    const auto = directoryOf(snapshot);
    const sylvia = auto.placementOf({ email: 'sylvia@acme.example' });
    assert.strictEqual(sylvia.team?.name, 'Checkout');
    assert.strictEqual(sylvia.businessUnit?.name, 'Payments', 'the parent team stands for the business unit');
    assert.strictEqual(sylvia.company?.id, 'acme');
    assert.strictEqual(auto.placementOf({ email: '105+ana@users.noreply.github.com' }).team?.name, 'Payments', 'a member of the parent team only');
    assert.strictEqual(auto.placementOf({ email: 'lee@elsewhere.example', github: 'lee' }).team?.name, 'Platform');
    assert.strictEqual(auto.placementOf({ email: 'lee@elsewhere.example', github: 'lee' }).businessUnit, undefined, 'a root team without children sits under the company');
    assert.strictEqual(auto.relationship(sylvia, auto.placementOf({ email: 'robert@acme.example' })), 'other-team');
    assert.strictEqual(auto.relationship(sylvia, auto.placementOf({ email: 'x@y', github: 'lee' })), 'other-business-unit');

    const yml = [
      'companies:',
      '  - { id: acme-corp, name: Acme Corp, domains: [acme.example] }',
      'businessUnits:',
      '  - { id: infra, name: Infrastructure, company: acme-corp, githubTeams: ["@acme/platform"] }',
      'teams:',
      '  - { id: money, name: Money Movers, company: acme-corp, github: "@acme/billing" }',
      'people:',
      '  - { email: robert.hale@acme.example, name: Robert H., github: robert }',
      '  - { email: jake@acme.example, name: Jake (file), team: money }',
      'github:',
      '  organization: acme',
      '  company: acme-corp',
      '',
    ].join('\n');
    const parsed = parseDirectoryConfig(yml, 'directory.yml');
    assert.deepStrictEqual(parsed.diagnostics, []);
    const mapped = directoryOf(snapshot, yml);
    assert.strictEqual(mapped.placementOf({ email: 'x@y', github: 'lee' }).businessUnit?.name, 'Infrastructure', 'the mapping in directory.yml');
    const robert = mapped.placementOf({ email: 'robert@acme.example' });
    assert.strictEqual(robert.name, 'Robert H.', 'directory.yml overrides GitHub');
    assert.strictEqual(robert.email, 'robert.hale@acme.example', 'one person: their public GitHub email is an alias');
    assert.strictEqual(robert.team?.name, 'Money Movers', 'the file\'s team for @acme/billing');
    assert.strictEqual(mapped.placementOf({ email: 'jake@acme.example' }).team?.name, 'Money Movers', 'the file\'s team assignment wins');
    assert.strictEqual(mapped.teamByGitHubHandle('@acme/checkout')?.name, 'Checkout');
    assert.strictEqual(mapped.teamByGitHubHandle('@acme/billing')?.id, 'money');
  });

  it('resolves CODEOWNERS team handles to the GitHub teams through loadDirectory', async () => {
    const snapshot = (await source().refresh()).snapshot!;
    const repo = TestRepo.create('constellation-ghdir-codeowners-');
    try {
      repo.write('.github/CODEOWNERS', '/src/pay/ @acme/checkout\n');
      const { directory } = await loadDirectory(repo.root, { github: snapshot });
      assert.deepStrictEqual(directory.teamsOwning('src/pay/a.ts').map((t) => t.name), ['Checkout']);
    } finally {
      repo.dispose();
    }
  });

  it('refreshes with conditional requests: unchanged pages are 304 and cost no rate limit; the budget is logged', async () => {
    await source().refresh();
    const before = server.requests.length;
    const again = await source().refresh();
    const second = server.requests.slice(before);
    assert.strictEqual(again.status, 'not-modified');
    assert.ok(second.every((r) => r.method === 'GET' && typeof r.headers['if-none-match'] === 'string'), 'every request conditional; verified emails are fresh, so no GraphQL');
    assert.strictEqual(again.budget.requests, second.length);
    assert.strictEqual(again.budget.notModified, second.length);
    assert.strictEqual(again.budget.resources.core.remaining, 4999);
    assert.ok(logger.lines.some((l) => /refreshed acme: not-modified, 4 teams, 5 members · \d+ requests \(\d+ not modified\) · core 4,999\/5,000 left, resets/.test(l)), logger.lines.join('\n'));
    org.teams[1].members.push('lee');
    const changed = await source().refresh();
    assert.strictEqual(changed.status, 'updated');
    assert.deepStrictEqual(changed.snapshot!.teams.find((t) => t.slug === 'checkout')?.members, ['jakem', 'lee', 'sylviac']);
  });

  it('keeps the last good cache on a partial failure, and works offline from it', async () => {
    const first = await source().refresh();
    const cacheFile = path.join(cacheDir, 'github-directory', readdirSync(path.join(cacheDir, 'github-directory'))[0]);
    const saved = readFileSync(cacheFile, 'utf8');
    org.teams[1].members.push('lee');
    org.failingTeams.add('platform');
    const failed = await source().refresh();
    assert.strictEqual(failed.status, 'cached');
    assert.strictEqual(failed.failure?.kind, 'server');
    assert.deepStrictEqual(failed.snapshot, first.snapshot, 'the half-read change is not applied');
    assert.strictEqual(readFileSync(cacheFile, 'utf8'), saved, 'the cache file is untouched');
    await server.close();
    const offline = source();
    assert.deepStrictEqual(await offline.load(), first.snapshot);
    const unreachable = await offline.refresh();
    assert.strictEqual(unreachable.status, 'cached');
    assert.strictEqual(unreachable.failure?.kind, 'offline');
    server = await startGitHubServer({ routes: [] });
  });

  it('stops at a rate limit (403, remaining 0), keeps the cache and sends nothing until the reset', async () => {
    const first = await source().refresh();
    const reset = Math.floor(Date.now() / 1000) + 600;
    org.rateLimitedUntil = reset;
    const limited = await source().refresh();
    assert.strictEqual(limited.status, 'cached');
    assert.strictEqual(limited.failure?.kind, 'rateLimited');
    assert.strictEqual(limited.failure?.resetAt?.getTime(), reset * 1000);
    assert.deepStrictEqual(limited.snapshot, first.snapshot);
    const count = server.requests.length;
    const paused = await source().refresh();
    assert.strictEqual(paused.status, 'paused');
    assert.strictEqual(server.requests.length, count, 'no request while paused');
    org.rateLimitedUntil = undefined;
    now = (reset + 1) * 1000;
    assert.strictEqual((await source().refresh()).status, 'not-modified');
  });

  it('reads public emails only when verified-domain emails are refused', async () => {
    org.hideVerifiedEmails = true;
    const result = await source().refresh();
    assert.strictEqual(result.status, 'updated');
    assert.deepStrictEqual(result.snapshot!.members.robert.emails, ['robert@acme.example']);
    assert.deepStrictEqual(result.snapshot!.members.sylviac.emails, []);
    assert.ok(logger.lines.some((l) => /public emails only/.test(l)));
  });

  it('maps commit emails to logins in batched GraphQL queries, so a person with two emails counts once', async () => {
    const repo = TestRepo.create('constellation-ghdir-commits-');
    try {
      repo.write('a.ts', '1\n');
      repo.commit({ author: { name: 'Sylvia', email: 'sylvia@acme.example' }, date: '2026-01-01T10:00:00Z', message: 'a' });
      repo.write('a.ts', '2\n');
      repo.commit({ author: { name: 'Sylvia C', email: 'sylvia.chen@home.example' }, date: '2026-02-01T10:00:00Z', message: 'b' });
      repo.write('a.ts', '3\n');
      repo.commit({ author: { name: 'Unknown', email: 'nobody@else.example' }, date: '2026-03-01T10:00:00Z', message: 'c' });
      const git = new GitRunner({ logger: silentLogger });
      const samples = await commitPerAuthor(git, repo.root);
      assert.strictEqual(samples.length, 3);
      for (const s of samples) org.commits.push({ sha: s.sha, email: s.email, login: s.email.startsWith('sylvia') ? 'sylviac' : undefined });
      const dir = source();
      await dir.refresh();
      const documentsBefore = org.documents.length;
      const result = await dir.resolveCommitAuthors({ owner: 'acme', name: 'app' }, samples);
      assert.strictEqual(org.documents.length - documentsBefore, 1, 'one query for every commit');
      assert.strictEqual(result.resolved, 3);
      assert.deepStrictEqual(result.snapshot!.commitAuthors, { 'nobody@else.example': null, 'sylvia.chen@home.example': 'sylviac', 'sylvia@acme.example': 'sylviac' });
      const again = await dir.resolveCommitAuthors({ owner: 'acme', name: 'app' }, samples);
      assert.strictEqual(again.resolved, 0, 'known emails are not asked again');
      const directory = directoryOf(result.snapshot!);
      const index = mergeDirectoryAliases(await buildHistoryIndex(git, repo.root), directory);
      assert.deepStrictEqual([...index.people.keys()].sort(), ['nobody@else.example', 'sylvia@acme.example']);
      assert.strictEqual(index.files.get('a.ts')?.contributions.get('sylvia@acme.example')?.changeTimes.length, 2);
    } finally {
      repo.dispose();
    }
  });
});
