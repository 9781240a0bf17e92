import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { loadFolderLibrary } from '../../../src/core/patterns/sources/folderSource';
import { ParsedFileCache, RACY_WINDOW_MS, type FileStamp } from '../../../src/core/patterns/sources/parsedFileCache';
import { patternDoc, tempDir } from './helpers';

const HOUR_AGO = new Date(Date.now() - 3_600_000);
/** A clock far enough ahead that every file of the test is older than the racy window. */
const later = () => Date.now() + 2 * RACY_WINDOW_MS;

async function library(files: Record<string, string>): Promise<string> {
  const root = await tempDir('constellation-parsed-cache-');
  for (const [name, text] of Object.entries(files)) {
    await fs.writeFile(path.join(root, name), text);
    await fs.utimes(path.join(root, name), HOUR_AGO, HOUR_AGO);
  }
  return root;
}

const titles = (lib: Awaited<ReturnType<typeof loadFolderLibrary>>) => lib.patterns.map((p) => `${p.id}: ${p.title}`);

describe('parsed pattern files kept between loads', () => {
  const stamp: FileStamp = { size: 10, mtimeMs: 1_000, ctimeMs: 1_000, ino: 7 };
  const parsed = { diagnostics: [] };

  it('answers only for the same size, times and inode, and never for a file changed just now', () => {
    const cache = new ParsedFileCache(() => 1_000 + RACY_WINDOW_MS);
    cache.set('/lib/a.md', 'lib', stamp, parsed);
    assert.strictEqual(cache.get('/lib/a.md', 'lib', { ...stamp }), parsed);
    for (const changed of [{ size: 11 }, { mtimeMs: 1_001 }, { ctimeMs: 1_002 }, { ino: 8 }]) {
      assert.strictEqual(cache.get('/lib/a.md', 'lib', { ...stamp, ...changed }), undefined, JSON.stringify(changed));
    }
    assert.strictEqual(cache.get('/lib/a.md', 'other library', stamp), undefined);
    const racy = new ParsedFileCache(() => 1_000 + RACY_WINDOW_MS - 1);
    racy.set('/lib/a.md', 'lib', stamp, parsed);
    assert.strictEqual(racy.get('/lib/a.md', 'lib', stamp), undefined);
    assert.strictEqual(racy.size, 0);
  });

  it('serves unchanged files from the cache and gives the same library as a load without it', async () => {
    const root = await library({ 'a.md': patternDoc('alpha'), 'b.md': patternDoc('beta', 'related: [gamma]') });
    try {
      const cache = new ParsedFileCache(later);
      const first = await loadFolderLibrary({ root, cache });
      const second = await loadFolderLibrary({ root, cache });
      assert.deepStrictEqual(second, await loadFolderLibrary({ root }));
      assert.strictEqual(cache.size, 2);
      second.patterns.forEach((p, i) => assert.strictEqual(p, first.patterns[i], 'served from the cache'));
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('never serves stale content: same size and modification time, a replaced file, a grown one, a deleted one', async () => {
    const root = await library({ 'a.md': patternDoc('alpha'), 'b.md': patternDoc('beta'), 'c.md': patternDoc('gamma') });
    try {
      const cache = new ParsedFileCache(later);
      assert.deepStrictEqual(titles(await loadFolderLibrary({ root, cache })), ['alpha: alpha title', 'beta: beta title', 'gamma: gamma title']);
      // Same length, modification time set back to the old one: only the change time tells.
      await fs.writeFile(path.join(root, 'a.md'), patternDoc('alpha').replace('alpha title', 'ALPHA title'));
      await fs.utimes(path.join(root, 'a.md'), HOUR_AGO, HOUR_AGO);
      // Replaced by a rename, the way editors save atomically.
      await fs.writeFile(path.join(root, 'b.tmp'), patternDoc('beta').replace('beta title', 'BETA title'));
      await fs.utimes(path.join(root, 'b.tmp'), HOUR_AGO, HOUR_AGO);
      await fs.rename(path.join(root, 'b.tmp'), path.join(root, 'b.md'));
      await fs.rm(path.join(root, 'c.md'));
      await fs.writeFile(path.join(root, 'd.md'), patternDoc('delta'));
      assert.deepStrictEqual(titles(await loadFolderLibrary({ root, cache })), ['alpha: ALPHA title', 'beta: BETA title', 'delta: delta title']);
      assert.strictEqual(cache.size, 3, 'the deleted file is forgotten');
      await fs.appendFile(path.join(root, 'a.md'), '\nmore body');
      const grown = await loadFolderLibrary({ root, cache });
      assert.match(grown.patterns[0].body, /more body$/);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('does not keep a file written in the last seconds (its next edit could get the same times)', async () => {
    const root = await tempDir('constellation-parsed-cache-');
    try {
      await fs.writeFile(path.join(root, 'a.md'), patternDoc('alpha'));
      const cache = new ParsedFileCache();
      const first = await loadFolderLibrary({ root, cache });
      const second = await loadFolderLibrary({ root, cache });
      assert.strictEqual(cache.size, 0);
      assert.notStrictEqual(second.patterns[0], first.patterns[0]);
      assert.deepStrictEqual(second, first);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('forgets the libraries that left the configured set, and keeps the others', async () => {
    const kept = await library({ 'a.md': patternDoc('alpha') });
    const removed = await library({ 'b.md': patternDoc('beta'), 'c.md': patternDoc('gamma') });
    try {
      const cache = new ParsedFileCache(later);
      await loadFolderLibrary({ root: kept, cache });
      await loadFolderLibrary({ root: removed, cache });
      assert.deepStrictEqual([...cache.sources()].sort(), [`folder:${kept}`, `folder:${removed}`].sort());
      cache.retainSources(new Set([`folder:${kept}`]));
      assert.deepStrictEqual([...cache.sources()], [`folder:${kept}`]);
      assert.strictEqual(cache.size, 1);
      const again = await loadFolderLibrary({ root: kept, cache });
      assert.deepStrictEqual(titles(again), ['alpha: alpha title'], 'the library still loads from its kept entry');
    } finally {
      await fs.rm(kept, { recursive: true, force: true });
      await fs.rm(removed, { recursive: true, force: true });
    }
  });

  it('is bounded by entries and by bytes of source, the least recently used out first', () => {
    const clock = () => 1_000 + RACY_WINDOW_MS;
    const byCount = new ParsedFileCache(clock, { maxEntries: 2 });
    byCount.set('/lib/a.md', 'lib', stamp, parsed);
    byCount.set('/lib/b.md', 'lib', stamp, parsed);
    assert.strictEqual(byCount.get('/lib/a.md', 'lib', stamp), parsed, 'a is now the most recently used');
    byCount.set('/lib/c.md', 'lib', stamp, parsed);
    assert.strictEqual(byCount.size, 2);
    assert.strictEqual(byCount.get('/lib/b.md', 'lib', stamp), undefined, 'b, the least recently used, went out');
    assert.strictEqual(byCount.get('/lib/a.md', 'lib', stamp), parsed);
    const bySize = new ParsedFileCache(clock, { maxBytes: 25 });
    bySize.set('/lib/a.md', 'lib', stamp, parsed);
    bySize.set('/lib/b.md', 'lib', stamp, parsed);
    bySize.set('/lib/c.md', 'lib', stamp, parsed);
    assert.strictEqual(bySize.size, 2, 'three files of 10 bytes do not fit in 25');
    bySize.set('/lib/big.md', 'lib', { ...stamp, size: 100 }, parsed);
    assert.strictEqual(bySize.get('/lib/big.md', 'lib', { ...stamp, size: 100 }), undefined, 'a file over the whole budget is not kept');
    assert.strictEqual(bySize.size, 2);
  });
});
