import * as assert from 'assert';
import { areaStats } from '../../../src/core/experts/areaStats';
import { defaultExpertModelOptions, rankExperts } from '../../../src/core/experts/ranking';
import { saturatedRatio, type ScoreWeights } from '../../../src/core/experts/scoring';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';
import { TestRepo, type TestAuthor } from '../../support/gitRepo';
import { runner } from '../git/gitTestKit';
import { classifyByDomain } from './handIndex';

const maintainer: TestAuthor = { name: 'Mara Maintainer', email: 'mara@team.test' };
const burst: TestAuthor = { name: 'Bo Burst', email: 'bo@vendor.test' };

const DAY_MS = 86_400_000;
const START = Date.parse('2024-01-01T09:00:00Z');
/** The burst's day, the newest of the history: the maintainer's last commit is 18 days before it. */
const LAST_DAY = START + (29 * 7 + 18) * DAY_MS;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A real repository: the maintainer created src/core.ts and changed it every week for thirty
 * weeks (src/util.ts every other week), then paused for 18 days; on the newest day a drive-by
 * contributor made twelve small commits within an hour, three to src/core.ts and nine adding
 * files of their own.
 */
function pausedMaintainerRepo(): TestRepo {
  const repo = TestRepo.create();
  for (let week = 0; week < 30; week++) {
    repo.write('src/core.ts', `export const core = ${week};\n`);
    if (week % 2 === 0) repo.write('src/util.ts', `export const util = ${week};\n`);
    repo.commit({ author: maintainer, date: iso(START + week * 7 * DAY_MS), message: `core ${week}` });
  }
  for (let i = 0; i < 12; i++) {
    if (i < 3) repo.write('src/core.ts', `export const core = 'burst ${i}';\n`);
    else repo.write(`src/extra${i}.ts`, `export const extra = ${i};\n`);
    repo.commit({ author: burst, date: iso(LAST_DAY + i * 5 * 60_000), message: `burst ${i}` });
  }
  return repo;
}

function rank(index: HistoryIndexData, weights: Partial<ScoreWeights>): string[] {
  return ranked(index, weights).map((e) => e.email);
}

function ranked(index: HistoryIndexData, weights: Partial<ScoreWeights>): Array<{ email: string; score: number }> {
  return rankExperts({
    index,
    target: { path: 'src/core.ts', kind: 'file' },
    options: { ...defaultExpertModelOptions(LAST_DAY / 1000), formerAfterDays: 100_000 },
    classify: classifyByDomain,
    limit: 10,
    weights,
  }).experts;
}

describe('activity signals against a burst (activityDays, activitySaturation, returnAffinity)', function () {
  this.timeout(60000);
  let repo: TestRepo;
  let index: HistoryIndexData;
  before(async () => {
    repo = pausedMaintainerRepo();
    index = await buildHistoryIndex(runner(), repo.root);
  });
  after(() => repo.dispose());

  it('counting commits (the model before), the one-hour burst outranks the maintainer who paused 18 days', () => {
    assert.deepStrictEqual(rank(index, { activityDays: 0 }), [burst.email, maintainer.email]);
  });

  it('share exponent: 1 is the default; below 1 it narrows the gap the shares of the file make, above 1 widens it', () => {
    const ratio = (weights: Partial<ScoreWeights>): number => {
      const [first, second] = ranked(index, weights);
      return first.score / second.score;
    };
    assert.deepStrictEqual(ranked(index, { shareExponent: 1 }), ranked(index, {}));
    assert.deepStrictEqual(rank(index, {}), [maintainer.email, burst.email]);
    // The maintainer leads on both activity and share: flattening the shares narrows the lead, sharpening widens it.
    assert.ok(ratio({ shareExponent: 0.5 }) < ratio({}), `${ratio({ shareExponent: 0.5 })} < ${ratio({})}`);
    assert.ok(ratio({ shareExponent: 2 }) > ratio({}), `${ratio({ shareExponent: 2 })} > ${ratio({})}`);
  });

  it('the defaults count active days and leave saturation and return affinity off', () => {
    assert.deepStrictEqual(rank(index, {}), [maintainer.email, burst.email]);
    assert.deepStrictEqual(rank(index, { activityDays: 1, activitySaturation: 0, returnAffinity: 0 }), rank(index, {}));
  });

  it('counting active days, the burst is one day against thirty weeks, and the maintainer leads', () => {
    const settings = { halfLifeDays: 180, activityHalfLifeDays: 30, longActivityHalfLifeDays: 365, extraBots: [] };
    const commits = areaStats(index, settings);
    const days = areaStats(index, { ...settings, activityDays: true });
    // Twelve commits of one hour weigh about twelve; as days, about one.
    assert.ok((commits.activity.get(burst.email) ?? 0) > 11, `commits: ${commits.activity.get(burst.email)}`);
    assert.ok(Math.abs((days.activity.get(burst.email) ?? 0) - 1) < 0.01, `days: ${days.activity.get(burst.email)}`);
    // One commit a week: each commit is its own day, so the maintainer's figure does not move.
    assert.ok(Math.abs((days.activity.get(maintainer.email) ?? 0) - (commits.activity.get(maintainer.email) ?? 0)) < 1e-9);
    assert.deepStrictEqual(rank(index, { activityDays: 1 }), [maintainer.email, burst.email]);
  });

  it('a saturated activity ratio bounds the burst’s lead: at κ = 0.3 the maintainer leads, at κ = 1 not yet', () => {
    assert.strictEqual(saturatedRatio(0.2, 0), 0.2);
    assert.strictEqual(saturatedRatio(1, 0.3), 1);
    for (const r of [0.001, 0.05, 0.3, 0.9]) {
      assert.ok(saturatedRatio(r, 0.3) > r && saturatedRatio(r, 0.3) < 1);
      assert.ok(saturatedRatio(r, 0.3) > saturatedRatio(r, 1), 'a smaller κ saturates sooner');
    }
    assert.ok(saturatedRatio(0.3, 0.3) >= (1 + 0.3) / 2 - 1e-12, 'above κ, at least half way to 1');
    assert.deepStrictEqual(rank(index, { activityDays: 0, activitySaturation: 0.3 }), [maintainer.email, burst.email]);
    assert.deepStrictEqual(rank(index, { activityDays: 0, activitySaturation: 1 }), [burst.email, maintainer.email]);
  });

  it('return affinity: the maintainer keeps coming back to their files, the burst never did', () => {
    const stats = areaStats(index, { halfLifeDays: 180, activityHalfLifeDays: 30, longActivityHalfLifeDays: 365, extraBots: [], returnAffinity: true });
    const mara = stats.returnAffinity.get(maintainer.email) ?? 0;
    const bo = stats.returnAffinity.get(burst.email) ?? 0;
    // 45 changes, 43 of them a week or more after the file's first: (43 + 5·base) / (45 + 5).
    const base = 43 / 57;
    assert.ok(Math.abs(stats.baseReturnAffinity - base) < 1e-9, `base ${stats.baseReturnAffinity}`);
    assert.ok(Math.abs(mara - (43 + 5 * base) / 50) < 1e-9, `maintainer ${mara}`);
    assert.ok(Math.abs(bo - (5 * base) / 17) < 1e-9, `burst ${bo}`);
    assert.deepStrictEqual(rank(index, { activityDays: 0, returnAffinity: 2 }), [maintainer.email, burst.email]);
    // Off by default, so an index the default ranking reads never pays for it.
    assert.strictEqual(areaStats(index, { halfLifeDays: 180, activityHalfLifeDays: 30, longActivityHalfLifeDays: 365, extraBots: [] }).returnAffinity.size, 0);
  });
});
