import * as assert from 'assert';
import * as path from 'path';
import { buildHistoryIndex, historyLogArgs } from '../../../src/core/git/historyIndexBuilder';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';
import { TestRepo } from '../../support/gitRepo';
import { alice, bob, bobOld, carol, gitIn, recordingLogger, runner, snapshot, tempDir, unix } from './gitTestKit';

const T = {
  add: '2020-01-01T10:00:00Z',
  bobEdit: '2020-02-01T10:00:00Z',
  aliasEdit: '2020-03-01T10:00:00Z',
  rename: '2020-04-01T10:00:00Z',
  remove: '2020-05-01T10:00:00Z',
  feature: '2020-06-01T10:00:00Z',
  mainAdd: '2020-06-15T10:00:00Z',
  merge: '2020-07-01T10:00:00Z',
};

/** The shared story: adds, an aliased author, a rename with edit, a delete, co-authors, a merge. */
function buildStory(): { repo: TestRepo; renameCommit: string } {
  const repo = TestRepo.create();
  repo
    .write('.mailmap', 'Bob Baker <bob@example.test> <bob.old@legacy.test>\n')
    .write('src/a.ts', Array.from({ length: 30 }, (_, i) => `export const a${i} = ${i};\n`).join(''))
    .write('src/b.ts', 'export const b = 1;\n')
    .write('docs/readme.md', '# readme\n')
    .commit({ author: alice, date: T.add, message: 'initial' });
  repo.write('src/a.ts', repo.git(['show', 'HEAD:src/a.ts']) + 'export const bob = 1;\n').commit({ author: bob, date: T.bobEdit });
  repo.write('src/b.ts', 'export const b = 2;\n').commit({ author: bobOld, date: T.aliasEdit });
  repo.move('src/a.ts', 'lib/a.ts');
  repo.write('lib/a.ts', repo.git(['show', 'HEAD:src/a.ts']) + 'export const carol = 1;\n');
  const renameCommit = repo.commit({ author: carol, date: T.rename, message: 'move a to lib' });
  repo.remove('docs/readme.md').commit({ author: alice, date: T.remove });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.write('src/b.ts', 'export const b = 3;\n').commit({
    author: carol,
    date: T.feature,
    trailers: ['Co-authored-by: bobby <Bob.Old@Legacy.test>', 'Co-authored-by: Dan Dev <dan@example.test>'],
  });
  repo.git(['checkout', '-q', 'main']);
  repo.write('src/c.ts', 'export const c = 1;\n').commit({ author: alice, date: T.mainAdd });
  repo.merge('feature', { author: bob, date: T.merge });
  return { repo, renameCommit };
}

