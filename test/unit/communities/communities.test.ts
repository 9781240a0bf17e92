import * as assert from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CommunityIndex, globSpecificity } from '../../../src/core/communities/communityIndex';
import { loadCommunities } from '../../../src/core/communities/loadCommunities';
import { parseCodeArea, parseCommunities } from '../../../src/core/communities/parseCommunities';
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
    assert.deepStrictEqual(parseCodeArea('src/a:b/**'), { glob: 'src/a:b/**' });
    assert.deepStrictEqual(parseCodeArea('*:x'), { glob: '*:x' });
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
});
