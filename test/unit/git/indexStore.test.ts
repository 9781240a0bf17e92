import * as assert from 'assert';
import { promises as fs } from 'fs';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { HISTORY_INDEX_FORMAT_VERSION, HistoryIndexStore } from '../../../src/core/git/indexStore';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';
import { TestRepo } from '../../support/gitRepo';
import { alice, bob, recordingLogger, runner, snapshot, tempDir } from './gitTestKit';

describe('history index store', () => {
  let repo: TestRepo;
  let index: HistoryIndexData;
  let storage: { dir: string; remove: () => void };
  before(async () => {
    repo = TestRepo.create();
    repo.write('ä b/"q".txt', '1\n').write('gone.txt', 'x').commit({ author: alice, date: '2022-01-01T00:00:00Z' });
    repo.write('ä b/"q".txt', '2\n').commit({ author: bob, date: '2022-01-03T00:00:00Z', trailers: ['Co-authored-by: Alice Archer <alice@example.test>'] });
    repo.write('ä b/"q".txt', '3\n').commit({ author: alice, date: '2021-12-01T00:00:00Z' }); // backdated
    repo.remove('gone.txt').commit({ author: bob, date: '2022-01-04T00:00:00Z' });
    index = await buildHistoryIndex(runner(), repo.root);
  });
  beforeEach(() => {
    storage = tempDir('constellation-store-');
  });
  afterEach(() => storage.remove());
  after(() => repo.dispose());

  it('round-trips an index exactly', async () => {
    const store = new HistoryIndexStore(storage.dir, recordingLogger());
    await store.save(index);
    const loaded = await store.load(repo.root);
    assert.ok(loaded);
    assert.deepStrictEqual(snapshot(loaded), snapshot(index));
    assert.strictEqual(loaded.updatedAt, index.updatedAt);
    assert.deepStrictEqual(index.files.get('ä b/"q".txt')?.contributions.get(alice.email)?.changeTimes.length, 3);
  });

  it('returns undefined for a missing index without complaint', async () => {
    const logger = recordingLogger();
    assert.strictEqual(await new HistoryIndexStore(storage.dir, logger).load(repo.root), undefined);
    assert.deepStrictEqual(logger.lines, []);
  });

  const damage: [string, (text: string) => string][] = [
    ['corrupt', (t) => t.replace(/[[\]{}]/g, '#')],
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['foreign', () => JSON.stringify({ kind: 'something-else', formatVersion: HISTORY_INDEX_FORMAT_VERSION })],
    ['of another version', (t) => t.replace(`"formatVersion":${HISTORY_INDEX_FORMAT_VERSION}`, '"formatVersion":0')],
    ['of another repository', (t) => t.replace(JSON.stringify(repo.root), JSON.stringify('/elsewhere'))],
    ['with a dangling person reference', (t) => t.replace(/"people":\[.*?\]\],/, '"people":[],')],
    ['empty', () => ''],
  ];
  for (const [what, spoil] of damage) {
    it(`returns undefined and logs for a file ${what}`, async () => {
      const logger = recordingLogger();
      const store = new HistoryIndexStore(storage.dir, logger);
      await store.save(index);
      const file = store.fileFor(repo.root);
      const spoiled = spoil(await fs.readFile(file, 'utf8'));
      await fs.writeFile(file, spoiled);
      assert.strictEqual(await store.load(repo.root), undefined);
      assert.ok(logger.lines.some((l) => /^(warn|info) Ignoring/.test(l)), logger.lines.join('\n'));
    });
  }

  it('keeps one file per repository', async () => {
    const store = new HistoryIndexStore(storage.dir, recordingLogger());
    assert.notStrictEqual(store.fileFor('/a/repo'), store.fileFor('/a/repo2'));
    assert.strictEqual(store.fileFor('/a/repo'), store.fileFor('/a/repo/'));
  });
});
