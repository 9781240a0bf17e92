import * as assert from 'assert';
import { realpathSync } from 'fs';
import * as path from 'path';
import { GitError } from '../../../src/core/git/gitError';
import {
  countCommits,
  findRepository,
  isAncestor,
  isShallow,
  resolveHead,
  resolveRevision,
} from '../../../src/core/git/repository';
import { currentUserEmail } from '../../../src/core/git/repositoryConfig';
import { TestRepo } from '../../support/gitRepo';
import { alice, bob, gitIn, runner, tempDir } from './gitTestKit';

describe('repository queries', () => {
  const git = runner();
  let repo: TestRepo;
  let first: string;
  let second: string;
  before(() => {
    repo = TestRepo.create();
    first = repo.write('src/a.ts', 'a\n').commit({ author: alice, date: '2021-01-01T00:00:00Z' });
    second = repo.write('src/a.ts', 'b\n').commit({ author: bob, date: '2021-01-02T00:00:00Z' });
  });
  after(() => repo.dispose());

  it('counts the commits a revision reaches, merges included', async () => {
    assert.strictEqual(await countCommits(git, repo.root, second), 2);
    assert.strictEqual(await countCommits(git, repo.root, first), 1);
    gitIn(repo.root, ['checkout', '-q', '-b', 'side', first]);
    const side = repo.write('src/b.ts', 'side\n').commit({ author: alice, date: '2021-01-03T00:00:00Z' });
    gitIn(repo.root, ['checkout', '-q', 'main']);
    const merged = repo.merge('side', { author: bob, date: '2021-01-04T00:00:00Z' });
    assert.strictEqual(await countCommits(git, repo.root, merged), 4, 'first, second, side and the merge');
    gitIn(repo.root, ['reset', '-q', '--hard', second]);
    gitIn(repo.root, ['branch', '-q', '-D', 'side']);
    assert.ok(side);
    await assert.rejects(countCommits(git, repo.root, '0'.repeat(40)));
  });

  it('finds the work tree from a folder, a file, and a path not yet on disk', async () => {
    const root = realpathSync(repo.root);
    for (const inside of [repo.root, path.join(repo.root, 'src'), path.join(repo.root, 'src/a.ts'), path.join(repo.root, 'src/new/x.ts')]) {
      const found = await findRepository(git, inside);
      assert.deepStrictEqual(found, { root, gitDir: path.join(root, '.git'), commonDir: path.join(root, '.git'), bare: false }, inside);
    }
    const fromGitDir = await findRepository(git, path.join(repo.root, '.git'));
    assert.strictEqual(fromGitDir?.root, root);
  });

  it('finds a linked worktree: its own git dir holds HEAD, the common one refs and config', async () => {
    const tmp = tempDir();
    try {
      const linked = path.join(tmp.dir, 'linked');
      gitIn(repo.root, ['worktree', 'add', '-q', '--detach', linked]);
      const found = await findRepository(git, path.join(linked, 'src'));
      const root = realpathSync(repo.root);
      assert.deepStrictEqual(found, { root: realpathSync(linked), gitDir: path.join(root, '.git', 'worktrees', 'linked'), commonDir: path.join(root, '.git'), bare: false });
      gitIn(repo.root, ['worktree', 'remove', '--force', linked]);
    } finally {
      tmp.remove();
    }
  });

  it('finds a bare repository by its git dir', async () => {
    const tmp = tempDir();
    try {
      const bare = path.join(tmp.dir, 'bare.git');
      gitIn(tmp.dir, ['clone', '-q', '--bare', repo.root, bare]);
      const found = await findRepository(git, bare);
      assert.deepStrictEqual(found, { root: realpathSync(bare), gitDir: realpathSync(bare), commonDir: realpathSync(bare), bare: true });
      assert.strictEqual(await resolveHead(git, bare), second);
    } finally {
      tmp.remove();
    }
  });

  it('returns undefined outside any repository', async () => {
    const tmp = tempDir();
    try {
      assert.strictEqual(await findRepository(git, tmp.dir), undefined);
      assert.strictEqual(await findRepository(git, path.join(tmp.dir, 'missing', 'file.ts')), undefined);
    } finally {
      tmp.remove();
    }
  });

  it('resolves HEAD, detached HEAD, and nothing in an empty repository', async () => {
    assert.strictEqual(await resolveHead(git, repo.root), second);
    const empty = TestRepo.create();
    const detached = TestRepo.create();
    try {
      assert.strictEqual(await resolveHead(git, empty.root), undefined);
      const c1 = detached.write('f', '1').commit({ author: alice, date: '2021-01-01T00:00:00Z' });
      detached.write('f', '2').commit({ author: alice, date: '2021-01-02T00:00:00Z' });
      detached.git(['checkout', '-q', '--detach', c1]);
      assert.strictEqual(await resolveHead(git, detached.root), c1);
    } finally {
      empty.dispose();
      detached.dispose();
    }
  });

  it('resolves revisions to full shas and rejects unknown ones', async () => {
    assert.strictEqual(await resolveRevision(git, repo.root, 'HEAD~1'), first);
    assert.strictEqual(await resolveRevision(git, repo.root, first.slice(0, 8)), first);
    for (const bad of ['no-such-branch', '--all', '']) {
      await assert.rejects(resolveRevision(git, repo.root, bad), (err: unknown) => err instanceof GitError && err.code === 'BadRevision');
    }
  });

  it('tells ancestry', async () => {
    assert.strictEqual(await isAncestor(git, repo.root, first, second), true);
    assert.strictEqual(await isAncestor(git, repo.root, second, first), false);
  });

  it('reads the configured user email', async () => {
    assert.strictEqual(await currentUserEmail(git, repo.root), 'tester@example.test');
    repo.git(['config', '--unset', 'user.email']);
    const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
    process.env.GIT_CONFIG_GLOBAL = '/dev/null'; // the runner inherits the environment
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    try {
      assert.strictEqual(await currentUserEmail(git, repo.root), undefined);
    } finally {
      restoreEnv('GIT_CONFIG_GLOBAL', saved.global);
      restoreEnv('GIT_CONFIG_NOSYSTEM', saved.nosystem);
      repo.git(['config', 'user.email', 'tester@example.test']);
    }
  });

  it('detects a shallow clone', async () => {
    const tmp = tempDir();
    try {
      const shallow = path.join(tmp.dir, 'shallow');
      gitIn(tmp.dir, ['clone', '-q', '--depth', '1', `file://${repo.root}`, shallow]);
      assert.strictEqual(await isShallow(git, shallow), true);
      assert.strictEqual(await isShallow(git, repo.root), false);
    } finally {
      tmp.remove();
    }
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}
