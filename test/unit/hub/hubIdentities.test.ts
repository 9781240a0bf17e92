import * as assert from 'assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { hubAreaActivity } from '../../../src/core/hub/areaActivity';
import { HUB_PEOPLE } from '../../../src/core/hub/hubFormat';
import { HubIndex } from '../../../src/core/hub/hubIndex';
import { mergeSummaries } from '../../../src/core/hub/hubMerge';
import { FolderHubSource } from '../../../src/core/hub/hubSource';
import { whoKnows } from '../../../src/core/hub/whoKnows';
import { silentLogger } from '../../../src/core/logger';
import { exportRepository } from '../../../src/core/summary/exportRepository';
import { writeSummaryFile } from '../../../src/core/summary/summaryFile';
import type { IdentityMode, SummaryPerson } from '../../../src/core/summary/summaryTypes';
import { TestRepo, type TestAuthor } from '../../support/gitRepo';

const sylvia = { name: 'Sylvia Chen', email: 'sylvia@acme.example' };
const sylviaNoreply = { name: 'Sylvia Chen', email: '1234+sylviac@users.noreply.github.com' };
/** Shares only her first name with Sylvia Chen. */
const sylviaParkNoreply = { name: 'Sylvia Park', email: '88+spark@users.noreply.github.com' };
const jake = { name: 'Jake Moreau', email: 'jake@acme.example' };
/** Another Jake Moreau, or the same one: only a directory can say, so the hub must not join them. */
const jakeElsewhere = { name: 'Jake Moreau', email: 'jake.moreau@mail.example' };
/** A generic name says nothing about who committed. */
const ubuntuNoreply = { name: 'ubuntu', email: '4321+dev-box@users.noreply.github.com' };
const ubuntuOrdinary = { name: 'ubuntu', email: 'ubuntu@buildhost.example' };

const NOW = Date.parse('2026-04-01') / 1000;