describe('history index builder', function () {
  this.timeout(30000);
  const git = runner();
  let repo: TestRepo;
  let renameCommit: string;
  let index: HistoryIndexData;

  before(async () => {
    ({ repo, renameCommit } = buildStory());
    index = await buildHistoryIndex(git, repo.root);
  });
  after(() => repo.dispose());

  it('describes the repository at HEAD', () => {
    assert.strictEqual(index.head, repo.head());
    assert.strictEqual(index.repository, repo.root);
    assert.strictEqual(index.shallow, false);
    assert.strictEqual(index.commitCount, 8);
    assert.ok(Math.abs(index.updatedAt - Date.now() / 1000) < 60);
  });

  it('keeps only files alive at HEAD; the renamed file carries its history', () => {
    assert.deepStrictEqual([...index.files.keys()].sort(), ['.mailmap', 'lib/a.ts', 'src/b.ts', 'src/c.ts']);
    const a = index.files.get('lib/a.ts');
    assert.ok(a);
    assert.strictEqual(a.path, 'lib/a.ts');
    assert.strictEqual(a.creator, alice.email);
    assert.strictEqual(a.totalChanges, 3);
    assert.deepStrictEqual(Object.fromEntries(a.contributions), {
      [alice.email]: { changeTimes: [unix(T.add)], created: true },
      [bob.email]: { changeTimes: [unix(T.bobEdit)], created: false },
      [carol.email]: { changeTimes: [unix(T.rename)], created: false },
    });
  });

  it('maps aliases through .mailmap and credits co-authors (mailmapped too)', () => {
    const b = index.files.get('src/b.ts');
    assert.ok(b);
    assert.strictEqual(b.totalChanges, 3);
    assert.deepStrictEqual(Object.fromEntries(b.contributions), {
      [alice.email]: { changeTimes: [unix(T.add)], created: true },
      [bob.email]: { changeTimes: [unix(T.aliasEdit), unix(T.feature)], created: false },
      [carol.email]: { changeTimes: [unix(T.feature)], created: false },
      'dan@example.test': { changeTimes: [unix(T.feature)], created: false },
    });
    assert.ok(!index.people.has('bob.old@legacy.test'), 'the alias is folded into Bob');
  });

  it('counts merges for activity but not as commits or file changes', () => {
    assert.deepStrictEqual(index.people.get(bob.email), {
      email: bob.email,
      name: 'Bob Baker',
      commits: 3, // own edit, aliased edit, co-authored feature commit; not the merge
      firstActive: unix(T.bobEdit),
      lastActive: unix(T.merge),
    });
    assert.deepStrictEqual(index.people.get('dan@example.test'), {
      email: 'dan@example.test',
      name: 'Dan Dev',
      commits: 1,
      firstActive: unix(T.feature),
      lastActive: unix(T.feature),
    });
    assert.strictEqual(index.people.get(alice.email)?.commits, 3);
    assert.strictEqual(index.files.get('src/c.ts')?.totalChanges, 1, 'the merge adds no change to files');
  });

  it('builds the index as of an older revision with `until`, and at a detached HEAD', async () => {
    const old = await buildHistoryIndex(git, repo.root, { until: renameCommit });
    assert.strictEqual(old.head, renameCommit);
    assert.strictEqual(old.commitCount, 4);
    assert.deepStrictEqual([...old.files.keys()].sort(), ['.mailmap', 'docs/readme.md', 'lib/a.ts', 'src/b.ts']);
    assert.strictEqual(old.people.has('dan@example.test'), false);
    repo.git(['checkout', '-q', '--detach', renameCommit]);
    try {
      const detached = await buildHistoryIndex(git, repo.root);
      assert.deepStrictEqual(snapshot(detached), snapshot(old));
    } finally {
      repo.git(['checkout', '-q', 'main']);
    }
  });

  it('reports progress and the exact git arguments', async () => {
    const seen: number[] = [];
    await buildHistoryIndex(git, repo.root, { onProgress: (n) => seen.push(n) });
    assert.strictEqual(seen[seen.length - 1], 8);
    const args = historyLogArgs('a..b');
    assert.ok(args.includes('--name-status') && args.includes('-M') && args.includes('--use-mailmap') && args.includes('-z'));
    assert.ok(!args.includes('--numstat'));
    assert.deepStrictEqual(args.slice(-2), ['a..b', '--']);
    assert.ok(historyLogArgs(undefined, { renames: false }).includes('--no-renames'));
  });

  it('gives the same index for a bare clone', async () => {
    const tmp = tempDir();
    try {
      const bare = path.join(tmp.dir, 'story.git');
      gitIn(tmp.dir, ['clone', '-q', '--bare', repo.root, bare]);
      const fromBare = await buildHistoryIndex(git, bare);
      assert.deepStrictEqual(snapshot(fromBare), { ...(snapshot(index) as object), repository: bare });
    } finally {
      tmp.remove();
    }
  });

  it('marks a shallow clone and does not credit the cut-off commits with additions', async () => {
    const tmp = tempDir();
    try {
      const shallow = path.join(tmp.dir, 'shallow');
      gitIn(tmp.dir, ['clone', '-q', '--depth', '3', `file://${repo.root}`, shallow]);
      const cut = await buildHistoryIndex(git, shallow);
      assert.strictEqual(cut.shallow, true);
      // merge, the two merged commits, and the delete commit where the clone is cut
      assert.strictEqual(cut.commitCount, 4);
      assert.deepStrictEqual([...cut.files.keys()].sort(), ['src/b.ts', 'src/c.ts'], 'only files changed inside the clone');
      const b = cut.files.get('src/b.ts');
      assert.strictEqual(b?.creator, undefined, 'the add of src/b.ts is outside the clone');
      assert.deepStrictEqual([...(b?.contributions.keys() ?? [])].sort(), [bob.email, carol.email, 'dan@example.test']);
      assert.strictEqual(b?.totalChanges, 1);
      assert.strictEqual(cut.files.get('src/c.ts')?.creator, alice.email);
      assert.strictEqual(cut.people.get(alice.email)?.firstActive, unix(T.remove), 'the cut-off commit still counts as activity');
    } finally {
      tmp.remove();
    }
  });

  it('gives an empty index for an empty repository', async () => {
    const empty = TestRepo.create();
    try {
      const result = await buildHistoryIndex(git, empty.root);
      assert.strictEqual(result.head, '');
      assert.strictEqual(result.commitCount, 0);
      assert.strictEqual(result.files.size, 0);
      assert.strictEqual(result.people.size, 0);
    } finally {
      empty.dispose();
    }
  });

  it('survives a missing blob by leaving its path out of rename detection', async () => {
    const damaged = TestRepo.create();
    try {
      damaged.write('old.txt', Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join('')).commit({ author: alice, date: T.add });
      damaged.move('old.txt', 'new.txt').write('new.txt', damaged.git(['show', 'HEAD:old.txt']) + 'tail\n');
      damaged.commit({ author: bob, date: T.bobEdit });
      const blob = damaged.git(['rev-parse', 'HEAD~1:old.txt']).trim();
      damaged.remove(path.join('.git', 'objects', blob.slice(0, 2), blob.slice(2)));
      const logger = recordingLogger();
      const result = await buildHistoryIndex(runner(logger), damaged.root, { logger });
      assert.ok(logger.lines.some((l) => l.startsWith('warn') && /rename detection skips old\.txt/.test(l)), logger.lines.join('\n'));
      assert.deepStrictEqual([...result.files.keys()], ['new.txt']);
      assert.strictEqual(result.files.get('new.txt')?.creator, bob.email, 'for that path the move is an add');
    } finally {
      damaged.dispose();
    }
  });

  it('rejects an unknown `until` revision with BadRevision', async () => {
    await assert.rejects(buildHistoryIndex(git, repo.root, { until: 'no-such-tag' }), { code: 'BadRevision' });
  });
});
