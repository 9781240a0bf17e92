/**
 * A conditional logit (softmax over the candidates of each query) fitted by L-BFGS with an L2
 * penalty: P(author = i | query) = e^(w·x_i) / Σ_j e^(w·x_j). Convex, so the optimum is unique;
 * features are standardised inside the fit (the penalty then treats them alike) and the
 * coefficients returned apply to the raw features.
 */

/** The candidates of one query (often one file) and which of them were chosen, with weights. */
export interface ChoiceGroup {
  /** Row-major, `candidates × features`. */
  rows: Float64Array;
  candidates: number;
  choices: Array<{ index: number; weight: number }>;
}

export interface FitOptions {
  /** L2 penalty on the standardised coefficients, per unit of choice weight. */
  l2: number;
  /** Raw coefficients the penalty pulls towards (0 when absent): a prior, e.g. the product's weights. */
  center?: readonly number[];
  maxIterations?: number;
  /** Stop when the gradient's largest component falls below this. */
  tolerance?: number;
}

export interface FitResult {
  coefficients: number[];
  /** Mean negative log-likelihood per unit of choice weight, penalty included. */
  loss: number;
  iterations: number;
  converged: boolean;
}

function standardisation(groups: readonly ChoiceGroup[], features: number): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(features);
  const square = new Float64Array(features);
  let n = 0;
  for (const g of groups) {
    for (let r = 0; r < g.candidates; r++, n++) {
      for (let f = 0; f < features; f++) {
        const v = g.rows[r * features + f];
        mean[f] += v;
        square[f] += v * v;
      }
    }
  }
  const scale = new Float64Array(features);
  for (let f = 0; f < features; f++) {
    mean[f] /= Math.max(1, n);
    const variance = square[f] / Math.max(1, n) - mean[f] * mean[f];
    scale[f] = variance > 1e-12 ? Math.sqrt(variance) : 0;
  }
  return { mean, scale };
}

/** Loss and gradient at `w` (standardised space). */
function evaluate(groups: readonly ChoiceGroup[], features: number, mean: Float64Array, scale: Float64Array, w: Float64Array, l2: number, center: Float64Array, totalWeight: number, grad: Float64Array): number {
  grad.fill(0);
  let loss = 0;
  const expected = new Float64Array(features);
  const x = new Float64Array(features);
  for (const g of groups) {
    const z = new Float64Array(g.candidates);
    let top = -Infinity;
    for (let r = 0; r < g.candidates; r++) {
      let s = 0;
      for (let f = 0; f < features; f++) if (scale[f] > 0) s += w[f] * (g.rows[r * features + f] - mean[f]) / scale[f];
      z[r] = s;
      if (s > top) top = s;
    }
    let sum = 0;
    expected.fill(0);
    for (let r = 0; r < g.candidates; r++) {
      const p = Math.exp(z[r] - top);
      sum += p;
      for (let f = 0; f < features; f++) expected[f] += p * (scale[f] > 0 ? (g.rows[r * features + f] - mean[f]) / scale[f] : 0);
    }
    const lse = top + Math.log(sum);
    let chosenWeight = 0;
    for (const c of g.choices) {
      loss += c.weight * (lse - z[c.index]);
      chosenWeight += c.weight;
      for (let f = 0; f < features; f++) x[f] = scale[f] > 0 ? (g.rows[c.index * features + f] - mean[f]) / scale[f] : 0;
      for (let f = 0; f < features; f++) grad[f] -= c.weight * x[f];
    }
    for (let f = 0; f < features; f++) grad[f] += (chosenWeight * expected[f]) / sum;
  }
  let penalty = 0;
  for (let f = 0; f < features; f++) {
    penalty += (w[f] - center[f]) * (w[f] - center[f]);
    grad[f] = grad[f] / totalWeight + l2 * (w[f] - center[f]);
  }
  return loss / totalWeight + 0.5 * l2 * penalty;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + v * b[i], 0);

/** Fits the coefficients; groups without choices or with a single candidate carry no information and are skipped. */
export function fitConditionalLogit(all: readonly ChoiceGroup[], features: number, options: FitOptions): FitResult {
  const groups = all.filter((g) => g.candidates > 1 && g.choices.length > 0);
  const totalWeight = groups.reduce((s, g) => s + g.choices.reduce((t, c) => t + c.weight, 0), 0) || 1;
  const { mean, scale } = standardisation(groups, features);
  const center = Float64Array.from({ length: features }, (_, f) => (options.center?.[f] ?? 0) * scale[f]);
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-6;
  const memory: Array<{ s: Float64Array; y: Float64Array; rho: number }> = [];
  let w = Float64Array.from(center);
  let grad = new Float64Array(features);
  let loss = evaluate(groups, features, mean, scale, w, options.l2, center, totalWeight, grad);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    if (Math.max(...grad.map(Math.abs)) < tolerance) {
      converged = true;
      break;
    }
    // Two-loop recursion: the direction −H·g from the last few steps.
    const q = Float64Array.from(grad);
    const alphas: number[] = [];
    for (let i = memory.length - 1; i >= 0; i--) {
      const a = memory[i].rho * dot(memory[i].s, q);
      alphas[i] = a;
      for (let f = 0; f < features; f++) q[f] -= a * memory[i].y[f];
    }
    const last = memory[memory.length - 1];
    const gamma = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / Math.max(1, Math.sqrt(dot(grad, grad)));
    for (let f = 0; f < features; f++) q[f] *= gamma;
    for (let i = 0; i < memory.length; i++) {
      const b = memory[i].rho * dot(memory[i].y, q);
      for (let f = 0; f < features; f++) q[f] += memory[i].s[f] * (alphas[i] - b);
    }
    const direction = q.map((v) => -v);
    let slope = dot(direction, grad);
    if (slope >= 0) {
      // Not a descent direction: restart from the gradient.
      memory.length = 0;
      for (let f = 0; f < features; f++) direction[f] = -grad[f];
      slope = dot(direction, grad);
    }
    let step = 1;
    const next = new Float64Array(features);
    const nextGrad = new Float64Array(features);
    let nextLoss = Infinity;
    for (let tries = 0; tries < 40; tries++, step /= 2) {
      for (let f = 0; f < features; f++) next[f] = w[f] + step * direction[f];
      nextLoss = evaluate(groups, features, mean, scale, next, options.l2, center, totalWeight, nextGrad);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
    }
    if (!(nextLoss < loss)) {
      converged = true;
      break;
    }
    const s = next.map((v, f) => v - w[f]);
    const y = nextGrad.map((v, f) => v - grad[f]);
    const sy = dot(s, y);
    if (sy > 1e-12) {
      memory.push({ s, y, rho: 1 / sy });
      if (memory.length > 10) memory.shift();
    }
    const improvement = loss - nextLoss;
    w = next;
    grad = nextGrad;
    loss = nextLoss;
    if (improvement < 1e-12) {
      converged = true;
      break;
    }
  }
  const coefficients = Array.from(w, (v, f) => (scale[f] > 0 ? v / scale[f] : 0));
  return { coefficients, loss, iterations, converged };
}
