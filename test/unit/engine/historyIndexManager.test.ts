import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HistoryIndexManager, progressInterval, type IndexProgress } from '../../../src/core/engine/historyIndexManager';
import { GitError } from '../../../src/core/git/gitError';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { HistoryIndexStore } from '../../../src/core/git/indexStore';
import { silentLogger } from '../../../src/core/logger';
import { TestRepo } from '../../support/gitRepo';

const ada = { name: 'Ada', email: 'ada@acme.example' };
const bob = { name: 'Bob', email: 'bob@acme.example' };

describe('HistoryIndexManager', () => {
  let repo: TestRepo;
  let storage: string;
  const git = new GitRunner({ logger: silentLogger });

  beforeEach(() => {
    repo = TestRepo.create();
    storage = mkdtempSync(path.join(os.tmpdir(), 'constellation-store-'));
    repo.write('a.txt', 'one\n');
    repo.commit({ author: ada, date: '2026-01-01T00:00:00Z' });
  });

  afterEach(() => {
    repo.dispose();
    rmSync(storage, { recursive: true, force: true });
  });

  it('builds once for concurrent callers and then serves the current index without git', async () => {
    const states: IndexProgress['state'][] = [];
    const manager = new HistoryIndexManager(git, new HistoryIndexStore(storage, silentLogger), silentLogger, (p) => states.push(p.state));
    assert.strictEqual(manager.current(repo.root), undefined);
    const [a, b] = await Promise.all([manager.ensureFresh(repo.root), manager.ensureFresh(repo.root)]);
    assert.strictEqual(a, b, 'both callers got the same index object');
    const buildStarts = states.filter((s, i) => s === 'building' && states[i - 1] !== 'building');
    assert.strictEqual(buildStarts.length, 1);
    assert.strictEqual(manager.current(repo.root), a);
    assert.strictEqual(manager.state(repo.root), 'ready');
  });

  it('updates incrementally after a new commit and persists for the next session', async () => {
    const manager = new HistoryIndexManager(git, new HistoryIndexStore(storage, silentLogger), silentLogger);
    await manager.ensureFresh(repo.root);
    repo.write('b.txt', 'two\n');
    const head = repo.commit({ author: bob, date: '2026-02-01T00:00:00Z' });
    const updated = await manager.ensureFresh(repo.root);
    assert.strictEqual(updated?.head, head);
    assert.ok(updated?.files.get('b.txt')?.contributions.has('bob@acme.example'));

    const states: IndexProgress['state'][] = [];
    const nextSession = new HistoryIndexManager(git, new HistoryIndexStore(storage, silentLogger), silentLogger, (p) => states.push(p.state));
    const loaded = await nextSession.ensureFresh(repo.root);
    assert.strictEqual(loaded?.head, head);
    assert.deepStrictEqual(states, ['loading', 'ready'], 'loaded from disk, no rebuild');
  });

  it('rebuilds from the whole history even when an index is persisted, counting the commits first for a percentage', async () => {
    for (let i = 0; i < 4; i++) repo.write('a.txt', `v${i}\n`).commit({ author: i % 2 ? bob : ada, date: `2026-01-0${i + 2}T00:00:00Z` });
    await new HistoryIndexManager(git, new HistoryIndexStore(storage, silentLogger), silentLogger).ensureFresh(repo.root);
    const reports: IndexProgress[] = [];
    const manager = new HistoryIndexManager(git, new HistoryIndexStore(storage, silentLogger), silentLogger, (p) => reports.push(p));
    await manager.ensureFresh(repo.root);
    assert.strictEqual(manager.lastUpdate(repo.root), 'loaded');
    reports.length = 0;
    const rebuilt = await manager.rebuild(repo.root);
    assert.strictEqual(manager.lastUpdate(repo.root), 'built', 'read again, not loaded from disk');
    assert.ok(!reports.some((p) => p.state === 'loading'));
    assert.strictEqual(rebuilt?.commitCount, 5);
    const building = reports.filter((p) => p.state === 'building');
    assert.ok(building.every((p) => p.commitsTotal === 5), JSON.stringify(building));
    assert.deepStrictEqual([...new Set(building.map((p) => p.commitsRead))], [0, 1, 2, 3, 4, 5], 'five commits: a report per commit');
    await manager.ensureFresh(repo.root);
    assert.strictEqual(manager.lastUpdate(repo.root), 'unchanged', 'once rebuilt, served as usual');
  });

  it('reports about a hundred times per build, at most every 1000 commits', () => {
    assert.deepStrictEqual([0, 1, 34, 100, 101, 5_000, 99_000, 500_000].map(progressInterval), [1, 1, 1, 1, 2, 50, 990, 1000]);
  });

  it('cancels a build through the caller signal', async () => {
    const manager = new HistoryIndexManager(git, undefined, silentLogger);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(manager.ensureFresh(repo.root, controller.signal));
    assert.strictEqual(manager.state(repo.root), 'failed');
    const index = await manager.ensureFresh(repo.root);
    assert.strictEqual(index?.commitCount, 1, 'a later call builds normally');
  });

  describe('cancelled mid-build', function () {
    this.timeout(60_000);
    const COMMITS = 4000;
    let big: TestRepo;

    before(() => {
      big = TestRepo.create();
      big.git(['fast-import', '--quiet'], {}, fastImportHistory(COMMITS));
      big.git(['reset', '-q', '--hard', 'main']);
    });

    after(() => big.dispose());

    /** A manager whose first progress report of a build (commits read > 0) runs `onBuilding`. */
    function managerCalling(onBuilding: () => void): HistoryIndexManager {
      let called = false;
      return new HistoryIndexManager(git, undefined, silentLogger, (p) => {
        if (!called && p.state === 'building' && (p.commitsRead ?? 0) > 0) {
          called = true;
          onBuilding();
        }
      });
    }

    const isAborted = (err: unknown) => err instanceof GitError && err.code === 'Aborted';

    it("a joining caller's abort cancels only its own wait", async () => {
      const joiner = new AbortController();
      const manager = managerCalling(() => joiner.abort());
      const first = manager.ensureFresh(big.root);
      const joined = manager.ensureFresh(big.root, joiner.signal);
      await assert.rejects(joined, isAborted);
      assert.strictEqual((await first)?.commitCount, COMMITS);
    });

    it("the first caller's abort does not cancel the callers that joined", async () => {
      const starter = new AbortController();
      const manager = managerCalling(() => starter.abort());
      const started = manager.ensureFresh(big.root, starter.signal);
      const joined = manager.ensureFresh(big.root, new AbortController().signal);
      await assert.rejects(started, isAborted);
      assert.strictEqual((await joined)?.commitCount, COMMITS);
      assert.strictEqual(manager.lastUpdate(big.root), 'built');
    });

    it('stops the shared build once every waiter has aborted, and a later call builds afresh', async () => {
      const a = new AbortController();
      const b = new AbortController();
      const manager = managerCalling(() => {
        a.abort();
        b.abort();
      });
      const results = await Promise.allSettled([manager.ensureFresh(big.root, a.signal), manager.ensureFresh(big.root, b.signal)]);
      assert.ok(results.every((r) => r.status === 'rejected' && isAborted(r.reason)));
      // The build itself was aborted (its git process killed), not left running for nobody.
      await eventuallyState(manager, big.root, 'failed');
      assert.strictEqual(manager.current(big.root), undefined);
      assert.strictEqual((await manager.ensureFresh(big.root))?.commitCount, COMMITS);
    });
  });
});

async function eventuallyState(manager: HistoryIndexManager, root: string, state: string): Promise<void> {
  for (let i = 0; i < 200 && manager.state(root) !== state; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.strictEqual(manager.state(root), state);
}

/** `count` commits by three authors over a few files, as `git fast-import` input. */
function fastImportHistory(count: number): string {
  const authors = ['Ada <ada@acme.example>', 'Bob <bob@acme.example>', 'Cy <cy@acme.example>'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const identity = `${authors[i % authors.length]} ${1_700_000_000 + i * 3600} +0000`;
    const content = `change ${i}\n`;
    out.push('commit refs/heads/main', `author ${identity}`, `committer ${identity}`, 'data 7', `commit\n`);
    out.push(`M 100644 inline src/file${i % 25}.txt`, `data ${Buffer.byteLength(content)}`, content);
  }
  return out.join('\n') + '\n';
}
