import * as assert from 'assert';
import { readFileSync } from 'fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { directoryYaml, DEMO_PEOPLE, PEOPLE } from '../../support/fixtureOrg';
import { readFixture, repoFile } from './directoryFixtures';

describe('schemas/directory.schema.json', () => {
  const schema = JSON.parse(readFileSync(repoFile('schemas', 'directory.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('accepts the sample directories', () => {
    const samples = {
      acme: readFixture('acme', 'directory.yml'),
      'shared fixture org': directoryYaml([...Object.values(PEOPLE), ...DEMO_PEOPLE]),
    };
    for (const [name, text] of Object.entries(samples)) {
      assert.ok(validate(parse(text)), `${name}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
  });

  it('rejects the broken directory, for the same kinds of reasons the parser reports', () => {
    assert.strictEqual(validate(parse(readFixture('broken', 'directory.yml'))), false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    for (const expected of ['/companies/0/domains', '/teams/1/github', '/people/3/email', '/people/4', '/people/5/aliases']) {
      assert.ok(paths.includes(expected), `${expected} not in ${paths.join(', ')}`);
    }
    assert.ok((validate.errors ?? []).some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'extra'));
  });
});
