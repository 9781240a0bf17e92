import * as assert from 'assert';
import { cpSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { GitRunner } from '../../src/core/git/gitRunner';
import { mergeSummaries } from '../../src/core/hub/hubMerge';
import { silentLogger } from '../../src/core/logger';
import { ORG_HOVER_TITLE } from '../../src/core/presentation/orgExpertsMarkdown';
import { exportRepository } from '../../src/core/summary/exportRepository';
import { writeSummaryFile } from '../../src/core/summary/summaryFile';
import type { ConstellationApi } from '../../src/extension';
import type { TokenProvider } from '../../src/vscode/platform/githubSession';
import { JAKE_OTHER_EMAIL, loadMultiRootFixture, ORG_PEOPLE, type MultiRootFixture } from '../support/fixtureMultiRoot';
import { hubRepoRoutes, readHubFolder, type HubRepoCounters } from '../support/githubHub';
import { FakeGitHubOrg } from '../support/githubOrg';
import { startGitHubServer, type GitHubServer } from '../support/githubServer';
import { TestRepo } from '../support/gitRepo';
import type { FakeRepo } from '../unit/patterns/githubRepoRoutes';
import { activeApi, constellationHover, eventually, hoverNames } from './support/workbench';

const TOKEN = 'gho_constellation_org_test';
const DAY = 86_400;

/** The hover section of an imported package's experts, or undefined. */
async function packageHover(uri: vscode.Uri, line: number, character: number): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  for (const hover of hovers ?? []) {
    const text = hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    if (text.includes(ORG_HOVER_TITLE)) return text;
  }
  return undefined;
}

/** The Acme organisation on GitHub: Engineering and Finance, each a parent of teams. */
function acme(baseUrl: () => string): FakeGitHubOrg {
  const org = new FakeGitHubOrg('acme', baseUrl);
  const { you, jake, nina, priya, omar, sylvia, leo } = ORG_PEOPLE;
  org.users.push(
    { login: you.login, id: you.id, name: you.name, verified: [you.email] },
    { login: jake.login, id: jake.id, name: jake.name, verified: [jake.email, JAKE_OTHER_EMAIL] },
    { login: nina.login, id: nina.id, name: nina.name, verified: [nina.email] },
    { login: priya.login, id: priya.id, name: priya.name, verified: [priya.email] },
    { login: omar.login, id: omar.id, name: omar.name, verified: [omar.email] },
    { login: sylvia.login, id: sylvia.id, name: sylvia.name, verified: [sylvia.email] },
    { login: leo.login, id: leo.id, name: leo.name, email: leo.email },
  );
  org.teams.push(
    { id: 1, slug: 'engineering', name: 'Engineering', members: [] },
    { id: 2, slug: 'web-platform', name: 'Web Platform', parent: 'engineering', members: [you.login, jake.login, nina.login] },
    { id: 3, slug: 'http-team', name: 'HTTP', parent: 'engineering', members: [priya.login, omar.login] },
    { id: 4, slug: 'finance', name: 'Finance', members: [] },
    { id: 5, slug: 'ledger-team', name: 'Ledger', parent: 'finance', members: [sylvia.login, leo.login] },
  );
  return org;
}

/** acme/ledger: cloned nowhere in the workspace; Sylvia wrote most of it and works on it now, Leo its retry policy. */
function ledgerRepository(now: number): TestRepo {
  const { sylvia, leo } = ORG_PEOPLE;
  const at = (daysAgo: number): string => `${Math.round(now - daysAgo * DAY)} +0000`;
  const repo = TestRepo.create('constellation-ledger-');
  repo.git(['remote', 'add', 'origin', 'https://github.com/acme/ledger.git']);
  repo.write('package.json', '{\n  "name": "@acme/ledger",\n  "version": "3.1.0"\n}\n');
  repo.write('src/post.ts', 'export function post(entry: unknown): void {}\n');
  repo.write('src/audit.ts', 'export function audit(): void {}\n');
  repo.commit({ author: sylvia, date: at(300), message: 'Ledger: posting' });
  repo.write('src/retry/backoff.ts', 'export const backoff = 1;\n');
  repo.commit({ author: leo, date: at(200), message: 'Retry: backoff' });
  repo.write('src/post.ts', 'export function post(entry: unknown): void { /* v2 */ }\n');
  repo.commit({ author: sylvia, date: at(100), message: 'Ledger: idempotent posting' });
  repo.write('src/retry/backoff.ts', 'export const backoff = 2;\n');
  repo.commit({ author: leo, date: at(50), message: 'Retry: jitter' });
  repo.write('src/audit.ts', 'export function audit(): void { /* v2 */ }\n');
  repo.commit({ author: sylvia, date: at(30), message: 'Ledger: audit trail' });
  repo.write('src/retry/backoff.ts', 'export const backoff = 3;\n');
  repo.commit({ author: leo, date: at(10), message: 'Retry: cap' });
  // Sylvia is also the one active in the package now: the package is hers by any reading.
  repo.write('src/post.ts', 'export function post(entry: unknown): void { /* v3 */ }\n');
  repo.commit({ author: sylvia, date: at(5), message: 'Ledger: reversals' });
  return repo;
}

