import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { splitFrontMatter } from '../../../src/core/patterns/frontMatter';
import { fixtureLibrary, repoRoot } from './helpers';

describe('pattern JSON schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', 'pattern.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('accepts the front matter of every fixture pattern', () => {
    const files = fs.readdirSync(fixtureLibrary(), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && !f.endsWith('README.md'));
    assert.strictEqual(files.length, 10);
    for (const file of files) {
      const split = splitFrontMatter(fs.readFileSync(path.join(fixtureLibrary(), file), 'utf8'));
      assert.ok(split.ok, file);
      const ok = validate(parseYaml(split.document.yaml));
      assert.ok(ok, `${file}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('rejects what the loader rejects', () => {
    const base = { id: 'a', title: 'A', summary: 's', community: 'c', status: 'adopted' };
    assert.ok(validate({ ...base, anything: { kept: true } }));
    assert.ok(!validate({ ...base, id: 'Not_Kebab' }));
    assert.ok(!validate({ ...base, status: 'adoptd' }));
    assert.ok(!validate({ ...base, related: ['Bad Id'] }));
    assert.ok(!validate({ ...base, examples: ['/abs#L1'] }));
    assert.ok(!validate({ ...base, maintainers: ['not an email!'] }));
    assert.ok(!validate({ title: 'A' }));
  });
});
