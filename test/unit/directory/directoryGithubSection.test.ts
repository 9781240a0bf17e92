import * as assert from 'assert';
import { readFileSync } from 'fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { repoFile } from './directoryFixtures';

const BASE = [
  'companies:',
  '  - { id: acme, name: Acme, domains: [acme.example] }',
  'businessUnits:',
  '  - { id: payments, name: Payments, company: acme, githubTeams: ["@acme/payments", "acme/billing"] }',
  '  - { id: infra, name: Infra, company: acme, githubTeams: ["@acme/billing", "not a handle"] }',
].join('\n');

describe('directory.yml: github: and export: sections, githubTeams', () => {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(repoFile('schemas', 'directory.schema.json'), 'utf8')) as object);

  it('reads the organisation, its company, the parent-team rule and the export identities', () => {
    const text = `${BASE}\ngithub:\n  organization: Acme\n  company: acme\n  parentTeams: teams\nexport:\n  identities: login\n`;
    const { config, diagnostics } = parseDirectoryConfig(text, 'd.yml');
    assert.deepStrictEqual(config.github, { organization: 'acme', company: 'acme', parentTeams: 'teams' });
    assert.deepStrictEqual(config.export, { identities: 'login' });
    assert.deepStrictEqual(config.businessUnits[0].githubTeams, ['@acme/payments', '@acme/billing']);
    assert.deepStrictEqual(config.businessUnits[1].githubTeams, [], 'a team forms one unit only; bad handles are dropped');
    assert.deepStrictEqual(diagnostics.map((d) => [d.line, d.message]), [
      [5, 'business unit "infra": team "@acme/billing" already forms business unit "payments" (ignored here)'],
      [5, 'business unit "infra": "not a handle" is not a team handle like "@org/team" (ignored)'],
    ]);
  });

  it('reports bad sections at their line and falls back safely', () => {
    const text = `${BASE}\ngithub:\n  organization: "-bad-"\n  company: nowhere\nexport:\n  identities: everything\n`;
    const { config, diagnostics } = parseDirectoryConfig(text, 'd.yml');
    assert.strictEqual(config.github, undefined);
    assert.deepStrictEqual(config.export, { identities: 'hashed' }, 'an unknown mode means the strictest');
    const messages = diagnostics.map((d) => `${d.line}: ${d.message}`);
    assert.ok(messages.some((m) => /^7: github: "-bad-" is not a GitHub organisation login/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^8: github: company "nowhere" is not defined/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^10: export: identities must be "full", "login" or "hashed", found "everything"; "hashed" applies/.test(m)), messages.join('\n'));
  });

  it('the published schema accepts the sections and rejects the same mistakes', () => {
    assert.strictEqual(validate(parse(BASE)), false, '"not a handle" is no team handle');
    assert.ok(validate(parse(`${BASE.replace(', "not a handle"', '')}\ngithub: { organization: acme, parentTeams: businessUnits }\nexport: { identities: hashed }\n`)), JSON.stringify(validate.errors));
    assert.strictEqual(validate(parse('github: { organization: acme, parentTeams: sometimes }\n')), false);
    assert.strictEqual(validate(parse('export: { identities: everything }\n')), false);
    assert.strictEqual(validate(parse('github: { company: acme }\n')), false, 'organization is required');
  });
});
