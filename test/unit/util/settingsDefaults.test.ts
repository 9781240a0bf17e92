import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { SETTING_DEFAULTS } from '../../../src/core/settingsDefaults';

describe('setting defaults, defined once', () => {
  it('match what package.json contributes, setting by setting', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: Array<{ properties: Record<string, { default: unknown; scope?: string }> }> };
    };
    const declared = Object.fromEntries(manifest.contributes.configuration.flatMap((s) => Object.entries(s.properties)).map(([key, v]) => [key.replace(/^constellation\./, ''), v]));
    assert.deepStrictEqual(Object.keys(declared).sort(), Object.keys(SETTING_DEFAULTS).sort());
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) assert.deepStrictEqual(declared[key].default, value, key);
    assert.strictEqual(declared['github.apiUrl'].scope, 'application', 'a workspace cannot redirect the token');
    assert.strictEqual(declared['github.enterpriseUri'].scope, 'application');
  });
});
