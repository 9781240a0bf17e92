import * as assert from 'assert';
import { scoreQueries, type MethodInfo, type ScoredQuery } from '../../../bench/eval/metrics';

const METHODS: MethodInfo[] = [
  { name: 'model', role: 'model' },
  { name: 'file baseline', role: 'baseline' },
  { name: 'agnostic', role: 'baseline', fileAgnostic: true },
];

/** `clusters` commits of `size` events each; `hit(i)` gives the ranks of event i. */
function queries(clusters: number, size: number, ranks: (i: number) => number[], slice = (i: number) => i % 2 === 0): ScoredQuery[] {
  const out: ScoredQuery[] = [];
  for (let c = 0; c < clusters; c++) {
    for (let k = 0; k < size; k++) {
      const i = c * size + k;
      out.push({ cluster: `c${c}`, slices: slice(i) ? ['even'] : [], ranks: ranks(c) });
    }
  }
  return out;
}

describe('evaluation metrics', () => {
  it('computes top-k and MRR from the ranks, per slice', () => {
    const q: ScoredQuery[] = [
      { cluster: 'a', slices: ['even'], ranks: [1, 2, 0] },
      { cluster: 'b', slices: [], ranks: [4, 0, 3] },
    ];
    const [all, even] = scoreQueries(q, METHODS, ['even'], 50);
    assert.strictEqual(all.n, 2);
    assert.strictEqual(all.methods.model.top1.value, 0.5);
    assert.strictEqual(all.methods.model.top3.value, 0.5);
    assert.strictEqual(all.methods.model.top5.value, 1);
    assert.strictEqual(all.methods.model.mrr.value, (1 + 1 / 4) / 2);
    assert.strictEqual(all.methods.agnostic.top3.value, 0.5);
    assert.strictEqual(even.n, 1);
    assert.strictEqual(even.methods['file baseline'].mrr.value, 0.5);
  });

  it('compares the model with the best baseline, and with the best one that reads the file, on paired resamples', () => {
    const q = queries(100, 1, (c) => [c % 2 === 0 ? 1 : 0, c % 4 === 0 ? 1 : 0, c % 3 === 0 ? 1 : 0]);
    const [all] = scoreQueries(q, METHODS, [], 500);
    assert.strictEqual(all.versusBest?.baseline, 'agnostic');
    assert.strictEqual(all.versusBestFileAware?.baseline, 'file baseline');
    const d = all.versusBestFileAware!.top3;
    assert.ok(Math.abs(d.value - 0.25) < 1e-9);
    assert.ok(d.lo > 0 && d.lo <= d.value && d.value <= d.hi, `${d.lo} ≤ ${d.value} ≤ ${d.hi}`);
    const same = scoreQueries(queries(50, 1, (c) => [c % 2, c % 2, 0]), METHODS, [], 200)[0].versusBest!;
    assert.deepStrictEqual([same.top3.lo, same.top3.value, same.top3.hi], [0, 0, 0], 'identical rankings differ by exactly 0');
  });

  it('widens the interval when events come in commits that move together', () => {
    const width = (clusters: number, size: number): number => {
      const m = scoreQueries(queries(clusters, size, (c) => [c % 2 === 0 ? 1 : 0, 0, 0]), METHODS, [], 1000)[0].methods.model.top3;
      return m.hi - m.lo;
    };
    assert.ok(width(10, 20) > 2 * width(200, 1), `${width(10, 20)} vs ${width(200, 1)}`);
  });
});