describe('the organisation: its GitHub teams and its hub index (loopback GitHub)', function () {
  this.timeout(150_000);
  let f: MultiRootFixture;
  let api: ConstellationApi;
  let server: GitHubServer;
  let org: FakeGitHubOrg;
  let ledger: TestRepo;
  let work: string;
  const hubRepo: FakeRepo = { owner: 'acme', name: 'constellation-hub', defaultBranch: 'main', files: new Map(), rateLimitUsed: 0 };
  const counters: HubRepoCounters = { blobs: 0, fullAnswers: 0 };
  const tokensChanged = new vscode.EventEmitter<void>();
  const tokens: TokenProvider = { token: async () => ({ token: TOKEN, account: ORG_PEOPLE.you.login }), onDidChange: tokensChanged.event };
  const webUri = (): vscode.Uri => vscode.Uri.file(path.join(f.web, f.spots.web.file));

  before(async () => {
    f = loadMultiRootFixture();
    api = await activeApi();
    await eventually('the web index', async () => (api.experts.indexState(f.web).state === 'ready' ? true : undefined), 90_000);
    // The hub index, built for real: export of acme/ledger and of the web clone, then hub merge.
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-org-'));
    ledger = ledgerRepository(f.now);
    const git = new GitRunner({ logger: silentLogger });
    const summaries: string[] = [];
    for (const root of [ledger.root, f.web]) {
      const file = path.join(work, `${path.basename(root)}.json`);
      await writeSummaryFile(file, (await exportRepository({ git, root, logger: silentLogger })).summary);
      summaries.push(file);
    }
    await mergeSummaries(summaries, path.join(work, 'index'), silentLogger);
    for (const [file, text] of readHubFolder(path.join(work, 'index'), 'index')) hubRepo.files.set(file, text);
    org = acme(() => server.baseUrl);
    server = await startGitHubServer({ routes: [...org.routes(), ...hubRepoRoutes(hubRepo, counters)] });
  });

  after(async () => {
    await vscode.workspace.getConfiguration('constellation').update('hub.repository', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('constellation.github').update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await server?.close();
    ledger?.dispose();
    rmSync(work, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('teams and members from GitHub', () => {
    it('without GitHub, Jake\'s two emails are two people and CODEOWNERS names a bare handle', async () => {
      const text = await eventually('the web hover', async () => constellationHover(webUri(), f.spots.web.line));
      assert.deepStrictEqual(hoverNames(text).filter((n) => n === ORG_PEOPLE.jake.name).length, 2, text);
      assert.match(text, /Owned by \\@acme\/web\\-platform \(CODEOWNERS\)/, 'the handle alone: no team has it yet');
      assert.strictEqual(api.org.githubDirectory().teams, 0);
    });

    it('reads the teams through the session (paginated), and the hover shows the team GitHub gives, one Jake, CODEOWNERS resolved', async () => {
      await vscode.workspace.getConfiguration('constellation.github').update('apiUrl', server.baseUrl, vscode.ConfigurationTarget.Global);
      await api.threads.useTokenProvider(tokens);
      const status = await eventually('the GitHub directory', async () => {
        const s = await api.org.refreshGitHubDirectory();
        return s.teams === 5 ? s : undefined;
      });
      assert.deepStrictEqual([status.organization, status.signedIn], ['acme', true]);
      assert.ok(status.last?.status === 'updated' || status.last?.status === 'not-modified', JSON.stringify(status));
      assert.ok(server.requests.some((r) => r.path === '/orgs/acme/teams' && r.query.page === '2'), 'the team listing was paginated');
      assert.ok(server.requests.filter((r) => r.path.startsWith('/orgs/')).every((r) => r.headers.authorization === `token ${TOKEN}`), 'the session token is sent');
      const text = await eventually('the hover with GitHub teams', async () => {
        const t = await constellationHover(webUri(), f.spots.web.line);
        return t?.includes('Web Platform') ? t : undefined;
      });
      assert.deepStrictEqual(hoverNames(text).filter((n) => n === ORG_PEOPLE.jake.name).length, 1, `one Jake for two emails: ${text}`);
      // The compact hover's row has the badge; the team GitHub gives rides in the Ask link's tooltip.
      assert.match(text, /^\*\*Jake Moreau\*\* `your team` · [^\n]*"Ask Jake Moreau in a thread: [^"\n]* — Web Platform · Engineering · Acme Corp"/m);
      assert.match(text, /Owned by Web Platform \(CODEOWNERS\)/);
    });

    it('asks again conditionally, and a rate limit keeps the last good directory and pauses refreshing', async () => {
      const before = server.requests.length;
      const again = await api.org.refreshGitHubDirectory();
      assert.strictEqual(again.last?.status, 'not-modified');
      const rest = server.requests.slice(before).filter((r) => r.method === 'GET' && r.path.startsWith('/orgs/'));
      assert.ok(rest.length > 0 && rest.every((r) => r.headers['if-none-match']), 'every page asked with its ETag');
      org.rateLimitedUntil = Math.floor(Date.now() / 1000) + 3600;
      const limited = await api.org.refreshGitHubDirectory();
      assert.strictEqual(limited.last?.failure?.kind, 'rateLimited');
      assert.strictEqual(limited.teams, 5, 'the last good directory is kept');
      const sent = server.requests.length;
      const paused = await api.org.refreshGitHubDirectory();
      assert.strictEqual(paused.last?.status, 'paused');
      assert.strictEqual(server.requests.length, sent, 'nothing is sent until the limit resets');
      const text = await constellationHover(webUri(), f.spots.web.line);
      assert.ok(text?.includes('Web Platform'), 'the hover still places people');
      org.rateLimitedUntil = undefined;
    });
  });

  describe('the hub index', () => {
    it('says on the HTTP Guild\'s page and in the Communities view that no hub is configured for its ledger areas', async () => {
      const figures = await eventually('the guild\'s hub figures', async () => api.communities.hubFigures(f.httpThread.community));
      assert.deepStrictEqual([figures.state, figures.areas], ['off', f.hubOnlyAreas], 'acme/web is cloned here: only the ledger areas go to the hub');
      await vscode.commands.executeCommand('constellation.communities.openPage', f.httpThread.community);
      const html = await eventually('the page', async () => api.communities.page('community')?.html);
      const section = /<section id="org"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      assert.match(section, /no hub is configured — set constellation\.hub\.repository/, html);
      assert.ok(section.includes('<code>acme/ledger:src/retry/**</code>'), section);
      const node = (await api.communities.viewNodes()).find((n) => n.kind === 'community' && n.id === f.httpThread.community);
      assert.ok(node?.kind === 'community' && node.tooltip.includes('no hub is configured') && !node.description.includes('from the hub'), JSON.stringify(node));
    });

    it('shows, on an import of a package only the hub knows, the experts of its repository with team, business unit and relationship', async () => {
      await vscode.workspace.getConfiguration('constellation').update('hub.repository', 'acme/constellation-hub/index', vscode.ConfigurationTarget.Global);
      const status = await api.org.loadHub();
      assert.deepStrictEqual([status.state, status.repositories], ['ready', 2], JSON.stringify(status));
      const { file, line, character, specifier } = f.ledgerImport;
      const uri = vscode.Uri.file(path.join(f.web, file));
      await vscode.window.showTextDocument(uri);
      const text = await eventually('the package hover', async () => packageHover(uri, line, character));
      assert.ok(text.includes(`${ORG_HOVER_TITLE}:** \\@acme/ledger — in acme/ledger`), text);
      assert.match(text, /\*\*Sylvia Chen\*\* `other business unit` — Ledger · Finance · Acme Corp/);
      assert.ok(text.indexOf('Sylvia Chen') < text.indexOf('Leo Grant'), 'ranked: Sylvia wrote most of the package');
      assert.ok(text.includes('command:constellation.org.ask?') && text.includes('command:constellation.org.whoKnows?'), 'ask and search links');
      const requireLine = (await vscode.workspace.openTextDocument(uri)).getText().split('\n').findIndex((l) => l.includes("require('@acme/ledger/audit')"));
      const viaRequire = await eventually('the hover of require()', async () => packageHover(uri, requireLine, "const audit = require('@acme/".length + 1));
      assert.ok(viaRequire.includes('Sylvia Chen'));
      const httpLine = line + 1;
      assert.strictEqual(await packageHover(uri, httpLine, "import { retry } from '@acme/".length + 1), undefined, `${specifier} is in the hub; @acme/http is not`);
    });

    it('"Who Knows…?" ranks people for a package and for a path, follows typing, and copies an email', async () => {
      const forPackage = await api.org.openWhoKnows('@acme/ledger');
      assert.deepStrictEqual(forPackage.map((i) => i.label), ['package npm:@acme/ledger', '$(person) Sylvia Chen', '$(person) Leo Grant']);
      assert.strictEqual(forPackage[1].description, 'other business unit · Ledger · Finance · Acme Corp');
      const forPath = await api.org.typeInWhoKnows('src/retry/backoff.ts');
      assert.deepStrictEqual(forPath.map((i) => i.label).slice(0, 2), ['path src/retry/backoff.ts', '$(person) Leo Grant']);
      assert.match(forPath[1].detail ?? '', /3 changes in acme\/ledger \(src\/retry\/backoff\.ts\)/);
      const actions = await api.org.acceptInWhoKnows('Leo Grant');
      assert.deepStrictEqual(actions.map((i) => i.label), ['$(comment-discussion) Ask Leo Grant in a design thread', `$(copy) Copy ${ORG_PEOPLE.leo.email}`, '$(arrow-left) Back to the results']);
      await api.org.acceptInWhoKnows('Copy');
      assert.strictEqual(await vscode.env.clipboard.readText(), ORG_PEOPLE.leo.email);
      assert.strictEqual(api.org.whoKnowsOpen(), false, 'the picker closed');
      const acrossRepositories = await api.org.search('src/app.ts');
      assert.ok(typeof acrossRepositories !== 'string' && acrossRepositories.people[0].name === ORG_PEOPLE.jake.name && acrossRepositories.people[0].relationship === 'your-team', JSON.stringify(acrossRepositories));
    });

    it('gives code areas that span repositories their figures from the hub, leaving out repositories cloned here', async () => {
      const activity = await api.org.hubActivity([{ repo: 'acme/ledger', glob: 'src/retry/**' }], { wait: true });
      assert.ok(activity, 'the hub is open');
      assert.deepStrictEqual(activity.repositories.map((r) => [r.name, r.files]), [['acme/ledger', 1]]);
      assert.deepStrictEqual(activity.people.map((p) => [p.name, p.changes, p.files, p.filesCreated, p.relationship]), [[ORG_PEOPLE.leo.name, 3, 1, 1, 'other-business-unit']]);
      // http, the communities' home, places Leo with a contractor; web, whose file is open, says Finance (GitHub's teams).
      await vscode.window.showTextDocument(webUri());
      const http = (await api.org.repositories()).find((r) => r.root === f.http);
      assert.ok(http, 'the http clone is named');
      const fromHome = await api.org.hubActivity([{ repo: 'acme/ledger', glob: 'src/retry/**' }], { wait: true, home: http });
      assert.deepStrictEqual(fromHome?.people.map((p) => [p.name, p.relationship, p.placement.team?.name]), [[ORG_PEOPLE.leo.name, 'other-company', 'Ledger Contract Team']]);
      const web = (await api.org.repositories()).find((r) => r.root === f.web);
      assert.ok(web, 'the web clone is named');
      const areas = [{ repo: 'acme/ledger', glob: 'src/**' }, { repo: web.name, glob: '**' }];
      const both = await api.org.hubActivity(areas, { wait: true });
      assert.deepStrictEqual(both?.repositories.map((r) => r.name).sort(), ['acme/ledger', web.name].sort());
      const hubOnly = await api.org.hubActivity(areas, { wait: true, skipRepositories: [web.name] });
      assert.deepStrictEqual(hubOnly?.repositories.map((r) => r.name), ['acme/ledger'], 'the clone\'s figures come from the clone');
      assert.deepStrictEqual(hubOnly?.people.map((p) => p.name).sort(), [ORG_PEOPLE.leo.name, ORG_PEOPLE.sylvia.name].sort());
    });

    it('gives the HTTP Guild its people in the ledger from the hub, counting the web clone once, on its page and in the view', async () => {
      const figures = await eventually('the guild\'s figures from the hub', async () => {
        const h = await api.communities.hubFigures(f.httpThread.community);
        return h?.state === 'ready' ? h : undefined;
      });
      // acme/web is in the hub too, and an area of the guild: its figures come from the clone alone.
      assert.deepStrictEqual(figures.repositories.map((r) => [r.name, r.files]), [['acme/ledger', 1]]);
      // The guild's report is computed against http's directory, and so is the hub's relationship (web's, GitHub's, says Finance).
      assert.deepStrictEqual(figures.people.map((p) => [p.name, p.relationship, p.changes, p.files, p.repositories, p.alsoLocal]), [[ORG_PEOPLE.leo.name, 'other-company', 3, 1, ['acme/ledger'], false]]);
      assert.deepStrictEqual(figures.perArea.map((a) => [a.area, a.files]), [[f.hubOnlyAreas[0], 1], [f.hubOnlyAreas[1], 0]]);
      assert.ok(figures.generatedAt && !Number.isNaN(Date.parse(figures.generatedAt)), 'the hub says when it was generated');
      const report = await api.communities.report();
      const guild = report?.communities.find((c) => c.id === f.httpThread.community);
      assert.ok(guild, 'the guild is in the report');
      const jakes = guild.members.filter((m) => report!.people[m.person]?.name === ORG_PEOPLE.jake.name);
      assert.strictEqual(jakes.length, 1, 'Jake takes part through the web clone, once');
      // The page opened while no hub was set is rendered again when the hub's figures arrive: nobody reopened it.
      assert.ok(api.communities.page('community'), 'the guild\'s page is still open');
      const section = await eventually('the page with the hub section', async () => {
        const html = api.communities.page('community')?.html ?? '';
        const found = /<section id="org"[\s\S]*?<\/section>/.exec(html)?.[0];
        return found?.includes(ORG_PEOPLE.leo.name) ? found : undefined;
      });
      assert.ok(section.includes('Across the organisation — from the hub index'), section);
      assert.match(section, /Leo Grant<\/td><td><span class="tag">other company<\/span><\/td><td>Ledger Contract Team · Ledger Services<\/td><td>3<\/td><td>1<\/td><td>acme\/ledger<\/td><td>hub only<\/td>/, section);
      assert.match(section, /<code>ledger:docs\/\*\*<\/code><\/td><td><span class="muted">no figures in the hub for this area/, section);
      assert.ok(!section.includes(ORG_PEOPLE.jake.name) && !section.includes('acme/web'), 'nothing from the web clone is counted again from the hub');
      const node = (await api.communities.viewNodes()).find((n) => n.kind === 'community' && n.id === f.httpThread.community);
      assert.ok(node?.kind === 'community', 'the guild in the view');
      assert.ok(node.description.endsWith(`· ${guild.members.length + 1} taking part (1 from the hub)`), node.description);
      assert.match(node.tooltip, /From the hub index acme\/constellation-hub\/index, generated [\d-]+ \(today\): 1 person in /, node.tooltip);
      const sections = await api.communities.viewChildren(node);
      const org = sections.find((n) => n.kind === 'section' && n.section === 'org');
      assert.ok(org, JSON.stringify(sections));
      const people = await api.communities.viewChildren(org);
      assert.deepStrictEqual(people.filter((n) => n.kind === 'fact' && n.icon === 'person').map((n) => n.kind === 'fact' && [n.label, n.description]), [[ORG_PEOPLE.leo.name, 'other company · 3 changes in 1 file · acme/ledger']]);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('asks a person the hub named in a design thread, @mentioning them', async () => {
      const started = await api.org.ask({ name: ORG_PEOPLE.sylvia.name, email: ORG_PEOPLE.sylvia.email, login: ORG_PEOPLE.sylvia.login, team: 'Ledger' }, undefined, '@acme/ledger', f.httpThread.community);
      assert.ok(started, 'a draft opened');
      assert.match(started.body, /@sylvia-c \(Ledger\)/, started.body);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('checks the hub again with one conditional request, and reopens it from cached blobs', async () => {
      const blobs = counters.blobs;
      const answered = counters.fullAnswers;
      const before = server.requests.length;
      const status = await api.org.refreshHub();
      assert.strictEqual(status.state, 'ready');
      const tree = server.requests.slice(before).filter((r) => r.path === '/repos/acme/constellation-hub/git/trees/main');
      assert.strictEqual(tree.length, 1, 'the tree was asked for once');
      assert.ok(tree[0].headers['if-none-match'], 'with its ETag');
      assert.strictEqual(counters.fullAnswers, answered, 'and GitHub answered 304: nothing changed');
      await api.org.reopenHub();
      assert.ok(server.requests.slice(before).every((r) => !r.path.includes('/git/blobs/')), 'every blob came from the cache');
      assert.strictEqual(counters.blobs, blobs);
    });

    it('answers from the cache when GitHub cannot be reached', async () => {
      await server.close();
      const check = await api.org.refreshHub();
      assert.ok(check.message, `the failed check is reported: ${JSON.stringify(check)}`);
      const status = await api.org.reopenHub();
      assert.strictEqual(status.state, 'ready', JSON.stringify(status));
      const answer = await api.org.search('@acme/ledger');
      assert.ok(typeof answer !== 'string', answer as string);
      assert.deepStrictEqual(answer.people.map((p) => p.name), [ORG_PEOPLE.sylvia.name, ORG_PEOPLE.leo.name]);
      const { file, line, character } = f.ledgerImport;
      const text = await eventually('the package hover offline', async () => packageHover(vscode.Uri.file(path.join(f.web, file)), line, character));
      assert.ok(text.includes('Sylvia Chen'));
      const guild = await eventually('the guild\'s hub figures offline', async () => {
        const h = await api.communities.hubFigures(f.httpThread.community);
        return h?.state === 'ready' && h.people.length > 0 ? h : undefined;
      });
      assert.deepStrictEqual(guild.people.map((p) => p.name), [ORG_PEOPLE.leo.name], 'the guild keeps its ledger figures from the cache');
    });

    it('reads the hub from a clone of the hub repository in the workspace, without GitHub', async () => {
      // The clone holds a hub of acme/ledger alone, so what answers tells where it was read from.
      const clone = TestRepo.create('constellation-hub-clone-');
      const inWorkspace = path.join(f.http, 'hub-clone');
      try {
        clone.git(['remote', 'add', 'origin', 'https://github.com/acme/constellation-hub.git']);
        await mergeSummaries([path.join(work, `${path.basename(ledger.root)}.json`)], path.join(clone.root, 'index'), silentLogger);
        clone.git(['add', '-A']);
        clone.commit({ author: ORG_PEOPLE.you, date: `${f.now} +0000`, message: 'Hub index' });
        cpSync(clone.root, inWorkspace, { recursive: true });
        const requests = server.requests.length;
        const status = await eventually('the hub from the clone', async () => {
          const s = await api.org.reopenHub();
          return s.source?.startsWith('folder:') ? s : undefined;
        });
        assert.deepStrictEqual([status.state, status.repositories, status.source], ['ready', 1, `folder:${path.join(inWorkspace, 'index')}`], JSON.stringify(status));
        const answer = await api.org.search('@acme/ledger');
        assert.ok(typeof answer !== 'string', answer as string);
        assert.deepStrictEqual(answer.people.map((p) => p.name), [ORG_PEOPLE.sylvia.name, ORG_PEOPLE.leo.name]);
        assert.strictEqual(server.requests.length, requests, 'nothing was asked of GitHub');
      } finally {
        rmSync(inWorkspace, { recursive: true, force: true });
        clone.dispose();
      }
    });
  });
});
