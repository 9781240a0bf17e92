import * as assert from 'assert';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { buildLineQueries, originalLine, rangeAtCutoff } from '../../../bench/eval/lineQueries';
import { LINE_BASELINES, lineModelMethod, scoreLineQueries } from '../../../bench/eval/lineEval';
import { fileContext } from '../../../bench/eval/fileEval';
import { prepareRealDataset } from '../../../bench/eval/realDataset';
import { TestRepo } from '../../support/gitRepo';

const git = new GitRunner({ logger: silentLogger });
const DAY = 86_400_000;
const day = (n: number): string => new Date(Date.UTC(2022, 0, 1) + n * DAY).toISOString();
const lines = (from: number, to: number, tag: string): string => Array.from({ length: to - from + 1 }, (_, i) => `${tag} ${from + i}`).join('\n');

describe('line-level evaluation', () => {
  it('carries a line back through a diff, or says it was written since', () => {
    // A → B: line 3 of A replaced by two lines (B 3-4), two lines inserted after A's 6 (B 8-9), A's 9 deleted.
    const hunks = [
      { oldStart: 3, oldCount: 1, newStart: 3, newCount: 2 },
      { oldStart: 6, oldCount: 0, newStart: 8, newCount: 2 },
      { oldStart: 9, oldCount: 1, newStart: 11, newCount: 0 },
    ];
    assert.deepStrictEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12].map((l) => originalLine(hunks, l)), [1, 2, undefined, undefined, 4, 6, undefined, undefined, 7, 8, 10]);
    assert.deepStrictEqual(rangeAtCutoff({ oldStart: 5, oldCount: 6, newStart: 5, newCount: 1 }, hunks), { startLine: 4, endLine: 7 });
    assert.strictEqual(rangeAtCutoff({ oldStart: 8, oldCount: 2, newStart: 8, newCount: 1 }, hunks), 'newer');
    assert.strictEqual(rangeAtCutoff({ oldStart: 4, oldCount: 0, newStart: 5, newCount: 3 }, hunks), 'insertion');
  });

  it("locates a later hunk in the cut-off version, blames it there, and takes the hunk's author as the truth", async () => {
    const repo = TestRepo.create();
    try {
      const alice = { name: 'Alice', email: 'alice@team.test' };
      const bob = { name: 'Bob', email: 'bob@team.test' };
      const carol = { name: 'Carol', email: 'carol@team.test' };
      repo.write('src/m.ts', `${lines(1, 20, 'alice')}\n`).commit({ author: alice, date: day(0) });
      repo.write('src/m.ts', `${lines(1, 10, 'alice')}\n${lines(11, 15, 'bob')}\n${lines(16, 20, 'alice')}\n`).commit({ author: bob, date: day(10) });
      repo.write('src/other.ts', 'x\n').commit({ author: carol, date: day(20) });
      // After the cut-off: Carol inserts 3 lines at the top, then Bob rewrites what were lines 12-13 at the cut-off.
      repo.write('src/m.ts', `new 1\nnew 2\nnew 3\n${lines(1, 10, 'alice')}\n${lines(11, 15, 'bob')}\n${lines(16, 20, 'alice')}\n`).commit({ author: carol, date: day(500) });
      const before = `new 1\nnew 2\nnew 3\n${lines(1, 10, 'alice')}\nbob 11\nBOB\nBOB\nbob 14\nbob 15\n${lines(16, 20, 'alice')}\n`;
      repo.write('src/m.ts', before).commit({ author: bob, date: day(510) });
      // Carol rewrites Alice's line 18 and the first of her own new lines.
      repo.write('src/m.ts', before.replace('alice 18', 'carol 18').replace('new 1', 'carol new 1')).commit({ author: carol, date: day(520) });
      repo.write('README.md', 'r\n').commit({ author: alice, date: day(800) });

      const ds = await prepareRealDataset(git, repo.root, { cutoffDays: 365 });
      assert.ok(ds);
      const { queries, stats } = await buildLineQueries(git, ds, { commits: 10, hunksPerCommit: 10, seed: 3 });
      const seen = queries.map((q) => `${q.author} ${q.file}:${q.startLine}-${q.endLine} ${[...q.blame.linesByPerson].map(([k, v]) => `${k}=${v}`).join(',')}`).sort();
      assert.deepStrictEqual(seen, [
        'bob@team.test src/m.ts:12-13 bob@team.test=2',
        'carol@team.test src/m.ts:18-18 alice@team.test=1',
      ]);
      assert.strictEqual(stats.insertions, 1, "Carol's three new lines at the top");
      assert.strictEqual(stats.newerLines, 1, 'rewriting a line written after the cut-off');

      const ctx = fileContext(ds);
      const methods = [lineModelMethod(), ...LINE_BASELINES];
      const scored = scoreLineQueries(ds, queries, methods, ctx);
      const blameMajority = methods.findIndex((m) => m.name === 'blame majority of the lines');
      const bobQuery = queries.findIndex((q) => q.author === 'bob@team.test');
      assert.strictEqual(scored[bobQuery].ranks[blameMajority], 1);
      assert.ok(scored[bobQuery].ranks[0] >= 1, 'the model ranks Bob');
    } finally {
      repo.dispose();
    }
  });
});
