import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { loadDirectory } from '../../../src/core/directory/orgDirectory';
import { parseCodeowners } from '../../../src/core/directory/codeowners';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import type { Placement } from '../../../src/core/directory/types';
import type { Logger } from '../../../src/core/logger';
import { directoryYaml, PEOPLE, YOU } from '../../support/fixtureOrg';
import { fixturePath, readFixture } from './directoryFixtures';

function acme(): OrgDirectory {
  const { config, diagnostics } = parseDirectoryConfig(readFixture('acme', 'directory.yml'), 'directory.yml');
  assert.deepStrictEqual(diagnostics, []);
  const { rules } = parseCodeowners(readFixture('acme', 'CODEOWNERS'), 'CODEOWNERS');
  return new OrgDirectory(config, rules);
}

/** `team/unit/company` ids of a placement, '-' where unknown. */
function where(p: Placement): string {
  return [p.team?.id, p.businessUnit?.id, p.company?.id].map((x) => x ?? '-').join('/');
}

describe('OrgDirectory', () => {
  const dir = acme();

  describe('placementOf resolution order', () => {
    it('1. exact email, case-insensitively, gives the full chain and the entry\'s name and login', () => {
      const p = dir.placementOf({ email: 'ALICE@Acme.Example', name: 'alice (laptop)' });
      assert.strictEqual(where(p), 'checkout/payments/acme');
      assert.strictEqual(p.email, 'alice@acme.example');
      assert.strictEqual(p.name, 'Alice Martin', 'the directory name beats the commit name');
      assert.strictEqual(p.github, 'alicem');
    });

    it('1. an alias places like the main address and reports the main address', () => {
      const p = dir.placementOf({ email: 'alice@old.acme.example' });
      assert.strictEqual(p.email, 'alice@acme.example');
      assert.strictEqual(where(p), 'checkout/payments/acme');
    });

    it('2. a GitHub login when the email is unknown (case-insensitive, @ optional)', () => {
      const p = dir.placementOf({ email: 'carol.personal@mail.example', github: '@CarolDiaz' });
      assert.strictEqual(p.email, 'carol@acme.example');
      assert.strictEqual(where(p), 'fraud/payments/acme');
    });

    it('2. the login read from both no-reply address forms', () => {
      assert.strictEqual(where(dir.placementOf({ email: '1234567+bobchen@users.noreply.github.com' })), 'checkout/payments/acme');
      assert.strictEqual(where(dir.placementOf({ email: 'ErinP@users.noreply.github.com' })), 'platform/-/acme');
      const stranger = dir.placementOf({ email: '99+someone-else@users.noreply.github.com' });
      assert.strictEqual(stranger.github, 'someone-else');
      assert.strictEqual(where(stranger), '-/-/-');
    });

    it('1 before 2: the email wins over a conflicting login', () => {
      assert.strictEqual(where(dir.placementOf({ email: 'dan@acme.example', github: 'alicem' })), 'shipping/logistics/acme');
    });

    it('3. email globs, the most specific one winning', () => {
      assert.strictEqual(where(dir.placementOf({ email: 'sam@supplier.example' })), 'supplier-integration/-/supplier');
      assert.strictEqual(where(dir.placementOf({ email: 'sam@eu.supplier.example' })), 'supplier-eu/-/supplier');
      assert.strictEqual(where(dir.placementOf({ email: 'ops-bot@acme.example' })), 'platform/-/acme');
    });

    it('3 before 4: a glob beats the company domain of the same address', () => {
      // ops-* is an acme.example glob with a team; plain acme.example only knows the company.
      assert.strictEqual(where(dir.placementOf({ email: 'ops-x@acme.example' })), 'platform/-/acme');
      assert.strictEqual(where(dir.placementOf({ email: 'opsx@acme.example' })), '-/-/acme');
    });

    it('4. company by domain, subdomains included, longest domain first', () => {
      assert.strictEqual(where(dir.placementOf({ email: 'zoe@acme.example' })), '-/-/acme');
      assert.strictEqual(where(dir.placementOf({ email: 'zoe@berlin.acme.example' })), '-/-/acme');
      assert.strictEqual(where(dir.placementOf({ email: 'pia@partner.example' })), '-/-/partner');
      assert.strictEqual(where(dir.placementOf({ email: 'zoe@notacme.example' })), '-/-/-', 'a suffix is not a subdomain');
    });

    it('5. nothing: only what the identity itself says', () => {
      const p = dir.placementOf({ email: 'Someone@Elsewhere.example', name: 'Some One' });
      assert.deepStrictEqual(p, { email: 'someone@elsewhere.example', name: 'Some One' });
    });

    it('a listed person without a team still gets their company from the domain', () => {
      const p = dir.placementOf({ email: 'frank@acme.example' });
      assert.strictEqual(where(p), '-/-/acme');
      assert.strictEqual(p.name, 'Frank Moreau');
    });
  });

  it('canonicalEmail merges aliases and no-reply addresses into the main email', () => {
    assert.strictEqual(dir.canonicalEmail('Alice.Martin@ACME.example'), 'alice@acme.example');
    assert.strictEqual(dir.canonicalEmail('alice@old.acme.example'), 'alice@acme.example');
    assert.strictEqual(dir.canonicalEmail('42+alicem@users.noreply.github.com'), 'alice@acme.example');
    assert.strictEqual(dir.canonicalEmail('Unknown@Example.com'), 'unknown@example.com');
  });

  it('answers lookups: teams, units, companies, members', () => {
    assert.strictEqual(dir.teamById('fraud')?.name, 'Fraud Detection');
    assert.strictEqual(dir.businessUnitById('logistics')?.company, 'acme');
    assert.strictEqual(dir.companyById('supplier')?.name, 'Supplier Ltd');
    assert.strictEqual(dir.teamById('nope'), undefined);
    assert.deepStrictEqual(dir.membersOf('checkout').map((p) => p.email), ['alice@acme.example', 'bob@acme.example']);
    assert.strictEqual(dir.people().length, 6, 'globs are not people');
    assert.strictEqual(dir.teamByGitHubHandle('@ACME/Checkout')?.id, 'checkout');
  });

  it('maps CODEOWNERS owners to directory teams', () => {
    assert.deepStrictEqual(dir.teamsOwning('services/fraud/rules.ts').map((t) => t.id), ['fraud']);
    assert.deepStrictEqual(dir.codeownersOf('services/fraud/rules.ts'), ['@acme/fraud', '@caroldiaz']);
    assert.deepStrictEqual(dir.teamsOwning('services/checkout/cart.ts').map((t) => t.id), ['checkout']);
    assert.deepStrictEqual(dir.teamsOwning('services/checkout/vendor/lib.js'), [], 'a rule without owners leaves the path unowned');
    assert.deepStrictEqual(dir.teamsOwning('services/checkout/schema.sql').map((t) => t.id), ['platform']);
    assert.deepStrictEqual(dir.teamsOwning('README.md').map((t) => t.id), ['platform']);
  });

  it('an empty directory places nobody and owns nothing', () => {
    const empty = OrgDirectory.empty();
    assert.deepStrictEqual(empty.placementOf({ email: 'a@b.example' }), { email: 'a@b.example' });
    assert.deepStrictEqual(empty.teamsOwning('x'), []);
  });

  it('agrees with the shared fixture organisation (relationships seen from "you")', () => {
    const { config, diagnostics } = parseDirectoryConfig(directoryYaml(Object.values(PEOPLE)), 'directory.yml');
    assert.deepStrictEqual(diagnostics, []);
    const org = new OrgDirectory(config);
    const you = org.placementOf({ email: YOU.email });
    for (const person of Object.values(PEOPLE)) {
      assert.strictEqual(org.relationship(you, org.placementOf({ email: person.email })), person.relationship, person.key);
    }
  });
});

