import * as assert from 'assert';
import { buildHistoryIndex, updateHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { TestRepo } from '../../support/gitRepo';
import { alice, bob, carol, runner, snapshot } from './gitTestKit';

describe('history index update', function () {
  this.timeout(30000);
  const git = runner();
  let repo: TestRepo;
  beforeEach(() => {
    repo = TestRepo.create();
    repo.write('.mailmap', 'Carol Cook <carol@example.test> <carol.old@legacy.test>\n');
    repo.write('a.txt', 'a\n').write('b.txt', 'b\n').commit({ author: alice, date: '2022-01-01T00:00:00Z' });
    repo.write('a.txt', 'a2\n').commit({ author: bob, date: '2022-01-02T00:00:00Z' });
  });
  afterEach(() => repo.dispose());

  it('returns the same index when HEAD did not move', async () => {
    const index = await buildHistoryIndex(git, repo.root);
    const result = await updateHistoryIndex(git, index);
    assert.strictEqual(result.mode, 'unchanged');
    assert.strictEqual(result.index, index);
  });

  it('reads only new commits and matches a full rebuild, leaving the old index untouched', async () => {
    const index = await buildHistoryIndex(git, repo.root);
    const before = snapshot(index);
    repo.move('a.txt', 'moved/a.txt').write('b.txt', 'b2\n').commit({
      author: bob,
      date: '2022-01-03T00:00:00Z',
      trailers: ['Co-authored-by: Old Carol <carol.old@legacy.test>'], // an alias, folded into Carol
    });
    repo.remove('b.txt').write('c.txt', 'c\n').commit({
      author: carol,
      date: '2022-01-04T00:00:00Z',
      trailers: ['Co-authored-by: Alice Archer <alice@example.test>'],
    });
    repo.git(['checkout', '-q', '-b', 'topic']);
    repo.write('c.txt', 'c2\n').commit({ author: bob, date: '2022-01-05T00:00:00Z' });
    repo.git(['checkout', '-q', 'main']);
    repo.merge('topic', { author: alice, date: '2022-01-06T00:00:00Z' });

    const result = await updateHistoryIndex(git, index);
    assert.strictEqual(result.mode, 'incremental');
    assert.deepStrictEqual(snapshot(result.index), snapshot(await buildHistoryIndex(git, repo.root)));
    assert.deepStrictEqual(snapshot(index), before, 'the input index is not modified');
    assert.strictEqual(result.index.commitCount, 6);
    assert.deepStrictEqual([...result.index.files.keys()].sort(), ['.mailmap', 'c.txt', 'moved/a.txt']);
    assert.strictEqual(result.index.files.get('moved/a.txt')?.creator, alice.email);
    assert.deepStrictEqual([...(result.index.files.get('moved/a.txt')?.contributions.keys() ?? [])].sort(), [
      alice.email,
      bob.email,
      carol.email,
    ]);
    assert.strictEqual(result.index.people.has('carol.old@legacy.test'), false);
  });

  it('rebuilds after an amend and after a reset', async () => {
    const index = await buildHistoryIndex(git, repo.root);
    repo.write('a.txt', 'amended\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--amend', '--no-edit'], { GIT_COMMITTER_DATE: '2022-02-01T00:00:00Z' });
    const amended = await updateHistoryIndex(git, index);
    assert.strictEqual(amended.mode, 'rebuilt');
    assert.strictEqual(amended.index.head, repo.head());
    assert.deepStrictEqual(snapshot(amended.index), snapshot(await buildHistoryIndex(git, repo.root)));

    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    const reset = await updateHistoryIndex(git, amended.index);
    assert.strictEqual(reset.mode, 'rebuilt');
    assert.strictEqual(reset.index.commitCount, 1);
    assert.deepStrictEqual([...(reset.index.files.get('a.txt')?.contributions.keys() ?? [])], [alice.email]);
  });

  it('rebuilds when new commits change .mailmap, so every identity maps the same way', async () => {
    const index = await buildHistoryIndex(git, repo.root);
    repo.write('.mailmap', 'Alice Archer <alice@example.test> <bob@example.test>\n').commit({ author: carol, date: '2022-01-03T00:00:00Z' });
    const result = await updateHistoryIndex(git, index);
    assert.strictEqual(result.mode, 'rebuilt');
    assert.strictEqual(result.index.people.has(bob.email), false, 'Bob is now an alias of Alice');
  });

  it('goes from an empty repository to a built index', async () => {
    const empty = TestRepo.create();
    try {
      const index = await buildHistoryIndex(git, empty.root);
      assert.strictEqual((await updateHistoryIndex(git, index)).mode, 'unchanged');
      empty.write('x', '1').commit({ author: alice, date: '2022-01-01T00:00:00Z' });
      const result = await updateHistoryIndex(git, index);
      assert.strictEqual(result.mode, 'rebuilt');
      assert.strictEqual(result.index.commitCount, 1);
    } finally {
      empty.dispose();
    }
  });
});
