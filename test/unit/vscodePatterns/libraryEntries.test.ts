import * as assert from 'assert';
import { libraryEntries, parseLibraryEntry, splitGlob } from '../../../src/vscode/patterns/libraryEntries';

describe('pattern library entries', () => {
  it('splits a glob at its first wildcard segment', () => {
    assert.deepStrictEqual(splitGlob('docs/patterns/**/*.md'), { base: 'docs/patterns', include: ['**/*.md'] });
    assert.deepStrictEqual(splitGlob('*.md'), { base: '', include: ['*.md'] });
    assert.deepStrictEqual(splitGlob('docs/patterns'), { base: 'docs/patterns', include: ['**/*.md'] });
    assert.deepStrictEqual(splitGlob('docs/retry.md'), { base: 'docs', include: ['retry.md'] });
  });

  it('tells GitHub specs, absolute folders and workspace globs apart', () => {
    assert.deepStrictEqual(parseLibraryEntry('github:acme/patterns@v2/docs'), { kind: 'github', spec: 'acme/patterns@v2/docs' });
    assert.deepStrictEqual(parseLibraryEntry('/shared/patterns'), { kind: 'folder', root: '/shared/patterns', include: ['**/*.md'] });
    assert.deepStrictEqual(parseLibraryEntry('/shared/patterns/**/*.md'), { kind: 'folder', root: '/shared/patterns', include: ['**/*.md'] });
    assert.deepStrictEqual(parseLibraryEntry('./docs/patterns/*.md'), { kind: 'workspace', base: 'docs/patterns', include: ['*.md'] });
    assert.strictEqual(parseLibraryEntry('   '), undefined);
  });

  it('puts the default workspace library first and drops repeats', () => {
    const entries = libraryEntries(['.constellation/patterns/**/*.md', 'github:acme/p', 'github:acme/p', '']);
    assert.deepStrictEqual(entries, [
      { kind: 'workspace', base: '.constellation/patterns', include: ['**/*.md'] },
      { kind: 'github', spec: 'acme/p' },
    ]);
  });
});
