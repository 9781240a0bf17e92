import * as assert from 'assert';
import { copyCoChange, forEachCoChange, MAX_CO_CHANGE_FILES, type CoChangeData } from '../../../src/core/git/coChange';
import { buildHistoryIndex, updateHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { HistoryIndexStore } from '../../../src/core/git/indexStore';
import { TestRepo } from '../../support/gitRepo';
import { alice, bob, recordingLogger, runner, tempDir } from './gitTestKit';

/** Every kept commit as its time and sorted current paths. */
function sets(data: CoChangeData | undefined): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  if (data) forEachCoChange(data, 0, (time, paths) => out.push([time, [...paths].sort()]));
  return out;
}

const t = (iso: string): number => Date.parse(iso) / 1000;

describe('co-change data of the history index', function () {
  this.timeout(30000);
  const git = runner();
  let repo: TestRepo;
  beforeEach(() => {
    repo = TestRepo.create();
    repo.write('a.ts', 'a\n').write('b.ts', 'b\n').commit({ author: alice, date: '2022-01-01T00:00:00Z' });
    repo.write('a.ts', 'a2\n').commit({ author: bob, date: '2022-01-02T00:00:00Z' }); // one file: nothing to couple
  });
  afterEach(() => repo.dispose());

  it('records which files changed together, following renames and dropping deleted files', async () => {
    repo.move('a.ts', 'src/a.ts').write('c.ts', 'c\n').commit({ author: bob, date: '2022-01-03T00:00:00Z' });
    repo.write('src/a.ts', 'a3\n').write('b.ts', 'b2\n').commit({ author: alice, date: '2022-01-04T00:00:00Z' });
    repo.remove('c.ts').write('b.ts', 'b3\n').commit({ author: alice, date: '2022-01-05T00:00:00Z' });
    const index = await buildHistoryIndex(git, repo.root);
    assert.deepStrictEqual(sets(index.coChange), [
      [t('2022-01-01T00:00:00Z'), ['b.ts', 'src/a.ts']], // the first commit's a.ts is today's src/a.ts
      [t('2022-01-04T00:00:00Z'), ['b.ts', 'src/a.ts']],
      // 01-03 (rename + c.ts) and 01-05 (c.ts deleted + b.ts) only keep one live file each.
    ]);
  });

  it('leaves out merges and mass changes', async () => {
    repo.git(['checkout', '-q', '-b', 'topic']);
    repo.write('a.ts', 'x\n').write('b.ts', 'y\n').commit({ author: bob, date: '2022-01-03T00:00:00Z' });
    repo.git(['checkout', '-q', 'main']);
    repo.write('d.ts', 'd\n').commit({ author: alice, date: '2022-01-04T00:00:00Z' });
    repo.merge('topic', { author: alice, date: '2022-01-05T00:00:00Z' });
    for (let i = 0; i <= MAX_CO_CHANGE_FILES; i++) repo.write(`mass/${i}.ts`, `${i}\n`);
    repo.commit({ author: alice, date: '2022-01-06T00:00:00Z' });
    const index = await buildHistoryIndex(git, repo.root);
    assert.deepStrictEqual(sets(index.coChange).map(([time]) => time), [t('2022-01-01T00:00:00Z'), t('2022-01-03T00:00:00Z')]);
  });

  it('is extended by an incremental update exactly as a rebuild would build it, without touching the old index', async () => {
    const index = await buildHistoryIndex(git, repo.root);
    const before = copyCoChange(index.coChange!);
    repo.move('b.ts', 'lib/b.ts').write('a.ts', 'a3\n').commit({ author: alice, date: '2022-01-03T00:00:00Z' });
    repo.write('lib/b.ts', 'b4\n').write('a.ts', 'a4\n').commit({ author: bob, date: '2022-01-04T00:00:00Z' });
    const updated = await updateHistoryIndex(git, index);
    assert.strictEqual(updated.mode, 'incremental');
    assert.deepStrictEqual(sets(updated.index.coChange), sets((await buildHistoryIndex(git, repo.root)).coChange));
    assert.deepStrictEqual(sets(updated.index.coChange).map(([, paths]) => paths), [['a.ts', 'lib/b.ts'], ['a.ts', 'lib/b.ts'], ['a.ts', 'lib/b.ts']]);
    assert.deepStrictEqual(index.coChange, before);
  });

  it('is persisted with the index and rejected when corrupt', async () => {
    repo.write('a.ts', 'a3\n').write('b.ts', 'b3\n').commit({ author: alice, date: '2022-01-03T00:00:00Z' });
    const index = await buildHistoryIndex(git, repo.root);
    const storage = tempDir('constellation-cochange-');
    try {
      const logger = recordingLogger();
      const store = new HistoryIndexStore(storage.dir, logger);
      await store.save(index);
      const loaded = await store.load(repo.root);
      assert.deepStrictEqual(loaded?.coChange, index.coChange);
      const file = store.fileFor(repo.root);
      const { readFileSync, writeFileSync } = await import('fs');
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      stored.coChange.fileIds.push(99);
      writeFileSync(file, JSON.stringify(stored));
      assert.strictEqual(await store.load(repo.root), undefined);
      assert.match(logger.lines.join('\n'), /corrupt/);
    } finally {
      storage.remove();
    }
  });
});
