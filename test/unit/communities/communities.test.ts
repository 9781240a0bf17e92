import * as assert from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CommunityIndex, globSpecificity, literalPrefix } from '../../../src/core/communities/communityIndex';
import { loadCommunities } from '../../../src/core/communities/loadCommunities';
import { COMMUNITY_STAGES, ORGANISATION_RELATIONSHIPS, ROLE_KEYS } from '../../../src/core/communities/communityTypes';
import { COMMUNITY_FIELDS, MEMBER_FIELDS, parseCodeArea, parseCommunities } from '../../../src/core/communities/parseCommunities';
import { silentLogger } from '../../../src/core/logger';

const GOOD = `communities:
  - id: api-design
    name: API Design
    domain: HTTP APIs
    description: How we shape public APIs.
    venue: { backend: github-discussions, repository: acme/design, category: API design }
    patterns: github:acme/patterns/api
    codeAreas:
      - "src/**"
      - "src/api/**"
      - "billing-service:src/http/**"
    leadership:
      inspirational: Ada@Example.test
      day-to-day: [bo@example.test, cy@example.test]
      cutting-edge: [dee@example.test]
  - id: payments
    name: Payments guild
    venue: { backend: files, path: ../hub/threads }
    codeAreas: ["src/api/payments/**", "*.md"]
  - id: ops
    name: Ops
    venue: { backend: github-issues, repository: acme/ops, labels: [design] }
    codeAreas: ["deploy/**"]
`;

