import * as assert from 'assert';
import { fitConditionalLogit, type ChoiceGroup } from '../../../bench/eval/conditionalLogit';
import { Prng } from '../../../bench/eval/prng';

/** Standard normal draws from the seeded generator (Box–Muller). */
function normal(rng: Prng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Groups whose chosen candidate is drawn from the softmax of `truth` · x, features on different scales. */
function synthetic(truth: readonly number[], groups: number, candidates: number, seed: number): ChoiceGroup[] {
  const rng = new Prng(seed);
  const scales = truth.map((_, f) => 1 + 3 * f);
  const out: ChoiceGroup[] = [];
  for (let g = 0; g < groups; g++) {
    const rows = new Float64Array(candidates * truth.length);
    const weights: number[] = [];
    for (let r = 0; r < candidates; r++) {
      let z = 0;
      for (let f = 0; f < truth.length; f++) {
        const v = normal(rng) * scales[f] + 5;
        rows[r * truth.length + f] = v;
        z += v * truth[f];
      }
      weights.push(z);
    }
    const top = Math.max(...weights);
    const p = weights.map((z) => Math.exp(z - top));
    let u = rng.next() * p.reduce((a, b) => a + b, 0);
    let chosen = 0;
    while (chosen < candidates - 1 && (u -= p[chosen]) > 0) chosen++;
    out.push({ rows, candidates, choices: [{ index: chosen, weight: 1 }] });
  }
  return out;
}

describe('conditional logit fitter', () => {
  it('recovers the coefficients that generated the choices, on raw (unstandardised) features', () => {
    const truth = [1.2, -0.4, 0.1];
    const fit = fitConditionalLogit(synthetic(truth, 4000, 6, 7), truth.length, { l2: 1e-6 });
    assert.ok(fit.converged, `not converged after ${fit.iterations} iterations`);
    fit.coefficients.forEach((c, f) => assert.ok(Math.abs(c - truth[f]) < 0.1 * Math.max(0.3, Math.abs(truth[f])), `coefficient ${f}: ${c} vs ${truth[f]}`));
  });

  it('shrinks towards the given centre as the penalty grows, and ignores a constant feature', () => {
    const truth = [1, 0];
    const groups = synthetic(truth, 1000, 4, 3);
    for (const g of groups) for (let r = 0; r < g.candidates; r++) g.rows[r * 2 + 1] = 7;
    const free = fitConditionalLogit(groups, 2, { l2: 1e-6 });
    const pulled = fitConditionalLogit(groups, 2, { l2: 100, center: [0.2, 0] });
    assert.ok(Math.abs(free.coefficients[0] - 1) < 0.15, `free fit ${free.coefficients[0]}`);
    assert.ok(Math.abs(pulled.coefficients[0] - 0.2) < 0.05, `pulled fit ${pulled.coefficients[0]}`);
    assert.strictEqual(free.coefficients[1], 0);
  });

  it('skips groups that carry no information', () => {
    const fit = fitConditionalLogit([{ rows: new Float64Array([1]), candidates: 1, choices: [{ index: 0, weight: 1 }] }], 1, { l2: 0.1 });
    assert.deepStrictEqual(fit.coefficients, [0]);
  });
});
