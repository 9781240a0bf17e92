/**
 * Missing objects: one unreadable blob costs rename detection for its paths only, and indexing a
 * partial clone never contacts its promisor remote (here an unreachable loopback server).
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { TestRepo } from '../../support/gitRepo';
import { alice, bob, carol, gitIn, recordingLogger, runner, tempDir } from './gitTestKit';

const lines = (name: string, n = 40): string => Array.from({ length: n }, (_, i) => `${name} line ${i} with enough text to be similar\n`).join('');

/** Two files renamed with an edit by carol, after alice and bob wrote them. */
function renamedTwice(repo: TestRepo): void {
  repo.write('damaged.txt', lines('damaged')).write('kept.txt', lines('kept')).commit({ author: alice, date: '2024-01-01T10:00:00Z' });
  repo.write('damaged.txt', `${lines('damaged')}bob\n`).write('kept.txt', `${lines('kept')}bob\n`).commit({ author: bob, date: '2024-02-01T10:00:00Z' });
  repo.move('damaged.txt', 'moved/damaged.txt').move('kept.txt', 'moved/kept.txt');
  repo.write('moved/damaged.txt', `${lines('damaged')}bob\ncarol\n`).write('moved/kept.txt', `${lines('kept')}bob\ncarol\n`);
  repo.commit({ author: carol, date: '2024-03-01T10:00:00Z', message: 'move both, with edits' });
}

function missingCount(root: string): number {
  return gitIn(root, ['-c', 'protocol.allow=never', 'rev-list', '--objects', '--missing=print', '--all']).split('\n').filter((l) => l.startsWith('?')).length;
}

describe('history index with missing blobs', function () {
  this.timeout(60_000);

  it('a damaged snapshot loses rename detection only for the path of its missing blob', async () => {
    const repo = TestRepo.create();
    try {
      renamedTwice(repo);
      const blob = repo.git(['rev-parse', 'HEAD~1:damaged.txt']).trim();
      repo.remove(path.join('.git', 'objects', blob.slice(0, 2), blob.slice(2)));
      const logger = recordingLogger();
      const index = await buildHistoryIndex(runner(logger), repo.root, { logger });
      const kept = index.files.get('moved/kept.txt');
      assert.strictEqual(kept?.creator, alice.email, 'the intact rename is still followed');
      assert.deepStrictEqual([...(kept?.contributions.keys() ?? [])].sort(), [alice.email, bob.email, carol.email]);
      assert.strictEqual(kept?.totalChanges, 3);
      const damaged = index.files.get('moved/damaged.txt');
      assert.strictEqual(damaged?.creator, carol.email, 'the path with the missing blob counts as added');
      assert.deepStrictEqual([...index.files.keys()].sort(), ['moved/damaged.txt', 'moved/kept.txt']);
      assert.strictEqual(index.commitCount, 3);
      assert.ok(logger.lines.some((l) => l.startsWith('warn') && l.includes(`first: ${blob}`) && l.includes("skips damaged.txt;")), logger.lines.join('\n'));
      assert.ok(!logger.lines.some((l) => /no rename detection|exact renames only/.test(l)), 'no fallback for the whole history');
    } finally {
      repo.dispose();
    }
  });

  it('a partial clone is indexed without contacting its promisor remote, and without hanging', async () => {
    const source = TestRepo.create();
    const tmp = tempDir();
    const connections: net.Socket[] = [];
    // A promisor that accepts connections and never answers: a fetch would hang here.
    const server = net.createServer((socket) => connections.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      renamedTwice(source);
      source.git(['config', 'uploadpack.allowFilter', 'true']);
      const clone = path.join(tmp.dir, 'partial');
      gitIn(tmp.dir, ['clone', '-q', '--filter=blob:none', `file://${source.root}`, clone]);
      gitIn(clone, ['config', 'remote.origin.url', `http://127.0.0.1:${port}/source.git`]);
      const missing = missingCount(clone);
      assert.ok(missing > 0, 'the clone lacks the old blobs');

      // Control: plain `git log -M` in this clone does try the promisor (so the check below means something).
      const control = spawn('git', ['log', '-M', '--name-status'], { cwd: clone, stdio: 'ignore', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      control.kill('SIGKILL');
      assert.ok(connections.length > 0, 'plain git log fetches lazily');
      const before = connections.length;

      const logger = recordingLogger();
      const started = Date.now();
      const index = await buildHistoryIndex(runner(logger), clone, { logger });
      assert.ok(Date.now() - started < 20_000, 'no hang');
      assert.strictEqual(connections.length, before, 'indexing opened no connection to the promisor');
      assert.strictEqual(missingCount(clone), missing, 'no object was fetched');
      assert.deepStrictEqual([...index.files.keys()].sort(), ['moved/damaged.txt', 'moved/kept.txt']);
      assert.strictEqual(index.commitCount, 3);
      assert.deepStrictEqual([...index.people.keys()].sort(), [alice.email, bob.email, carol.email]);
    } finally {
      connections.forEach((s) => s.destroy());
      server.close();
      source.dispose();
      tmp.remove();
    }
  });
});