describe('communities config', () => {
  it('parses communities, venues, code areas and leadership roles', () => {
    const { communities, diagnostics } = parseCommunities(GOOD, 'communities.yml');
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(communities.map((c) => [c.id, c.line]), [['api-design', 2], ['payments', 16], ['ops', 20]]);
    const api = communities[0];
    assert.deepStrictEqual(api.venue, { backend: 'github-discussions', repository: 'acme/design', category: 'API design' });
    assert.deepStrictEqual(api.codeAreas, [{ glob: 'src/**' }, { glob: 'src/api/**' }, { repo: 'billing-service', glob: 'src/http/**' }]);
    assert.deepStrictEqual(api.leadership, { inspirational: ['ada@example.test'], dayToDay: ['bo@example.test', 'cy@example.test'], cuttingEdge: ['dee@example.test'] });
    assert.strictEqual(api.patterns, 'github:acme/patterns/api');
    assert.deepStrictEqual(communities[2].venue, { backend: 'github-issues', repository: 'acme/ops', labels: ['design'] });
  });

  it('reports bad entries with line and column and still loads the rest', () => {
    const text = `communities:
  - id: good
    name: Good
  - name: No id
  - id: bad-venue
    name: Bad venue
    venue: { backend: slack, channel: x }
    leadership:
      mentor: [a@b.c]
      boundary: [not-an-email, z@example.test]
    colour: blue
  - id: good
    name: Duplicate
  - just a string
`;
    const { communities, diagnostics } = parseCommunities(text, 'c.yml');
    assert.deepStrictEqual(communities.map((c) => c.id), ['good', 'bad-venue']);
    assert.strictEqual(communities[1].venue, undefined);
    assert.deepStrictEqual(communities[1].leadership, { boundary: ['z@example.test'] });
    const where = diagnostics.map((d) => [d.line, d.column, d.severity]);
    assert.deepStrictEqual(where, [[4, 5, 'error'], [11, 5, 'warning'], [7, 23, 'error'], [9, 7, 'error'], [10, 17, 'error'], [12, 5, 'error'], [14, 5, 'error']]);
    assert.match(diagnostics[0].message, /needs an "id"/);
    assert.match(diagnostics[2].message, /unknown venue backend "slack"/);
    assert.match(diagnostics[3].message, /unknown leadership role "mentor"/);
    assert.match(diagnostics[5].message, /duplicate community id "good"/);
    assert.ok(diagnostics.every((d) => d.file === 'c.yml'));
  });

  it('reports YAML syntax errors at their position instead of throwing', () => {
    const { diagnostics } = parseCommunities('communities:\n  - id: a\n    name: a: b\n  - id: c\n', 'x.yml');
    assert.ok(diagnostics.length >= 1);
    assert.strictEqual(diagnostics[0].line, 3);
    assert.match(diagnostics[0].message, /nested mappings/i);
    assert.deepStrictEqual(parseCommunities('', 'x.yml'), { communities: [], diagnostics: [] });
    assert.match(parseCommunities('other: 1\n', 'x.yml').diagnostics[0].message, /communities/);
  });

  it('finds the communities of a path, most specific glob first, across repositories', () => {
    const index = new CommunityIndex(parseCommunities(GOOD, 'c.yml').communities, 'shop');
    const ids = (p: string, repo?: string): string[] => index.communitiesForPath(p, repo).map((m) => m.community.id);
    assert.deepStrictEqual(ids('src/api/payments/charge.ts', 'shop'), ['payments', 'api-design']);
    assert.deepStrictEqual(index.communitiesForPath('src/api/users.ts', 'shop').map((m) => m.glob), ['src/api/**']);
    assert.deepStrictEqual(ids('README.md', 'shop'), ['payments']);
    assert.deepStrictEqual(ids('deploy/k8s/app.yaml', 'shop'), ['ops']);
    assert.deepStrictEqual(ids('lib/x.ts', 'shop'), []);
    // Another repository: only prefixed globs apply.
    assert.deepStrictEqual(ids('src/http/server.ts', 'acme/billing-service'), ['api-design']);
    assert.deepStrictEqual(ids('src/api/x.ts', 'billing-service'), []);
    assert.deepStrictEqual(ids('src\\api\\x.ts'), ['api-design']);
  });

  it('ranks globs by literal prefix and tells repo prefixes from globs', () => {
    assert.ok(globSpecificity('src/api/payments/**') > globSpecificity('src/api/**'));
    assert.ok(globSpecificity('src/api/**') > globSpecificity('src/**'));
    assert.ok(globSpecificity('src/*.ts') > globSpecificity('**/*.ts'));
    assert.deepStrictEqual(parseCodeArea('billing:src/**'), { repo: 'billing', glob: 'src/**' });
    assert.deepStrictEqual(parseCodeArea('acme/billing:src/**'), { repo: 'acme/billing', glob: 'src/**' });
    assert.deepStrictEqual(parseCodeArea('src/a/b:c/**'), { glob: 'src/a/b:c/**' });
    assert.deepStrictEqual(parseCodeArea('src/**/x:y'), { glob: 'src/**/x:y' });
    assert.deepStrictEqual(parseCodeArea('*:x'), { glob: '*:x' });
    assert.deepStrictEqual(['src/api/**', 'src/{a,b}/*.ts', 'README.md', '**/*.ts', 'lib/+(x)', 'a\\*b'].map(literalPrefix), ['src/api/', 'src/', 'README.md', '', 'lib/', 'a']);
  });

  it('loads the file from a repository, resolving a files venue path against its root', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'constellation-communities-'));
    try {
      assert.deepStrictEqual(await loadCommunities(root, silentLogger), { communities: [], diagnostics: [] });
      mkdirSync(path.join(root, '.constellation'));
      writeFileSync(path.join(root, '.constellation', 'communities.yml'), GOOD);
      const { communities } = await loadCommunities(root, silentLogger);
      assert.deepStrictEqual(communities[1].venue, { backend: 'files', path: path.resolve(root, '../hub/threads') });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('has a JSON schema that accepts the example and rejects bad venues and roles', () => {
    const schema = JSON.parse(readFileSync(path.resolve('schemas/communities.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    assert.ok(validate(parseYaml(GOOD)), JSON.stringify(validate.errors));
    assert.strictEqual(validate({ communities: [{ id: 'x', name: 'X', venue: { backend: 'slack' } }] }), false);
    assert.strictEqual(validate({ communities: [{ id: 'x', name: 'X', leadership: { mentor: 'a@b.c' } }] }), false);
    assert.strictEqual(validate({ communities: [{ name: 'X' }] }), false);
  });

  it('parses stage, relationship and members, with diagnostics at their lines', () => {
    const text = `communities:
  - id: api
    name: API
    stage: coalescing
    relationship: bootlegged
    members:
      - ada@example.test
      - "@octocat"
      - { github: Hubot, role: coordinator }
      - { email: Bo@Example.test }
  - id: ops
    name: Ops
    stage: activ
    relationship: secret
    members:
      - not an email
      - { role: lead }
      - { email: broken, role: x }
      - { github: ok-login, colour: red }
      - ada@example.test
      - ada@example.test
  - id: lone
    name: Lone
    members: just-one
`;
    const { communities, diagnostics } = parseCommunities(text, 'c.yml');
    const [api, ops, lone] = communities;
    assert.strictEqual(api.stage, 'coalescing');
    assert.strictEqual(api.relationship, 'bootlegged');
    assert.deepStrictEqual(api.members, [
      { email: 'ada@example.test', line: 7 },
      { github: 'octocat', line: 8 },
      { github: 'hubot', role: 'coordinator', line: 9 },
      { email: 'bo@example.test', line: 10 },
    ]);
    assert.strictEqual(ops.stage, undefined);
    assert.strictEqual(ops.relationship, undefined);
    assert.deepStrictEqual(ops.members.map((m) => m.email ?? m.github), ['ok-login', 'ada@example.test']);
    assert.deepStrictEqual(lone.members, []);
    const at = (line: number) => diagnostics.filter((d) => d.line === line).map((d) => `${d.severity}: ${d.message}`);
    assert.match(at(13)[0], /^error: "stage" must be one of potential, coalescing, active, dispersed, memorable \(did you mean "active"\?\)/);
    assert.match(at(14)[0], /^error: "relationship" must be one of unrecognized, bootlegged/);
    assert.match(at(16)[0], /"not an email" is neither an email address nor a GitHub login/);
    assert.match(at(17)[0], /needs an "email" or a "github"/);
    assert.match(at(18)[0], /member email "broken" is not an email address/);
    assert.match(at(19)[0], /^warning: unknown member field "colour"/);
    assert.match(at(21)[0], /^warning: member "ada@example.test" is listed twice/);
    assert.match(at(24)[0], /"members" must be a list/);
    assert.strictEqual(diagnostics.length, 8);
  });

  it('has a JSON schema that agrees with the parser', () => {
    const schema = JSON.parse(readFileSync(path.resolve('schemas/communities.schema.json'), 'utf8')) as {
      properties: { communities: { items: { properties: Record<string, { enum?: string[]; items?: { oneOf: Array<{ properties?: object }> }; properties?: object }> } } };
    };
    const entry = schema.properties.communities.items.properties;
    assert.deepStrictEqual(Object.keys(entry).sort(), [...COMMUNITY_FIELDS].sort(), 'same fields');
    assert.deepStrictEqual(entry.stage.enum, [...COMMUNITY_STAGES]);
    assert.deepStrictEqual(entry.relationship.enum, [...ORGANISATION_RELATIONSHIPS]);
    assert.deepStrictEqual(Object.keys(entry.leadership.properties!).sort(), Object.keys(ROLE_KEYS).filter((k) => !/[A-Z]/.test(k)).sort());
    assert.deepStrictEqual(Object.keys(entry.members.items!.oneOf[1].properties!).sort(), [...MEMBER_FIELDS].sort());

    // Documents the parser accepts without an error are valid for the schema, and the other way round.
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    const documents = [
      GOOD,
      'communities:\n  - { id: a, name: A, stage: memorable, relationship: strategic, members: [a@b.test, octocat, { github: x, role: r }] }\n',
      'communities:\n  - { id: a, name: A, stage: activ }\n',
      'communities:\n  - { id: a, name: A, relationship: Strategic }\n',
      'communities:\n  - { id: a, name: A, members: [{ role: r }] }\n',
      'communities:\n  - { id: a, name: A, members: a@b.test }\n',
      'communities:\n  - { id: a, name: A, members: [{ email: a@b.test, colour: red }] }\n',
      'communities:\n  - { id: a, name: A, leadership: { mentor: a@b.test } }\n',
    ];
    for (const text of documents) {
      const parserErrors = parseCommunities(text, 'x.yml').diagnostics;
      const schemaValid = validate(parseYaml(text));
      assert.strictEqual(schemaValid, parserErrors.length === 0, `${text}\nparser: ${JSON.stringify(parserErrors)}\nschema: ${JSON.stringify(validate.errors)}`);
    }
  });
});

