import * as assert from 'assert';
import * as net from 'net';
import { GitError } from '../../../src/core/git/gitError';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { TestRepo } from '../../support/gitRepo';
import { alice, recordingLogger, tempDir } from './gitTestKit';

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<GitError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof GitError, `expected a GitError, got ${String(err)}`);
    assert.strictEqual(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected GitError ${code}`);
}

/** A loopback server that accepts connections and never answers: a git call that hangs. */
async function silentServer(): Promise<{
  url: string;
  openedSockets: () => number;
  closedSockets: () => number;
  close: () => Promise<void>;
}> {
  let closed = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => closed++);
    socket.on('error', () => undefined);
    socket.resume(); // read (and ignore) the request, so the end of the connection is seen
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/repo.git`,
    openedSockets: () => sockets.size,
    closedSockets: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('GitRunner', () => {
  let repo: TestRepo;
  before(() => {
    repo = TestRepo.create();
    repo.write('a.txt', 'one\n').commit({ author: alice, date: '2021-01-01T00:00:00Z' });
  });
  after(() => repo.dispose());

  it('runs git and logs the call with its duration', async () => {
    const logger = recordingLogger();
    const git = new GitRunner({ logger });
    const out = await git.run(['rev-parse', 'HEAD'], { cwd: repo.root });
    assert.strictEqual(out.trim(), repo.head());
    assert.ok(logger.lines.some((l) => /^debug > git rev-parse HEAD \[\d+ms\]$/.test(l)), logger.lines.join('\n'));
  });

  it('passes stdin and extra environment', async () => {
    const git = new GitRunner({ logger: recordingLogger() });
    const sha = await git.run(['hash-object', '--stdin'], { cwd: repo.root, input: 'hello\n' });
    assert.strictEqual(sha.trim(), 'ce013625030ba8dba906f756967f9e9ca394464a');
    const name = await git.run(['var', 'GIT_AUTHOR_IDENT'], { cwd: repo.root, env: { GIT_AUTHOR_NAME: 'Env Person' } });
    assert.match(name, /^Env Person </);
  });

  it('streams output in chunks', async () => {
    const git = new GitRunner({ logger: recordingLogger() });
    const chunks: string[] = [];
    await git.stream(['log', '--format=%H'], { cwd: repo.root }, (c) => chunks.push(c));
    assert.strictEqual(chunks.join('').trim(), repo.head());
  });

  it('shares one process between identical concurrent calls', async () => {
    const logger = recordingLogger();
    const git = new GitRunner({ logger });
    const [a, b, c] = await Promise.all([
      git.run(['log', '--format=%H'], { cwd: repo.root }),
      git.run(['log', '--format=%H'], { cwd: repo.root }),
      git.run(['log', '--format=%an'], { cwd: repo.root }),
    ]);
    assert.strictEqual(a, b);
    assert.strictEqual(c.trim(), alice.name);
    assert.strictEqual(logger.lines.filter((l) => l.includes('git log --format=%H')).length, 1);
    await git.run(['log', '--format=%H'], { cwd: repo.root });
    assert.strictEqual(logger.lines.filter((l) => l.includes('git log --format=%H')).length, 2, 'finished calls are not reused');
  });

  it('starts afresh when the shared call was cancelled by all its callers', async () => {
    const git = new GitRunner({ logger: recordingLogger() });
    const controller = new AbortController();
    const cancelled = git.run(['log', '--format=%H'], { cwd: repo.root, signal: controller.signal });
    controller.abort();
    const fresh = git.run(['log', '--format=%H'], { cwd: repo.root });
    await rejectsWith(cancelled, 'Aborted');
    assert.strictEqual((await fresh).trim(), repo.head());
    const third = await git.run(['log', '--format=%H'], { cwd: repo.root });
    assert.strictEqual(third.trim(), repo.head());
  });

  it('fails with NotARepository outside a repository', async () => {
    const tmp = tempDir();
    try {
      const err = await rejectsWith(new GitRunner({ logger: recordingLogger() }).run(['log'], { cwd: tmp.dir }), 'NotARepository');
      assert.strictEqual(err.exitCode, 128);
      assert.match(err.stderr, /not a git repository/);
      assert.deepStrictEqual(err.args, ['log']);
    } finally {
      tmp.remove();
    }
  });

  it('fails with BadRevision on an unknown revision', async () => {
    await rejectsWith(new GitRunner({ logger: recordingLogger() }).run(['log', 'no-such-branch'], { cwd: repo.root }), 'BadRevision');
  });

  it('fails with GitNotFound and a clear message when git is missing', async () => {
    const git = new GitRunner({ logger: recordingLogger(), gitPath: '/nonexistent/git' });
    const err = await rejectsWith(git.run(['version'], { cwd: repo.root }), 'GitNotFound');
    assert.match(err.message, /Git was not found at '\/nonexistent\/git'/);
    assert.strictEqual(await git.isAvailable(), false);
  });

  it('reports availability and version of the real git', async () => {
    const git = new GitRunner({ logger: recordingLogger() });
    assert.strictEqual(await git.isAvailable(), true);
    assert.match(await git.version(), /^\d+\.\d+/);
  });

  it('kills git on timeout and on abort', async () => {
    const server = await silentServer();
    try {
      const git = new GitRunner({ logger: recordingLogger() });
      const started = Date.now();
      await rejectsWith(git.run(['ls-remote', server.url], { cwd: repo.root, timeoutMs: 1000 }), 'Timeout');
      assert.ok(Date.now() - started < 5000, 'returned soon after the timeout');

      const controller = new AbortController();
      const pending = git.stream(['ls-remote', server.url], { cwd: repo.root, timeoutMs: 0, signal: controller.signal }, () => undefined);
      await waitFor(() => server.openedSockets() >= 2);
      controller.abort();
      await rejectsWith(pending, 'Aborted');
      // the killed processes (and their http helpers) drop their connections
      await waitFor(() => server.closedSockets() >= 2);
      assert.ok(server.closedSockets() >= 2, 'both git processes were killed');
      await rejectsWith(git.run(['log'], { cwd: repo.root, signal: AbortSignal.abort() }), 'Aborted');
    } finally {
      await server.close();
    }
  });

  it('keeps a shared call alive while one caller aborts', async () => {
    const server = await silentServer();
    try {
      const git = new GitRunner({ logger: recordingLogger() });
      const controller = new AbortController();
      const patient = git.run(['ls-remote', server.url], { cwd: repo.root, timeoutMs: 1500 });
      const impatient = git.run(['ls-remote', server.url], { cwd: repo.root, timeoutMs: 1500, signal: controller.signal });
      controller.abort();
      await rejectsWith(impatient, 'Aborted');
      await rejectsWith(patient, 'Timeout');
    } finally {
      await server.close();
    }
  });
});
