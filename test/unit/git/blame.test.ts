import * as assert from 'assert';
import { BlameCache, blameRange, parseBlameIncremental } from '../../../src/core/git/blame';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { TestRepo } from '../../support/gitRepo';
import { alice, bob, bobOld, fixture, recordingLogger, unix } from './gitTestKit';

describe('blame', () => {
  let repo: TestRepo;
  const git = new GitRunner({ logger: recordingLogger() });
  before(() => {
    repo = TestRepo.create();
    repo.write('.mailmap', 'Bob Baker <bob@example.test> <bob.old@legacy.test>\n');
    repo.write('src/f.ts', 'l1\nl2\nl3\nl4\n').commit({ author: alice, date: '2022-01-01T00:00:00Z' });
    repo.write('src/f.ts', 'l1\nB2\nB3\nl4\n').commit({ author: bobOld, date: '2022-02-01T00:00:00Z' });
    repo.write('src/f.ts', 'l1\nB2\nB3\nC4\n').commit({ author: bob, date: '2022-03-01T00:00:00Z' });
  });
  after(() => repo.dispose());

  it('parses captured incremental output, counting uncommitted lines apart', () => {
    const clean = parseBlameIncremental(fixture('blame-incremental.out'), 'moved with space.txt', 1, 2);
    assert.strictEqual(clean.totalLines, 2);
    assert.strictEqual(clean.uncommittedLines, 0);
    assert.deepStrictEqual([...clean.linesByPerson.entries()].sort(), [
      ['carl@example.test', 1],
      ['zoe@example.test', 1],
    ]);
    assert.strictEqual(clean.names.get('zoe@example.test'), 'Zoë Ångström', 'the author is mailmapped by git blame');
    const dirty = parseBlameIncremental(fixture('blame-dirty.out'), 'moved with space.txt', 1, 3);
    assert.strictEqual(dirty.totalLines, 3);
    assert.strictEqual(dirty.uncommittedLines, 2);
    assert.deepStrictEqual([...dirty.linesByPerson.entries()], [['zoe@example.test', 1]]);
  });

  it('attributes a range per mailmapped person with their latest time', async () => {
    const summary = await blameRange(git, repo.root, 'src/f.ts', { startLine: 1, endLine: 4 });
    assert.strictEqual(summary.totalLines, 4);
    assert.deepStrictEqual(Object.fromEntries(summary.linesByPerson), { [alice.email]: 1, [bob.email]: 3 });
    assert.strictEqual(summary.names.get(bob.email), 'Bob Baker');
    assert.strictEqual(summary.lastTimeByPerson.get(bob.email), unix('2022-03-01T00:00:00Z'));
    assert.strictEqual(summary.uncommittedLines, 0);
    const part = await blameRange(git, repo.root, 'src/f.ts', { startLine: 2, endLine: 3 });
    assert.deepStrictEqual(Object.fromEntries(part.linesByPerson), { [bob.email]: 2 });
    assert.strictEqual(part.lastTimeByPerson.get(bob.email), unix('2022-02-01T00:00:00Z'));
  });

  it('blames an unsaved buffer: changed lines are uncommitted', async () => {
    const summary = await blameRange(git, repo.root, 'src/f.ts', {
      startLine: 1,
      endLine: 10,
      contents: 'l1\nB2\nmine\nC4\nnew\n',
    });
    assert.strictEqual(summary.totalLines, 5);
    assert.strictEqual(summary.uncommittedLines, 2);
    assert.deepStrictEqual(Object.fromEntries(summary.linesByPerson), { [alice.email]: 1, [bob.email]: 2 });
  });

  it('blames an older revision and clamps a range past the end of the file', async () => {
    const old = await blameRange(git, repo.root, 'src/f.ts', { startLine: 1, endLine: 99, rev: 'HEAD~2' });
    assert.deepStrictEqual(Object.fromEntries(old.linesByPerson), { [alice.email]: 4 });
    assert.strictEqual(old.totalLines, 4);
  });

  it('fails with UnknownPath for a file git does not know', async () => {
    await assert.rejects(blameRange(git, repo.root, 'nope.ts', { startLine: 1, endLine: 2 }), { code: 'UnknownPath' });
  });

  it('caches per head and contents, and forgets a repository on invalidate or HEAD change', async () => {
    const logger = recordingLogger();
    const counting = new GitRunner({ logger });
    const blameCalls = (): number => logger.lines.filter((l) => l.includes('> git blame')).length;
    const cache = new BlameCache();
    const head = repo.head();
    const options = { startLine: 1, endLine: 4 };
    const first = await cache.get(counting, repo.root, head, 'src/f.ts', options);
    const again = await cache.get(counting, repo.root, head, 'src/f.ts', options);
    assert.strictEqual(again, first);
    assert.strictEqual(blameCalls(), 1);
    await cache.get(counting, repo.root, head, 'src/f.ts', { ...options, contents: 'x\n' });
    await cache.get(counting, repo.root, head, 'src/f.ts', { ...options, contents: 'x\n' });
    assert.strictEqual(blameCalls(), 2, 'same buffer, same entry');
    assert.strictEqual(cache.size, 2);

    cache.invalidate(repo.root);
    assert.strictEqual(cache.size, 0);
    await cache.get(counting, repo.root, head, 'src/f.ts', options);
    assert.strictEqual(blameCalls(), 3);

    const moved = repo.write('src/f.ts', 'l1\nB2\nB3\nC4\nA5\n').commit({ author: alice, date: '2022-04-01T00:00:00Z' });
    const fresh = await cache.get(counting, repo.root, moved, 'src/f.ts', { startLine: 1, endLine: 5 });
    assert.strictEqual(cache.size, 1, 'entries of the old HEAD are gone');
    assert.strictEqual(fresh.linesByPerson.get(alice.email), 2);
  });
});
