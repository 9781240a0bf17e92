import * as assert from 'assert';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import type { ConfigDiagnostic } from '../../../src/core/directory/types';
import { fixturePath, readFixture } from './directoryFixtures';

const FILE = '/repo/.constellation/directory.yml';

function parse(text: string): ReturnType<typeof parseDirectoryConfig> {
  return parseDirectoryConfig(text, FILE);
}

/** The single diagnostic whose message contains `fragment`. */
function only(diagnostics: ConfigDiagnostic[], fragment: string): ConfigDiagnostic {
  const found = diagnostics.filter((d) => d.message.includes(fragment));
  assert.strictEqual(found.length, 1, `expected one diagnostic with "${fragment}", got:\n${diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')}`);
  return found[0];
}

describe('directory.yml parsing', () => {
  it('loads the realistic Acme directory without any problem', () => {
    const { config, diagnostics } = parse(readFixture('acme', 'directory.yml'));
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(config.companies.map((c) => c.id), ['acme', 'supplier', 'partner']);
    assert.deepStrictEqual(config.companies[2].domains, ['partner.example'], 'a leading @ on a domain is dropped');
    assert.deepStrictEqual(config.businessUnits.map((u) => `${u.id}@${u.company}`), ['payments@acme', 'logistics@acme']);
    assert.deepStrictEqual(config.teams.find((t) => t.id === 'platform'), { id: 'platform', name: 'Platform', company: 'acme', github: '@acme/platform' });
    const alice = config.people.find((p) => p.email === 'alice@acme.example');
    assert.deepStrictEqual(alice, {
      email: 'alice@acme.example', isGlob: false, name: 'Alice Martin', github: 'alicem', team: 'checkout',
      aliases: ['alice@old.acme.example', 'alice.martin@acme.example'],
    });
    assert.deepStrictEqual(config.people.filter((p) => p.isGlob).map((p) => p.email), ['*@supplier.example', '*@eu.supplier.example', 'ops-*@acme.example']);
  });

  it('reports a YAML syntax error with its line and keeps the entries it does not touch', () => {
    const text = [
      'companies:',
      '  - { id: acme, name: Acme, domains: [acme.example] }',
      'teams:',
      '  - id: checkout',
      '    company: acme',
      '  - id: broken',
      '    name: "never closed',
    ].join('\n');
    const { config, diagnostics } = parse(text);
    const syntax = only(diagnostics, 'YAML syntax error');
    assert.strictEqual(syntax.severity, 'error');
    assert.strictEqual(syntax.file, FILE);
    assert.ok(syntax.line >= 7, `syntax error reported at line ${syntax.line}`);
    assert.deepStrictEqual(config.companies.map((c) => c.id), ['acme']);
    assert.deepStrictEqual(config.teams.map((t) => t.id), ['checkout'], 'the entry spanning the error is dropped');
  });

  it('reports a duplicate key as a syntax error on the line of the second key', () => {
    const { diagnostics } = parse('companies:\n  - id: acme\n    id: acme2\n');
    const d = only(diagnostics, 'YAML syntax error');
    assert.strictEqual(d.line, 3);
    assert.strictEqual(d.column, 5);
  });

  it('turns a file that is not YAML at all into an empty directory plus one diagnostic', () => {
    for (const text of ['just some words', '- a\n- list\n', '\u0000\u0001\u0002binary']) {
      const { config, diagnostics } = parse(text);
      assert.deepStrictEqual(config, { companies: [], businessUnits: [], teams: [], people: [] });
      assert.strictEqual(diagnostics.length, 1, text);
      assert.match(diagnostics[0].message, /not a directory file|YAML syntax error/);
      assert.strictEqual(diagnostics[0].line, 1);
    }
  });

  it('accepts an empty file and empty sections silently', () => {
    assert.deepStrictEqual(parse('').diagnostics, []);
    assert.deepStrictEqual(parse('# nothing yet\n').diagnostics, []);
    const { config, diagnostics } = parse('companies:\nteams: []\n');
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(config.teams, []);
  });

  describe('the broken fixture: every problem names its line, bad entries are skipped', () => {
    const file = fixturePath('broken', 'directory.yml');
    const { config, diagnostics } = parseDirectoryConfig(readFixture('broken', 'directory.yml'), file);

    it('names the file on every diagnostic', () => {
      assert.ok(diagnostics.length > 0);
      assert.ok(diagnostics.every((d) => d.file === file));
    });

    it('wrong type: a string where a list of domains belongs', () => {
      const d = only(diagnostics, '"domains" must be a list of strings');
      assert.deepStrictEqual([d.line, d.column, d.severity], [4, 14, 'error']);
      assert.match(d.message, /found a string/);
    });

    it('duplicate company id, pointing at the second id', () => {
      const d = only(diagnostics, 'duplicate company id "acme"');
      assert.deepStrictEqual([d.line, d.column], [5, 9]);
    });

    it('unknown company reference on a business unit', () => {
      const d = only(diagnostics, 'company "initech" is not defined');
      assert.deepStrictEqual([d.line, d.column], [11, 46]);
    });

    it('a reference to a skipped entry says where that entry failed', () => {
      const d = only(diagnostics, 'business unit "payments" was skipped because of an error at line 11');
      assert.strictEqual(d.line, 14);
    });

    it('a malformed team handle', () => {
      assert.strictEqual(only(diagnostics, 'github must be a team handle').line, 15);
    });

    it('an unknown field is a warning and the entry still loads', () => {
      const d = only(diagnostics, 'unknown field "colour"');
      assert.deepStrictEqual([d.line, d.severity], [16, 'warning']);
      assert.ok(config.teams.some((t) => t.id === 'labs'));
    });

    it('duplicate person email, case-insensitively, citing the first entry', () => {
      const d = only(diagnostics, 'duplicate email "alice@globex.example", already listed at line 18');
      assert.strictEqual(d.line, 20);
    });

    it('a person in a team that was skipped', () => {
      assert.strictEqual(only(diagnostics, 'team "checkout" was skipped because of an error at line 14').line, 23);
    });

    it('wrong types in people: a number email, a bare string entry, a string alias list', () => {
      assert.strictEqual(only(diagnostics, '"email" must be a non-empty string, found number 42').line, 24);
      assert.strictEqual(only(diagnostics, 'person: expected a mapping').line, 25);
      assert.strictEqual(only(diagnostics, '"aliases" must be a list of strings').line, 27);
    });

    it('an unknown team reference', () => {
      assert.strictEqual(only(diagnostics, 'team "nowhere" is not defined').line, 29);
    });

    it('an unknown top-level section is a warning', () => {
      const d = only(diagnostics, 'unknown section "extra"');
      assert.deepStrictEqual([d.line, d.column, d.severity], [30, 1, 'warning']);
    });

    it('keeps exactly the valid entries', () => {
      assert.deepStrictEqual(config.companies.map((c) => c.id), ['globex']);
      assert.deepStrictEqual(config.businessUnits.map((u) => u.id), ['research']);
      assert.deepStrictEqual(config.teams.map((t) => t.id), ['labs']);
      assert.deepStrictEqual(config.people.map((p) => p.email), ['alice@globex.example']);
    });
  });

  it('rejects a team whose business unit is in another company than the one it names', () => {
    const { config, diagnostics } = parse([
      'companies: [{ id: a }, { id: b }]',
      'businessUnits: [{ id: u, company: a }]',
      'teams:',
      '  - { id: t, businessUnit: u, company: b }',
    ].join('\n'));
    assert.strictEqual(only(diagnostics, 'business unit "u" belongs to company "a", not "b"').line, 4);
    assert.deepStrictEqual(config.teams, []);
  });

  it('rejects duplicate GitHub logins, invalid logins, glob aliases and emails without @', () => {
    const { config, diagnostics } = parse([
      'people:',
      '  - { email: a@x.example, github: "@Same" }',
      '  - { email: b@x.example, github: same }',
      '  - { email: c@x.example, github: "-bad-" }',
      '  - { email: d@x.example, aliases: ["*@x.example"] }',
      '  - { email: nobody }',
      '  - { email: e@x.example, aliases: [A@X.example] }',
    ].join('\n'));
    assert.strictEqual(only(diagnostics, 'duplicate GitHub login "same", already listed at line 2').line, 3);
    assert.strictEqual(only(diagnostics, 'not a valid GitHub login').line, 4);
    assert.strictEqual(only(diagnostics, 'must be a plain email address').line, 5);
    assert.strictEqual(only(diagnostics, 'email must contain "@"').line, 6);
    assert.strictEqual(only(diagnostics, 'duplicate email "a@x.example"').line, 7, 'an alias may not claim another person\'s email');
    assert.deepStrictEqual(config.people.map((p) => [p.email, p.github]), [['a@x.example', 'same']]);
  });

  it('warns that name, github and aliases mean nothing on a glob, but keeps the glob', () => {
    const { config, diagnostics } = parse([
      'companies: [{ id: s, domains: [s.example] }]',
      'people:',
      '  - email: "*@s.example"',
      '    company: s',
      '    github: someone',
    ].join('\n'));
    const d = only(diagnostics, '"github" is ignored on an email glob');
    assert.deepStrictEqual([d.line, d.severity], [5, 'warning']);
    assert.deepStrictEqual(config.people, [{ email: '*@s.example', isGlob: true, aliases: [], company: 's' }]);
  });

  it('accepts a team handle written without the @', () => {
    const { config, diagnostics } = parse('companies: [{ id: a }]\nteams: [{ id: t, company: a, github: a/t }]\n');
    assert.deepStrictEqual(diagnostics, []);
    assert.strictEqual(config.teams[0].github, '@a/t');
  });
});

describe('directory email globs that match too much', () => {
  it('warns for a glob matching every address, and for a local part at every domain', () => {
    const text = ['people:', '  - { email: "*@*", team: everyone }', '  - { email: "ops@*.*" }', '  - { email: "*@supplier.example" }', 'teams:', '  - { id: everyone }', ''].join('\n');
    const { config, diagnostics } = parseDirectoryConfig(text, 'd.yml');
    const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.line, d.message]);
    assert.deepStrictEqual(warnings.map(([line]) => line), [2, 3]);
    assert.match(String(warnings[0][1]), /"\*@\*": this glob matches every email address/);
    assert.match(String(warnings[1][1]), /matches "ops" at every domain/);
    assert.strictEqual(config.people.length, 3, 'still loaded: a warning, not an error');
  });
});