describe('hub merge joins one person across repositories', function () {
  this.timeout(60_000);
  const git = new GitRunner({ logger: silentLogger });
  const repos = new Map<string, TestRepo>();
  let work: string;
  let hubDir: string;
  let files: string[];

  /** A repository `acme/<name>` whose commits each change one file. */
  function repository(name: string, commits: Array<[TestAuthor, string, string]>): TestRepo {
    const repo = TestRepo.create(`constellation-ids-${name}-`);
    repo.git(['remote', 'add', 'origin', `git@github.com:acme/${name}.git`]);
    commits.forEach(([author, file, date], i) => {
      repo.write(file, `// change ${i}\n`);
      repo.commit({ author, date, message: `change ${i}` });
    });
    repos.set(name, repo);
    return repo;
  }

  async function exported(name: string, identities: IdentityMode = 'full'): Promise<SummaryPerson[]> {
    const { summary } = await exportRepository({ git, root: (repos.get(name) as TestRepo).root, logger: silentLogger, identities });
    return summary.people;
  }

  async function summaryFile(name: string): Promise<string> {
    const { summary } = await exportRepository({ git, root: (repos.get(name) as TestRepo).root, logger: silentLogger });
    const file = path.join(work, `${name}.json`);
    await writeSummaryFile(file, summary);
    return file;
  }

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-ids-'));
    hubDir = path.join(work, 'index');
    // http knows Sylvia Chen only by her no-reply address; shop only by her work address.
    repository('http', [
      [sylviaNoreply, 'src/retry/backoff.ts', '2026-01-10T10:00:00Z'],
      [sylviaNoreply, 'src/retry/backoff.ts', '2026-02-10T10:00:00Z'],
      [sylviaParkNoreply, 'src/retry/jitter.ts', '2026-02-12T10:00:00Z'],
      [ubuntuNoreply, 'src/retry/limits.ts', '2026-02-14T10:00:00Z'],
      [jake, 'src/retry/backoff.ts', '2026-02-16T10:00:00Z'],
    ]);
    repository('shop', [
      [sylvia, 'src/retry/queue.go', '2026-01-05T10:00:00Z'],
      [jakeElsewhere, 'src/retry/queue.go', '2026-02-01T10:00:00Z'],
      [ubuntuOrdinary, 'src/retry/queue.go', '2026-03-01T10:00:00Z'],
    ]);
    // docs: mostly her no-reply address; cli: mostly her work address, the no-reply one folded in.
    repository('docs', [
      [sylviaNoreply, 'guide.md', '2026-01-10T10:00:00Z'],
      [sylviaNoreply, 'guide.md', '2026-01-11T10:00:00Z'],
      [sylvia, 'guide.md', '2026-01-12T10:00:00Z'],
    ]);
    repository('cli', [
      [sylvia, 'main.ts', '2026-01-10T10:00:00Z'],
      [sylvia, 'main.ts', '2026-01-11T10:00:00Z'],
      [sylviaNoreply, 'main.ts', '2026-01-12T10:00:00Z'],
    ]);
    files = [await summaryFile('http'), await summaryFile('shop')];
    await mergeSummaries(files, hubDir, silentLogger);
  });

  after(() => {
    repos.forEach((r) => r.dispose());
    rmSync(work, { recursive: true, force: true });
  });

  it('writes her login into a summary whose identity for her is her no-reply address', async () => {
    const people = await exported('docs');
    assert.deepStrictEqual(people.map((p) => [p.key, p.login, p.commits]), [[sylviaNoreply.email, 'sylviac', 3]]);
  });

  it('writes her login into a summary whose identity for her is her work address, the no-reply one folded in', async () => {
    const people = await exported('cli');
    assert.deepStrictEqual(people.map((p) => [p.key, p.email, p.login, p.commits]), [[sylvia.email, sylvia.email, 'sylviac', 3]]);
  });

  it('keys her by login in a `login` export, and a `hashed` export gains no login', async () => {
    const login = await exported('cli', 'login');
    assert.deepStrictEqual(login.map((p) => [p.key, p.login, p.email]), [['@sylviac', 'sylviac', undefined]]);
    const hashed = await exported('cli', 'hashed');
    assert.strictEqual(hashed.length, 1);
    assert.match(hashed[0].key, /^h:[0-9a-f]{20}$/);
    assert.deepStrictEqual([hashed[0].login, hashed[0].email, hashed[0].name], [undefined, undefined, undefined]);
    const hashedNoreply = await exported('docs', 'hashed');
    assert.deepStrictEqual(hashedNoreply.map((p) => p.login), [undefined], 'not from a no-reply identity either');
  });

  it('stores the joins in the index: only the people it joined', () => {
    const joins = JSON.parse(readFileSync(path.join(hubDir, HUB_PEOPLE), 'utf8'));
    assert.deepStrictEqual(joins, { [sylvia.email]: '@sylviac' });
  });

  it('lists Sylvia once, by her login, in both repositories, without a reader directory', async () => {
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    const answer = await whoKnows(hub, { kind: 'text', text: 'retry' }, { now: NOW });
    assert.deepStrictEqual(answer.matched, ['acme/http:src/retry', 'acme/shop:src/retry']);
    const chens = answer.experts.filter((e) => e.name === 'Sylvia Chen');
    assert.strictEqual(chens.length, 1, 'one Sylvia Chen');
    assert.strictEqual(chens[0].key, '@sylviac');
    assert.strictEqual(chens[0].login, 'sylviac');
    assert.deepStrictEqual(chens[0].repositories.map((r) => r.name).sort(), ['acme/http', 'acme/shop']);
    assert.strictEqual(chens[0].repositories.reduce((n, r) => n + r.changes, 0), 3);
  });

  it('joins nobody on a shared first name, a generic name or a full name alone', async () => {
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    const answer = await whoKnows(hub, { kind: 'text', text: 'retry' }, { now: NOW });
    const keysOf = (name: string): string[] => answer.experts.filter((e) => e.name === name).map((e) => e.key).sort();
    assert.deepStrictEqual(keysOf('Sylvia Park'), ['@spark']);
    assert.deepStrictEqual(keysOf('ubuntu'), ['@dev-box', ubuntuOrdinary.email]);
    assert.deepStrictEqual(keysOf('Jake Moreau'), [jakeElsewhere.email, jake.email], 'no same-full-name rule across the organisation');
    assert.strictEqual(answer.experts.length, 6);
  });

  it('lets the reader\'s directory place her, still once', async () => {
    const directory = new OrgDirectory(parseDirectoryConfig([
      'companies:',
      '  - { id: acme, name: Acme, domains: [acme.example] }',
      'teams:',
      '  - { id: http, name: HTTP Platform, company: acme }',
      'people:',
      '  - { email: sylvia@acme.example, name: Sylvia Chen, github: sylviac, team: http }',
      '',
    ].join('\n'), 'org.yml').config);
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    const answer = await whoKnows(hub, { kind: 'text', text: 'retry' }, { directory, now: NOW });
    const chens = answer.experts.filter((e) => e.name === 'Sylvia Chen');
    assert.deepStrictEqual(chens.map((e) => [e.key, e.placement.team?.name, e.repositories.length]), [['@sylviac', 'HTTP Platform', 2]]);
  });

  it('counts her once in the figures of areas that span repositories', async () => {
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    const activity = await hubAreaActivity(hub, [{ repo: 'acme/http', glob: 'src/retry/**' }, { repo: 'acme/shop', glob: 'src/retry/**' }], { now: NOW });
    const chens = activity.people.filter((p) => p.name === 'Sylvia Chen');
    assert.deepStrictEqual(chens.map((p) => [p.key, p.changes, p.files, p.repositories.sort()]), [['@sylviac', 3, 2, ['acme/http', 'acme/shop']]]);
    assert.strictEqual(activity.people.filter((p) => p.name === 'Jake Moreau').length, 2);
  });

  it('joins hashed people by equal keys only, and keeps answering', async () => {
    const hashedFiles: string[] = [];
    for (const name of ['cli', 'docs']) {
      const { summary } = await exportRepository({ git, root: (repos.get(name) as TestRepo).root, logger: silentLogger, identities: 'hashed' });
      hashedFiles.push(path.join(work, `${name}-hashed.json`));
      await writeSummaryFile(hashedFiles[hashedFiles.length - 1], summary);
    }
    const hashedHub = path.join(work, 'hashed-index');
    await mergeSummaries(hashedFiles, hashedHub, silentLogger);
    assert.deepStrictEqual(JSON.parse(readFileSync(path.join(hashedHub, HUB_PEOPLE), 'utf8')), {});
    const hub = await HubIndex.open(new FolderHubSource(hashedHub));
    const cli = await whoKnows(hub, { kind: 'text', text: 'main.ts' }, { now: NOW });
    const docs = await whoKnows(hub, { kind: 'text', text: 'guide.md' }, { now: NOW });
    assert.strictEqual(cli.experts.length, 1);
    assert.strictEqual(docs.experts.length, 1);
    assert.match(cli.experts[0].key, /^h:/);
    assert.strictEqual(cli.experts[0].login, undefined);
    // cli's identity for her is her work address, docs' her no-reply one: different hashes, as hashed mode means.
    assert.notStrictEqual(cli.experts[0].key, docs.experts[0].key);
  });

  it('joins a summary written before logins were carried, by the login in her no-reply address', async () => {
    const older = JSON.parse(readFileSync(path.join(work, 'http.json'), 'utf8')) as { people: SummaryPerson[] };
    older.people.forEach((p) => delete p.login);
    const olderFile = path.join(work, 'http-older.json');
    writeFileSync(olderFile, JSON.stringify(older));
    const olderHub = path.join(work, 'older-summary-index');
    await mergeSummaries([olderFile, files[1]], olderHub, silentLogger);
    const hub = await HubIndex.open(new FolderHubSource(olderHub));
    const answer = await whoKnows(hub, { kind: 'text', text: 'retry' }, { now: NOW });
    const chens = answer.experts.filter((e) => e.name === 'Sylvia Chen');
    assert.deepStrictEqual(chens.map((e) => [e.key, e.login, e.repositories.length]), [['@sylviac', 'sylviac', 2]]);
  });

  it('opens an index written without the people file, joining nobody', async () => {
    const older = path.join(work, 'older-index');
    cpSync(hubDir, older, { recursive: true });
    rmSync(path.join(older, HUB_PEOPLE));
    const hub = await HubIndex.open(new FolderHubSource(older));
    const answer = await whoKnows(hub, { kind: 'text', text: 'retry' }, { now: NOW });
    assert.deepStrictEqual(answer.experts.filter((e) => e.name === 'Sylvia Chen').map((e) => e.key).sort(), ['@sylviac', sylvia.email]);
  });

  it('refuses a people file that is not a table of keys, naming it', async () => {
    const broken = path.join(work, 'broken-index');
    cpSync(hubDir, broken, { recursive: true });
    for (const [text, cause] of [['{"a@b.example": 3}', /people\.json: a@b\.example maps to a number, not a key/], ['[1]', /people\.json: not a table of keys/], ['{', /people\.json: not JSON/]] as const) {
      writeFileSync(path.join(broken, HUB_PEOPLE), text);
      await assert.rejects(HubIndex.open(new FolderHubSource(broken)), cause);
    }
  });

  it('shows the full name one repository has for a person another knows by a handle, and areas count them once', async () => {
    // api (first in the hub) knows Aras by his handle, web by his name: one email, one login.
    const handle = { name: 'uzlo', email: 'aras@mail.example' };
    repository('api', [
      [handle, 'src/retry/pool.ts', '2026-01-10T10:00:00Z'],
      [handle, 'src/retry/pool.ts', '2026-01-11T10:00:00Z'],
      [{ name: 'uzlo', email: '5+uzlo@users.noreply.github.com' }, 'src/retry/pool.ts', '2026-01-12T10:00:00Z'],
    ]);
    repository('web', [[{ name: 'Aras Abbasi', email: 'aras@mail.example' }, 'src/retry/view.ts', '2026-01-13T10:00:00Z']]);
    const namesHub = path.join(work, 'names-index');
    await mergeSummaries([await summaryFile('api'), await summaryFile('web')], namesHub, silentLogger);
    const hub = await HubIndex.open(new FolderHubSource(namesHub));
    assert.deepStrictEqual(hub.manifest.repositories.map((r) => r.name), ['acme/api', 'acme/web']);
    const answer = await whoKnows(hub, { kind: 'text', text: 'retry' }, { now: NOW });
    assert.deepStrictEqual(answer.experts.map((e) => [e.name, e.key, e.repositories.length]), [['Aras Abbasi', '@uzlo', 2]]);
    const areas = await hubAreaActivity(hub, [{ glob: 'src/retry/**' }], { now: NOW });
    assert.deepStrictEqual(areas.people.map((p) => [p.name, p.key]), [['Aras Abbasi', '@uzlo']]);
  });
});
