import * as assert from 'assert';
import { patternSource } from '../../../src/vscode/patterns/sourceLinks';
import { parseFromPanel } from '../../../src/webview/panelMessages';

describe('pattern source links', () => {
  it('maps GitHub files to github.com or the Enterprise host', () => {
    assert.deepStrictEqual(patternSource('acme/patterns@main:docs/retry with space.md'), { kind: 'web', url: 'https://github.com/acme/patterns/blob/main/docs/retry%20with%20space.md' });
    assert.deepStrictEqual(patternSource('acme/p@v1:a.md', 'https://ghe.acme.example/api/v3'), { kind: 'web', url: 'https://ghe.acme.example/acme/p/blob/v1/a.md' });
    assert.deepStrictEqual(patternSource('/work/lib/a.md'), { kind: 'file', path: '/work/lib/a.md' });
    assert.deepStrictEqual(patternSource('github:acme/p'), { kind: 'unknown' });
  });
});

describe('pattern panel messages', () => {
  it('accepts well-formed messages only', () => {
    assert.deepStrictEqual(parseFromPanel({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseFromPanel({ type: 'openExample', index: 2, extra: 'x' }), { type: 'openExample', index: 2 });
    assert.strictEqual(parseFromPanel({ type: 'openExample', index: -1 }), undefined);
    assert.strictEqual(parseFromPanel({ type: 'openUsage', index: 1.5 }), undefined);
    assert.strictEqual(parseFromPanel({ type: 'openPattern', id: '../../etc' }), undefined);
    assert.strictEqual(parseFromPanel({ type: 'openLink', href: 42 }), undefined);
    assert.strictEqual(parseFromPanel({ type: 'runShell' }), undefined);
    assert.strictEqual(parseFromPanel(null), undefined);
  });
});
