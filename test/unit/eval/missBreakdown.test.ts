import * as assert from 'assert';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { prepareRepo } from '../../../bench/eval/evaluate';
import { modelMethod } from '../../../bench/eval/fileMethods';
import { breakdownTable, missBreakdown, pooledBreakdown } from '../../../bench/eval/missBreakdown';
import { prepareRealDataset } from '../../../bench/eval/realDataset';
import { TestRepo, type TestAuthor } from '../../support/gitRepo';

const git = new GitRunner({ logger: silentLogger });
const person = (name: string): TestAuthor => ({ name, email: `${name.toLowerCase()}@team.test` });
const DAY = 86_400_000;
const day = (n: number): string => new Date(Date.UTC(2022, 0, 1) + n * DAY).toISOString();

describe('where the model misses', () => {
  let repo: TestRepo;
  const [alice, bob, carol] = ['Alice', 'Bob', 'Carol'].map(person);

  before(() => {
    repo = TestRepo.create();
    // Before the cut-off (day 135): Alice keeps a.ts, Bob keeps lib/b.ts; never in one commit.
    for (let i = 0; i < 4; i++) {
      repo.write('a.ts', `a${i}\n`).commit({ author: alice, date: day(10 + i) });
      repo.write('lib/b.ts', `b${i}\n`).commit({ author: bob, date: day(20 + i) });
    }
    // After it: one event whose author the model lists (Alice on a.ts), two by people it does not
    // list for that file though they committed before (Bob on a.ts, Alice on lib/b.ts), one by a newcomer.
    repo.write('a.ts', 'x\n').commit({ author: bob, date: day(200) });
    repo.write('a.ts', 'y\n').commit({ author: carol, date: day(210) });
    repo.write('lib/b.ts', 'z\n').commit({ author: alice, date: day(220) });
    repo.write('a.ts', 'w\n').commit({ author: alice, date: day(500) });
  });

  after(() => repo.dispose());

  it('splits the events into those whose author is a candidate and the rest, for the model and the most active people', async () => {
    const ds = await prepareRealDataset(git, repo.root, { cutoffDays: 365 });
    assert.ok(ds);
    assert.deepStrictEqual(ds.events.map((e) => `${e.author} ${e.file}`).sort(), ['alice@team.test a.ts', 'alice@team.test lib/b.ts', 'bob@team.test a.ts', 'carol@team.test a.ts']);
    const prepared = await prepareRepo(git, ds, 0, 1);
    const b = missBreakdown(prepared, modelMethod('model', {}, {}, Number.MAX_SAFE_INTEGER));
    assert.deepStrictEqual({ ...b, name: '' }, {
      name: '', events: 4, candidates: 1, modelHitsOnCandidates: 1, activeHitsOnCandidates: 1,
      knownNotCandidates: 2, activeHitsOnOthers: 2,
    });
    const pooled = pooledBreakdown([b, b]);
    assert.strictEqual(pooled.events, 8);
    assert.strictEqual(pooled.knownNotCandidates, 4);
    assert.deepStrictEqual(breakdownTable([b]).slice(2), [`| ${b.name} | 4 | 25.0 | 100.0 | 100.0 | 66.7 | 66.7 |`]);
  });
});