describe('loadDirectory', () => {
  let root: string;
  const messages: string[] = [];
  const logger: Logger = {
    trace: () => undefined, debug: (m) => messages.push(m), info: (m) => messages.push(m),
    warn: (m) => messages.push(m), error: (m) => messages.push(String(m)),
  };

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'constellation-directory-'));
    messages.length = 0;
  });
  afterEach(async () => fs.rm(root, { recursive: true, force: true }));

  it('gives an empty directory and no diagnostic when there are no files', async () => {
    const { directory, diagnostics } = await loadDirectory(root, { logger });
    assert.deepStrictEqual(diagnostics, []);
    assert.deepStrictEqual(directory.people(), []);
    assert.ok(messages.some((m) => m.startsWith('[directory] ')), 'logs through the tagged logger');
  });

  it('reads the default path and .github/CODEOWNERS, reporting problems of both with absolute file names', async () => {
    await fs.mkdir(path.join(root, '.constellation'));
    await fs.mkdir(path.join(root, '.github'));
    await fs.writeFile(path.join(root, '.constellation', 'directory.yml'), readFixture('acme', 'directory.yml') + 'bogus: 1\n');
    await fs.writeFile(path.join(root, '.github', 'CODEOWNERS'), '/services/ @acme/checkout\n!/services/x @acme/fraud\n');
    const { directory, diagnostics } = await loadDirectory(root, { logger });
    assert.deepStrictEqual(diagnostics.map((d) => [path.relative(root, d.file), d.line, d.severity]), [
      [path.join('.constellation', 'directory.yml'), 56, 'warning'],
      [path.join('.github', 'CODEOWNERS'), 2, 'error'],
    ]);
    assert.strictEqual(directory.placementOf({ email: 'bob@acme.example' }).team?.id, 'checkout');
    assert.deepStrictEqual(directory.teamsOwning('services/a.ts').map((t) => t.id), ['checkout']);
  });

  it('honours a custom directory path, relative or absolute', async () => {
    await fs.writeFile(path.join(root, 'org.yml'), 'companies: [{ id: x, domains: [x.example] }]\n');
    const relative = await loadDirectory(root, { directoryPath: 'org.yml' });
    assert.strictEqual(relative.directory.placementOf({ email: 'a@x.example' }).company?.id, 'x');
    const absolute = await loadDirectory(root, { directoryPath: fixturePath('acme', 'directory.yml') });
    assert.strictEqual(absolute.directory.placementOf({ email: 'a@supplier.example' }).company?.id, 'supplier');
  });

  it('reports a directory path that cannot be read as a file', async () => {
    await fs.mkdir(path.join(root, 'folder.yml'));
    const { diagnostics } = await loadDirectory(root, { directoryPath: 'folder.yml' });
    assert.strictEqual(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /cannot read the directory file/);
  });
});
