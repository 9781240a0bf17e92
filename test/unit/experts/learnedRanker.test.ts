import * as assert from 'assert';
import { areaStats } from '../../../src/core/experts/areaStats';
import { collectCandidates } from '../../../src/core/experts/candidates';
import { FEATURE_COUNT, FEATURE_NAMES } from '../../../src/core/experts/features';
import { FITTED_COEFFICIENTS } from '../../../src/core/experts/learnedRanker';
import { defaultExpertModelOptions, rankExperts } from '../../../src/core/experts/ranking';
import { DEFAULT_WEIGHTS } from '../../../src/core/experts/scoring';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';
import { classifyByDomain, DAY, handIndex, NOW, type HandChange } from './handIndex';

const feature = (name: (typeof FEATURE_NAMES)[number]): number => FEATURE_NAMES.indexOf(name);

function days(from: number, count: number, step = 1): number[] {
  return Array.from({ length: count }, (_, i) => from + i * step);
}

function rankLearned(index: HistoryIndexData, path: string, formerAfterDays = 100_000): ReturnType<typeof rankExperts> {
  return rankExperts({
    index,
    target: { path, kind: 'file' },
    options: { ...defaultExpertModelOptions(NOW), formerAfterDays, backoffMinChanges: 5 },
    classify: classifyByDomain,
    limit: 10,
    weights: { coefficients: FITTED_COEFFICIENTS },
  });
}

describe('learned ranker', () => {
  it('computes each feature from the index as features.ts names it', () => {
    const index = handIndex({
      'src/a.ts': [{ email: 'maker@team.test', daysAgo: [100, 50], created: true }, { email: 'last@team.test', daysAgo: [10] }],
      'src/b.ts': [{ email: 'last@team.test', daysAgo: [0] }],
    });
    const stats = areaStats(index, { halfLifeDays: 180, activityHalfLifeDays: 30, longActivityHalfLifeDays: 365, extraBots: [] });
    const found = collectCandidates({ index, stats, path: 'src/a.ts', kind: 'file', weights: DEFAULT_WEIGHTS, halfLifeDays: 180, areaMinChanges: 100, withFeatures: true });
    const of = (email: string): number[] => found.candidates.find((c) => c.email === email)?.features ?? [];
    const maker = of('maker@team.test');
    const last = of('last@team.test');
    assert.strictEqual(maker.length, FEATURE_COUNT);
    const makerRecency = Math.pow(2, -100 / 180) + Math.pow(2, -50 / 180);
    const lastRecency = Math.pow(2, -10 / 180);
    assert.ok(Math.abs(maker[feature('log1p file recency')] - Math.log1p(makerRecency)) < 1e-9);
    assert.ok(Math.abs(maker[feature('share of the file recency')] - makerRecency / (makerRecency + lastRecency)) < 1e-9);
    assert.deepStrictEqual([maker[feature('first author')], maker[feature('last modifier')], last[feature('first author')], last[feature('last modifier')]], [1, 0, 0, 1]);
    // The newest change in the index (b.ts, today) is the reference: maker@ last committed 50 days before it.
    assert.ok(Math.abs(maker[feature('log1p days since last commit')] - Math.log1p(50)) < 1e-9);
    assert.strictEqual(last[feature('log1p days since last commit')], 0);
    assert.ok(Math.abs(last[feature('log1p days since last change to the file')] - Math.log1p(10)) < 1e-9);
    assert.ok(Math.abs(last[feature('log activity 30 d')]) < 1e-5, 'the most active person now has log(A/max A) = 0');
    assert.ok(maker[feature('log activity 30 d')] < last[feature('log activity 30 d')]);
  });

  it('ranks by the fitted coefficients when given: scores within 0..1, top at 1, the order of w · x', () => {
    const index = handIndex({
      'src/a.ts': [{ email: 'a@team.test', daysAgo: days(1, 6), created: true }, { email: 'b@team.test', daysAgo: [30] }],
    });
    const r = rankLearned(index, 'src/a.ts');
    assert.deepStrictEqual(r.experts.map((e) => e.email), ['a@team.test', 'b@team.test']);
    assert.strictEqual(r.experts[0].score, 1);
    assert.ok(r.experts[1].score > 0 && r.experts[1].score < 1);
  });

  it("keeps a file's maintainer above someone with a burst of work all over the repository and one change to the file", () => {
    const files: Record<string, HandChange[]> = {
      'src/core/engine.ts': [{ email: 'maintainer@team.test', daysAgo: days(20, 15, 12), created: true }, { email: 'burst@team.test', daysAgo: [2] }],
    };
    // The maintainer works on the file and its folder over the year; burst@ touched 30 files in the last week.
    for (let i = 0; i < 6; i++) files[`src/core/part${i}.ts`] = [{ email: 'maintainer@team.test', daysAgo: days(25 + i, 4, 40) }];
    for (let i = 0; i < 30; i++) files[`src/other/f${i}.ts`] = [{ email: 'burst@team.test', daysAgo: [1 + (i % 6)] }];
    const r = rankLearned(handIndex(files), 'src/core/engine.ts');
    assert.strictEqual(r.experts[0].email, 'maintainer@team.test');
    assert.strictEqual(r.experts[1].email, 'burst@team.test');
  });

  it('flags a former person and still puts the only author of the file first, the active people of the area after him', () => {
    const files: Record<string, HandChange[]> = {
      'src/legacy/old.ts': [{ email: 'gone@team.test', daysAgo: days(400, 6), created: true }],
      'src/legacy/other.ts': [{ email: 'here@team.test', daysAgo: days(2, 10, 3) }],
      'src/legacy/more.ts': [{ email: 'here@team.test', daysAgo: days(3, 10, 3) }],
    };
    const r = rankLearned(handIndex(files), 'src/legacy/old.ts', 180);
    assert.strictEqual(r.experts[0].email, 'gone@team.test');
    assert.strictEqual(r.experts[0].former, true);
    assert.strictEqual(r.knowledgeAtRisk, true);
    assert.deepStrictEqual(r.experts.slice(1).map((e) => [e.email, e.evidenceKind, e.former]), [['here@team.test', 'area', false]]);
  });

  it('keeps the lines boost on top of the learned score: the author of the range leads it', () => {
    const index = handIndex({
      'a.ts': [{ email: 'often@team.test', daysAgo: days(1, 20), created: true }, { email: 'writer@team.test', daysAgo: [60] }],
    });
    const blame = {
      path: 'a.ts', startLine: 1, endLine: 6, totalLines: 6,
      linesByPerson: new Map([['writer@team.test', 6]]),
      names: new Map([['writer@team.test', 'writer']]),
      lastTimeByPerson: new Map([['writer@team.test', NOW - 60 * DAY]]),
      uncommittedLines: 0,
    };
    const base = { index, options: { ...defaultExpertModelOptions(NOW), formerAfterDays: 100_000 }, classify: classifyByDomain, weights: { coefficients: FITTED_COEFFICIENTS } };
    assert.strictEqual(rankExperts({ ...base, target: { path: 'a.ts', kind: 'file' } }).experts[0].email, 'often@team.test');
    const lines = rankExperts({ ...base, target: { path: 'a.ts', kind: 'lines', startLine: 1, endLine: 6 }, blame });
    assert.strictEqual(lines.experts[0].email, 'writer@team.test');
    assert.strictEqual(lines.experts[0].evidenceKind, 'lines');
  });
});
