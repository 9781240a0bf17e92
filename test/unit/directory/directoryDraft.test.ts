/** Drafting directory.yml from a real repository's authors and CODEOWNERS. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { loadCodeowners } from '../../../src/core/directory/codeowners';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { draftDirectory } from '../../../src/core/directory/directoryDraft';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { TestRepo } from '../../support/gitRepo';
import { repoFile } from './directoryFixtures';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');
const DAY = 86_400_000;
const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
const alice = { name: 'Alice Martin', email: 'alice@acme.example' };
const bob = { name: 'Bob "the builder" #1: Baker', email: 'Bob@Acme.Example' };
const carol = { name: 'Carol Vendor', email: 'carol@supplier.example' };
const dave = { name: 'Dave Hub', email: '12345+dave-gh@users.noreply.github.com' };
const eve = { name: 'Eve Personal', email: 'eve.personal@gmail.com' };
const frank = { name: 'Frank Former', email: 'frank@acme.example' };
const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

describe('directory draft', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let yaml: string;

  before(async () => {
    repo = TestRepo.create();
    repo.write('.github/CODEOWNERS', ['/src/payments/ @acme/payments', '/src/search/ @acme/search-team', '/vendor/ @supplier/integration', '*.md @alice'].join('\n') + '\n');
    repo.write('README.md', '# shop\n').commit({ author: frank, date: ago(800), message: 'start' });
    for (let i = 0; i < 3; i++) repo.write('src/payments/pay.ts', `export const v = ${i};\n`).commit({ author: alice, date: ago(30 - i) });
    repo.write('src/search/query.ts', 'export const q = 1;\n').commit({ author: alice, date: ago(20) });
    for (let i = 0; i < 2; i++) repo.write('src/search/query.ts', `export const q = ${i + 2};\n`).commit({ author: bob, date: ago(10 - i) });
    repo.write('vendor/sdk.ts', 'export const sdk = 1;\n').commit({ author: carol, date: ago(9) });
    repo.write('src/payments/pay.ts', 'export const v = 9;\n').commit({ author: carol, date: ago(8) });
    repo.write('vendor/sdk.ts', 'export const sdk = 2;\n').commit({ author: carol, date: ago(7) });
    repo.write('docs/guide.md', '# guide\n').commit({ author: dave, date: ago(6) });
    repo.write('src/search/query.ts', 'export const q = 5;\n').commit({ author: eve, date: ago(5) });
    repo.write('package.json', '{}\n').commit({ author: bot, date: ago(4) });
    const git = new GitRunner({ logger: silentLogger });
    const index = await buildHistoryIndex(git, repo.root);
    const codeowners = await loadCodeowners(repo.root);
    yaml = draftDirectory({ index, codeowners: codeowners.rules, codeownersFile: codeowners.file, now: Math.floor(Date.now() / 1000) }).yaml;
  });
  after(() => repo.dispose());

  it('is a valid directory: no problem from the parser, and the schema accepts it', () => {
    const { diagnostics } = parseDirectoryConfig(yaml, 'draft.yml');
    assert.deepStrictEqual(diagnostics, [], yaml);
    const schema = JSON.parse(readFileSync(repoFile('schemas', 'directory.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(parse(yaml)), JSON.stringify(validate.errors));
  });

  it('guesses companies from email domains and teams from CODEOWNERS, leaving bots and mail providers out', () => {
    const { config } = parseDirectoryConfig(yaml, 'draft.yml');
    assert.deepStrictEqual(config.companies.map((c) => [c.id, c.domains]), [['acme', ['acme.example']], ['supplier', ['supplier.example']]]);
    assert.deepStrictEqual(config.teams.map((t) => [t.id, t.github, t.company]), [
      ['payments', '@acme/payments', 'acme'],
      ['search-team', '@acme/search-team', 'acme'],
      ['integration', '@supplier/integration', 'supplier'],
    ]);
    const team = (email: string): string | undefined => config.people.find((p) => p.email === email)?.team;
    assert.strictEqual(team(alice.email), 'payments', 'three of her four owned changes');
    assert.strictEqual(team('bob@acme.example'), 'search-team');
    assert.strictEqual(team(carol.email), 'integration');
    assert.strictEqual(team(eve.email), 'search-team', 'a personal address still gets the team of the code');
    assert.strictEqual(config.people.find((p) => p.email === dave.email)?.github, 'dave-gh');
    assert.strictEqual(config.people.find((p) => p.email === 'bob@acme.example')?.name, bob.name);
    assert.ok(!config.people.some((p) => p.email.includes('dependabot')), 'no bot');
    assert.ok(!config.companies.some((c) => c.domains.some((d) => d.includes('gmail') || d.includes('noreply'))));
  });

  it('says what each guess rests on, in comments', () => {
    assert.match(yaml, /^# \.constellation\/directory\.yml: DRAFTED by `constellation directory draft`/);
    assert.match(yaml, /email: alice@acme\.example {2}# 4 commits, last \d{4}-\d{2}; team: 75% of 4 owned changes/);
    assert.match(yaml, /email: frank@acme\.example {2}# 1 commit, last \d{4}-\d{2}; former\?/);
    assert.match(yaml, /- \{ id: payments, name: Payments, company: acme, github: "@acme\/payments" \} {2}# 1 member guessed/);
  });

  it('places people as the directory would once saved', () => {
    const directory = new OrgDirectory(parseDirectoryConfig(yaml, 'draft.yml').config);
    const you = directory.placementOf({ email: alice.email });
    assert.strictEqual(directory.relationship(you, directory.placementOf({ email: 'bob@acme.example' })), 'other-team');
    assert.strictEqual(directory.relationship(you, directory.placementOf({ email: carol.email })), 'other-company');
  });

  it("lists a person's GitHub no-reply address as an alias of their entry, not as a second person", async () => {
    const own = TestRepo.create();
    try {
      const green = { name: '翠', email: 'green@sapphi.red' };
      const noreply = { name: 'sapphi-red', email: '49056869+sapphi-red@users.noreply.github.com' };
      own.write('src/a.ts', '1\n').commit({ author: green, date: ago(30) });
      own.write('src/a.ts', '2\n').commit({ author: green, date: ago(20) });
      own.write('CHANGELOG.md', '# 1\n').commit({ author: noreply, date: ago(10) });
      const index = await buildHistoryIndex(new GitRunner({ logger: silentLogger }), own.root);
      const draft = draftDirectory({ index, codeowners: [], now: Math.floor(Date.now() / 1000) });
      const { config, diagnostics } = parseDirectoryConfig(draft.yaml, 'draft.yml');
      assert.deepStrictEqual(diagnostics, [], draft.yaml);
      assert.strictEqual(draft.people, 1, draft.yaml);
      assert.deepStrictEqual(config.people.map((p) => [p.email, p.aliases, p.github]), [['green@sapphi.red', [noreply.email], 'sapphi-red']]);
      assert.match(draft.yaml, /email: green@sapphi\.red {2}# 3 commits, last/);
      assert.strictEqual(new OrgDirectory(config).canonicalEmail(noreply.email), 'green@sapphi.red', 'saved, the directory joins them');
    } finally {
      own.dispose();
    }
  });

  it('constellation directory draft prints it, or writes it without replacing an existing file', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'constellation-draft-'));
    const env = { ...process.env, CONSTELLATION_CACHE: path.join(tmp, 'cache') };
    try {
      const printed = spawnSync(process.execPath, [CLI, 'directory', 'draft', '--repo', repo.root], { encoding: 'utf8', env });
      assert.strictEqual(printed.status, 0, printed.stderr);
      assert.strictEqual(parseDirectoryConfig(printed.stdout, 'x').config.people.length, 6);
      const out = path.join(tmp, 'directory.yml');
      const written = spawnSync(process.execPath, [CLI, 'directory', 'draft', '--repo', repo.root, '--out', out], { encoding: 'utf8', env });
      assert.strictEqual(written.status, 0, written.stderr);
      assert.match(written.stdout, /drafted .*directory\.yml: 6 people, 3 teams, 2 companies/);
      writeFileSync(out, '# my own edits\n');
      const refused = spawnSync(process.execPath, [CLI, 'directory', 'draft', '--repo', repo.root, '--out', out], { encoding: 'utf8', env });
      assert.strictEqual(refused.status, 1);
      assert.match(refused.stderr, /exists; pass --force/);
      assert.strictEqual(readFileSync(out, 'utf8'), '# my own edits\n');
      const forced = spawnSync(process.execPath, [CLI, 'directory', 'draft', '--repo', repo.root, '--out', out, '--force'], { encoding: 'utf8', env });
      assert.strictEqual(forced.status, 0, forced.stderr);
      assert.match(readFileSync(out, 'utf8'), /DRAFTED/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
