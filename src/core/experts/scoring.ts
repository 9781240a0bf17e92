/**
 * The expertise score. For one query every candidate gets, each term normalized to 0..1 within
 * the query so that no unit dominates another:
 *
 *   file(p)   = wBlame·B(p) + wRecency·R(p)/max R + wDoa·DOA(p)/max DOA + wCreator·FA(p)
 *   folder(p) = wRecency·R(p)/max R + wDoa·A(p)/max A + wCreator·C(p)/max C
 *   score(p)  = (file(p) + β·folder_F(p)) · (former(p) ? formerFactor : 1), then divided by the top score
 *
 *   B   share of the queried lines (or of the file) whose surviving version p wrote (git blame)
 *   R   Σ over p's changes of 2^(−age/halfLife): change count with exponential recency decay
 *   DOA Degree-of-Authorship (Fritz et al.; Avelino et al.): 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1+AC),
 *       FA = 1 when p added the file, DL = p's changes, AC = everyone else's changes (floored at 0)
 *   A   Σ over files under the folder of p's normalized DOA (how many files p "authors" there)
 *   C   files under the folder that p added
 *   β   back-off: only when the file has fewer than `backoffMinChanges` changes, F = the nearest
 *       parent folder with enough other history; β = backoff · backoffDecay^(levels up − 1) · (1 − changes/min)
 *
 * The weights below were tuned with `npm run eval -- --tune` (bench/eval.ts: predict who changes
 * a file next, by replaying history) on generated histories with seeds 1-3, kept apart from the
 * reported seeds 101-103. The landscape is flat (±0.003 MRR) for blame, recency, DOA, former and
 * half-life; the one setting that matters is how far back-off reaches: `backoffMinChanges` 3 →
 * MRR 0.46, 30 → 0.50 (files keep borrowing some folder evidence until they have 30 changes).
 */

export interface ScoreWeights {
  blame: number;
  recency: number;
  doa: number;
  creator: number;
  /** Multiplier for people with no commit in `formerAfterDays`. */
  formerFactor: number;
  /** Weight of the parent-folder evidence for a file without history. */
  backoff: number;
  /** Further down-weighting for each extra folder level climbed. */
  backoffDecay: number;
}

export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  blame: 0.25,
  recency: 0.6,
  doa: 0.1,
  // First authorship already counts through DOA's FA term; an extra bonus lowered MRR in the eval.
  creator: 0,
  formerFactor: 0.2,
  backoff: 0.8,
  backoffDecay: 0.6,
});

const DAY = 86_400;

/** Degree-of-Authorship, unnormalized. */
export function degreeOfAuthorship(firstAuthor: boolean, deliveries: number, othersChanges: number): number {
  return 3.293 + 1.098 * (firstAuthor ? 1 : 0) + 0.164 * deliveries - 0.321 * Math.log(1 + Math.max(0, othersChanges));
}

/**
 * Weight of a change made at `time`, seen from `reference` (both Unix seconds): 1 at the reference,
 * halved every `halfLifeDays`. A non-positive or non-finite half-life disables decay.
 */
export function decayWeight(time: number, reference: number, halfLifeDays: number): number {
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) return 1;
  return Math.pow(2, -Math.max(0, reference - time) / (halfLifeDays * DAY));
}

/**
 * Recency-weighted change count. The reference is the latest change among the candidates, not
 * "now": the scores are normalized by their maximum, so the reference cancels out, and anchoring
 * it on real changes avoids underflow to 0 for old histories with short half-lives.
 */
export function recencyWeight(times: readonly number[], reference: number, halfLifeDays: number): number {
  let sum = 0;
  for (const t of times) sum += decayWeight(t, reference, halfLifeDays);
  return sum;
}

/** `value / max`, or 0 when the max is not positive. */
export function normalized(value: number, max: number): number {
  return max > 0 ? Math.max(0, value) / max : 0;
}

export function isFormer(lastActive: number | undefined, now: number, formerAfterDays: number): boolean {
  if (lastActive === undefined || !(formerAfterDays > 0)) return false;
  return now - lastActive > formerAfterDays * DAY;
}
