import * as assert from 'assert';
import { areaStats } from '../../../src/core/experts/areaStats';
import { coChangeNeighbours } from '../../../src/core/experts/coChangeEvidence';
import { defaultExpertModelOptions, rankExperts } from '../../../src/core/experts/ranking';
import type { ScoreWeights } from '../../../src/core/experts/scoring';
import type { ExpertRanking } from '../../../src/core/experts/types';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';
import { TestRepo, type TestAuthor } from '../../support/gitRepo';
import { alice, carol, runner } from '../git/gitTestKit';

const dave: TestAuthor = { name: 'Dave Dunn', email: 'dave@example.test' };
const erin: TestAuthor = { name: 'Erin Ellis', email: 'erin@example.test' };
const mallory: TestAuthor = { name: 'Mallory Mass', email: 'mallory@example.test' };

const LAST = '2024-03-03T12:00:00Z';
const now = Date.parse(LAST) / 1000;

function rank(index: HistoryIndexData, path: string, weights: Partial<ScoreWeights>): ExpertRanking {
  return rankExperts({
    index,
    target: { path, kind: 'file' },
    options: { ...defaultExpertModelOptions(now), formerAfterDays: 100_000, backoffMinChanges: 5 },
    classify: (email) => ({ placement: { email }, relationship: 'unknown' }),
    limit: 20,
    weights,
  });
}

const emails = (r: ExpertRanking): string[] => r.experts.map((e) => e.email);

/**
 * server/router.ts is written by Alice, always together with server/handler.ts or client/api.ts.
 * Erin maintains handler.ts, Dave an unrelated server file, both at the same times (so nothing
 * but the coupling tells them apart for router.ts); Carol maintains client/api.ts and never
 * touched server/. Mallory's one mass commit (over the co-change limit) touches router.ts and
 * her own file: it couples nothing.
 */
function coupledHistory(): TestRepo {
  const repo = TestRepo.create();
  for (let i = 0; i < 3; i++) {
    repo.write('server/router.ts', `route ${i}\n`).write('server/handler.ts', `handle ${i}\n`).commit({ author: alice, date: `2024-01-0${i + 1}T10:00:00Z` });
    repo.write('server/router.ts', `route ${i}b\n`).write('client/api.ts', `api ${i}\n`).commit({ author: alice, date: `2024-01-1${i + 1}T10:00:00Z` });
  }
  for (let i = 0; i < 40; i++) repo.write(`vendor/v${i}.ts`, `${i}\n`);
  repo.write('server/router.ts', 'route mass\n').write('vendor/mine.ts', 'mine\n').commit({ author: mallory, date: '2024-02-01T10:00:00Z' });
  for (let i = 0; i < 3; i++) {
    const date = `2024-03-0${i + 1}T12:00:00Z`;
    repo.write('server/handler.ts', `erin ${i}\n`).commit({ author: erin, date });
    repo.write('server/unrelated.ts', `dave ${i}\n`).commit({ author: dave, date });
    repo.write('client/api.ts', `carol ${i}\n`).commit({ author: carol, date });
  }
  return repo;
}

describe('co-change neighbours as evidence (coChange)', function () {
  this.timeout(30000);
  let repo: TestRepo;
  let index: HistoryIndexData;
  before(async () => {
    repo = coupledHistory();
    index = await buildHistoryIndex(runner(), repo.root);
  });
  after(() => repo.dispose());

  it('finds the files changed together with a file, by recency-weighted strength, not through mass commits', () => {
    const stats = areaStats(index, { halfLifeDays: 180, activityHalfLifeDays: 30, longActivityHalfLifeDays: 365, extraBots: [] });
    const neighbours = coChangeNeighbours(index, stats, 'server/router.ts', 180, 20);
    assert.deepStrictEqual(neighbours.map((n) => n.path).sort(), ['client/api.ts', 'server/handler.ts']);
    // Half of each neighbour's recent changes (Alice's three of six) came with router.ts.
    for (const n of neighbours) assert.ok(n.q > 0.4 && n.q < 0.6, `${n.path}: ${n.q}`);
    assert.deepStrictEqual(coChangeNeighbours(index, stats, 'server/unrelated.ts', 180, 20), []);
  });

  it('off, the area people tie and Carol is not ranked at all', () => {
    const off = emails(rank(index, 'server/router.ts', { coChange: 0 }));
    assert.ok(off.indexOf(dave.email) < off.indexOf(erin.email), `alphabetical tie: ${off.join(', ')}`);
    assert.ok(!off.includes(carol.email), off.join(', '));
  });

  it('puts the person who maintains a coupled file above someone working on an unrelated one', () => {
    const on = rank(index, 'server/router.ts', { coChange: 0.3 });
    const order = emails(on);
    assert.ok(order.indexOf(erin.email) < order.indexOf(dave.email), order.join(', '));
    assert.ok(!order.includes(carol.email), 'without coChangeCandidates nobody new is ranked');
    const erinThere = on.experts.find((e) => e.email === erin.email);
    assert.deepStrictEqual(erinThere?.evidence.coChanged, { files: 1, changes: 3 });
  });

  it('with coChangeCandidates, ranks who changed a coupled file elsewhere, and says why', () => {
    const on = rank(index, 'server/router.ts', { coChange: 0.3, coChangeCandidates: 1 });
    const order = emails(on);
    assert.ok(order.includes(carol.email), order.join(', '));
    assert.ok(order.indexOf(carol.email) < order.indexOf(dave.email), `Carol knows a coupled file, Dave none: ${order.join(', ')}`);
    const c = on.experts.find((e) => e.email === carol.email);
    assert.strictEqual(c?.evidenceKind, 'area');
    assert.strictEqual(c?.explanation, '3 changes to 1 file changed together with this one');
  });
});
