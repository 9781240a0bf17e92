import * as assert from 'assert';
import { areaStats } from '../../../src/core/experts/areaStats';
import { defaultExpertModelOptions, rankExperts } from '../../../src/core/experts/ranking';
import { decayWeight, plateauDecayWeight, type ScoreWeights } from '../../../src/core/experts/scoring';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';
import { classifyByDomain, DAY, handIndex, NOW } from './handIndex';

function days(from: number, count: number, step = 1): number[] {
  return Array.from({ length: count }, (_, i) => from + i * step);
}

function rank(index: HistoryIndexData, path: string, weights: Partial<ScoreWeights>): string[] {
  return rankExperts({
    index,
    target: { path, kind: 'file' },
    options: { ...defaultExpertModelOptions(NOW), formerAfterDays: 100_000, backoffMinChanges: 5 },
    classify: classifyByDomain,
    limit: 10,
    weights,
  }).experts.map((e) => e.email);
}

/**
 * A maintainer who committed weekly for a year and paused the last three weeks; a drive-by
 * contributor with a burst of ten commits this week, three of them to the maintainer's file;
 * someone who wrote most of the file but left half a year ago; a regular with a few recent changes.
 */
function pausedMaintainerHistory(): HistoryIndexData {
  return handIndex({
    'src/core.ts': [
      { email: 'maintainer@team.test', daysAgo: days(21, 50, 7), created: true },
      { email: 'burst@vendor.test', daysAgo: [0, 2, 4] },
      { email: 'gone@team.test', daysAgo: days(180, 60, 3) },
      { email: 'regular@team.test', daysAgo: [12, 40] },
    ],
    'src/other.ts': [
      { email: 'burst@vendor.test', daysAgo: [0.5, 1, 1.5, 2.5, 3, 5, 6] },
      { email: 'regular@team.test', daysAgo: days(10, 12, 5) },
    ],
  });
}

describe('activity plateau (activityPlateauDays)', () => {
  it('weighs commits of the plateau fully, then decays from its end; 0 is the plain half-life', () => {
    const ref = NOW;
    assert.strictEqual(plateauDecayWeight(ref - 20 * DAY, ref, 30, 30), 1);
    assert.ok(Math.abs(plateauDecayWeight(ref - 60 * DAY, ref, 30, 30) - 0.5) < 1e-12);
    assert.ok(Math.abs(plateauDecayWeight(ref - 210 * DAY, ref, 30, 30) - Math.pow(2, -6)) < 1e-12);
    for (const age of [0, 5, 45, 400]) assert.strictEqual(plateauDecayWeight(ref - age * DAY, ref, 30, 0), decayWeight(ref - age * DAY, ref, 30));
  });

  it('leaves the activity of the default settings exactly as it was', () => {
    const index = pausedMaintainerHistory();
    const plain = areaStats(index, { halfLifeDays: 180, activityHalfLifeDays: 30, longActivityHalfLifeDays: 365, extraBots: [] });
    const zero = areaStats(index, { halfLifeDays: 180, activityHalfLifeDays: 30, activityPlateauDays: 0, longActivityHalfLifeDays: 365, extraBots: [] });
    assert.deepStrictEqual([...zero.activity], [...plain.activity]);
    assert.strictEqual(rank(index, 'src/core.ts', {}).join(), rank(index, 'src/core.ts', { activityPlateauDays: 0 }).join());
  });

  it('keeps a maintainer back from a three-week pause above a one-week burst, which the plain half-life does not', () => {
    const index = pausedMaintainerHistory();
    // Commits, not active days: the plateau's question is the plain half-life's (activityDays 0).
    const plain = rank(index, 'src/core.ts', { activityDays: 0 });
    const plateau = rank(index, 'src/core.ts', { activityDays: 0, activityPlateauDays: 30 });
    assert.ok(plain.indexOf('burst@vendor.test') < plain.indexOf('maintainer@team.test'), `plain half-life: ${plain.join(', ')}`);
    assert.strictEqual(plateau[0], 'maintainer@team.test', `with the plateau: ${plateau.join(', ')}`);
    assert.ok(plateau.indexOf('maintainer@team.test') < plateau.indexOf('burst@vendor.test'));
  });

  it('still fades someone gone for six months, however much of the file they wrote', () => {
    const index = pausedMaintainerHistory();
    const plateau = rank(index, 'src/core.ts', { activityDays: 0, activityPlateauDays: 30 });
    assert.strictEqual(plateau[plateau.length - 1], 'gone@team.test', `with the plateau: ${plateau.join(', ')}`);
    const stats = areaStats(index, { halfLifeDays: 180, activityHalfLifeDays: 30, activityPlateauDays: 30, longActivityHalfLifeDays: 365, extraBots: [] });
    // Sixty commits, the newest 150 days past the plateau: under 5% of the most active person's, under 10⁻⁴ cubed.
    assert.ok((stats.activity.get('gone@team.test') ?? 0) / stats.maxActivity < 0.05);
  });
});
