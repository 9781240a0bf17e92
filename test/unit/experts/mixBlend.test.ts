import * as assert from 'assert';
import { defaultExpertModelOptions, rankExperts } from '../../../src/core/experts/ranking';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../../../src/core/experts/scoring';
import type { ExpertRanking } from '../../../src/core/experts/types';
import { classifyByDomain, handIndex, NOW, type HandChange } from './handIndex';

function days(from: number, count: number, step = 1): number[] {
  return Array.from({ length: count }, (_, i) => from + i * step);
}

/**
 * maintainer@ wrote src/a.ts (ten changes, 60–105 days ago) and nothing else; busy@ changed it
 * once, two days ago, and does thirty recent changes a month in lib/. The model's activity term
 * puts busy@ first; the mix (shares of the file, of src/ and of the repository) puts maintainer@
 * first. elsewhere@ only works in lib/: the repository level, never a candidate for src/a.ts.
 */
function files(): Record<string, HandChange[]> {
  const out: Record<string, HandChange[]> = {
    'src/a.ts': [{ email: 'maintainer@team.test', daysAgo: days(60, 10, 5), created: true }, { email: 'busy@team.test', daysAgo: [2] }],
  };
  for (let i = 0; i < 30; i++) out[`lib/m${i}.ts`] = [{ email: 'busy@team.test', daysAgo: [1 + i] }, { email: 'elsewhere@team.test', daysAgo: [3 + i] }];
  return out;
}

function rank(weights: Partial<ScoreWeights>, kind: 'file' | 'folder' = 'file', path = 'src/a.ts'): ExpertRanking {
  const options = { ...defaultExpertModelOptions(NOW), formerAfterDays: 100_000 };
  return rankExperts({ index: handIndex(files()), target: { path, kind }, options, classify: classifyByDomain, limit: 10, weights });
}

const order = (r: ExpertRanking): string[] => r.experts.map((e) => e.email);

describe('rankExperts: blend with the hierarchical mix (mixBlend)', () => {
  it('is off by default unless tuned, and the mix alone (β = 1) ranks by shares of the file, its folders and the repository', () => {
    assert.deepStrictEqual(order(rank({ mixBlend: 0 })), ['busy@team.test', 'maintainer@team.test']);
    // maintainer@: ~0.9 of the file and of src/, ~0.2 of the repository; busy@: ~0.1, ~0.1, ~0.8.
    assert.deepStrictEqual(order(rank({ mixBlend: 1 })), ['maintainer@team.test', 'busy@team.test']);
    assert.ok(DEFAULT_WEIGHTS.mixBlend >= 0 && DEFAULT_WEIGHTS.mixBlend < 1);
  });

  it('moves the order gradually: a weak blend keeps the model, a strong one the mix', () => {
    assert.deepStrictEqual(order(rank({ mixBlend: 0.25 })), ['busy@team.test', 'maintainer@team.test']);
    assert.deepStrictEqual(order(rank({ mixBlend: 0.9 })), ['maintainer@team.test', 'busy@team.test']);
    const scores = [0, 0.25, 0.5, 0.75, 1].map((b) => rank({ mixBlend: b }).experts.find((e) => e.email === 'maintainer@team.test')?.score ?? -1);
    for (let i = 1; i < scores.length; i++) assert.ok(scores[i] >= scores[i - 1], `maintainer's score grows with β: ${scores.join(', ')}`);
  });

  it('changes neither the candidates nor their evidence tags: the repository level makes no one a candidate', () => {
    for (const mixBlend of [0.5, 1]) {
      const plain = rank({ mixBlend: 0 });
      const blended = rank({ mixBlend });
      assert.strictEqual(blended.total, plain.total);
      assert.ok(!order(blended).includes('elsewhere@team.test'));
      const tags = (r: ExpertRanking): string[] => r.experts.map((e) => `${e.email}:${e.evidenceKind}:${e.evidence.changes}`).sort();
      assert.deepStrictEqual(tags(blended), tags(plain));
    }
  });

  it('keeps the authors of the lines first: the blame boost applies after the blend', () => {
    const blame = {
      path: 'src/a.ts', startLine: 1, endLine: 5, totalLines: 5, uncommittedLines: 0,
      linesByPerson: new Map([['busy@team.test', 5]]),
      names: new Map([['busy@team.test', 'busy']]),
      lastTimeByPerson: new Map([['busy@team.test', NOW]]),
    };
    const options = { ...defaultExpertModelOptions(NOW), formerAfterDays: 100_000 };
    const r = rankExperts({ index: handIndex(files()), target: { path: 'src/a.ts', kind: 'lines', startLine: 1, endLine: 5 }, blame, options, classify: classifyByDomain, weights: { mixBlend: 0.75 } });
    assert.deepStrictEqual(order(r), ['busy@team.test', 'maintainer@team.test']);
    assert.strictEqual(r.experts[0].evidenceKind, 'lines');
  });

  it('blends a folder query too, over the folder and its parents', () => {
    assert.deepStrictEqual(order(rank({ mixBlend: 0 }, 'folder', 'src')), ['busy@team.test', 'maintainer@team.test']);
    assert.deepStrictEqual(order(rank({ mixBlend: 1 }, 'folder', 'src')), ['maintainer@team.test', 'busy@team.test']);
  });
});
