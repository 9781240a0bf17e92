import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HistoryIndexManager, type IndexProgress } from '../../../src/core/engine/historyIndexManager';
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

  it('cancels a build through the caller signal', async () => {
    const manager = new HistoryIndexManager(git, undefined, silentLogger);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(manager.ensureFresh(repo.root, controller.signal));
    assert.strictEqual(manager.state(repo.root), 'failed');
    const index = await manager.ensureFresh(repo.root);
    assert.strictEqual(index?.commitCount, 1, 'a later call builds normally');
  });
});
