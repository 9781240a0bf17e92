/**
 * The expertise score: how likely a person is to be the next to work on this code, estimated
 * from the history alone. For a file f under folders root ⊃ F1 ⊃ … ⊃ Fk:
 *
 *   score(p) = (A(p) / max A)^activity · (L(p) / max L)^longActivity ·
 *              Π over the steps root→F1→…→Fk→f of
 *              (c_p(child) + smoothing · c(child)/c(parent)) / (c_p(parent) + smoothing)
 *
 *   c_p(X)  p's changes under X (a file or folder), each weighted 2^(−age/halfLifeDays)
 *   c(X)    everyone's, so c(child)/c(parent) is how much of all work goes into the child
 *   A(p)    p's active days (UTC days with a commit) anywhere in the repository, each weighted
 *           2^(−age/activityHalfLifeDays), so a burst of many commits in a day counts as one day
 *   L(p)    p's commits over the long run, weighted 2^(−age/longActivityHalfLifeDays)
 *
 * The product is p's share of their own work that lands on f, each step smoothed towards the
 * repository's average split (a Dirichlet prior of strength `smoothing`), so someone with one
 * change to a file that everyone changes does not outrank its maintainer, and someone with no
 * change to the file still gets a share through their work in its folders. A(p) says how active
 * p is now: people who stopped committing fade out, regulars count more; L(p), the same over
 * years, is meant to keep a long-standing maintainer's quiet month above a newcomer's burst.
 *
 * Only people with evidence are ranked: changes to the file, or changes in its *area*, the
 * nearest parent folder with at least `backoffMinChanges` other changes (never the repository,
 * unless the file has no history of its own). For a line range the blame of the range joins in:
 *
 *   lines(p) = score(p) · e^(linesBoost · B(p))
 *
 *   B(p)  share of the range's surviving lines p wrote (git blame)
 *
 * so the authors of the lines who are still around come first, while lines written by people
 * who left do not bring them back above those who maintain the file now (ranking.ts still puts
 * them first, flagged, when nobody else wrote the code).
 *
 * The share term also counts, with weight `coChange`, N_p(f): the share of p's work that reaches f
 * through the files most often changed together with it (coChangeEvidence.ts).
 *
 * The weights were tuned by `npm run eval -- --tune` on real histories (the windows two and
 * three years before each tip), never on the window the figures in docs/ranking-evaluation.md come from.
 */

export interface ScoreWeights {
  /** Exponent of the activity term A(p)/max A. */
  activity: number;
  /** Half-life of the activity term, in days. */
  activityHalfLifeDays: number;
  /**
   * Commits of the last `activityPlateauDays` count fully in A(p), the half-life decay starting
   * from there, so a short pause costs nothing while a long absence still fades; 0 (the default)
   * decays from the reference. An option of the evaluation: tried on the tuning windows, it did
   * not beat the default (docs/ranking-evaluation.md, "Tried").
   */
  activityPlateauDays?: number;
  /**
   * Saturates the activity ratio r = A(p)/max A before the exponent: r·(1 + κ)/(r + κ), 1 for the
   * most active person, about r/κ for r ≪ κ and close to 1 for everyone above κ, so a burst
   * contributor's lead over a steady maintainer stays bounded. 0 (the default) keeps r. An option
   * of the evaluation: on the tuning windows it tied or lost (docs/ranking-evaluation.md, "Tried").
   */
  activitySaturation?: number;
  /**
   * Exponent of p's return affinity (areaStats.ts: the smoothed share of p's changes that touch a
   * file p had changed before), multiplying the score, so a maintainer who keeps coming back to
   * their files outweighs a drive-by contributor; 0 (the default) leaves the score as it is. An
   * option of the evaluation: positive exponents lost on the tuning windows ("Tried" as above).
   */
  returnAffinity?: number;
  /**
   * 1 (the default): A(p) counts p's active days (UTC days with a commit) rather than commits, so
   * a burst of many small commits in a day counts no more than one day of a steady maintainer's;
   * 0 counts commits (the model before; docs/ranking-evaluation.md, "Tried: active days").
   */
  activityDays?: number;
  /** Exponent of the long-run activity term (the same with `longActivityHalfLifeDays`). */
  longActivity: number;
  longActivityHalfLifeDays: number;
  /** Strength of the prior towards the repository's average split, in recency-weighted changes. */
  smoothing: number;
  /** For a line range, multiplies a person's score by e^(linesBoost · B(p)). */
  linesBoost: number;
  /**
   * Coefficients of a learned log-linear ranker, score = e^(w · x) over features.ts's features
   * (learnedRanker.ts holds the fitted ones), for file and line queries; undefined (the default)
   * ranks by the product above, which folder queries always use. For the evaluation only.
   */
  coefficients?: readonly number[];
  /**
   * Weight γ of the co-change neighbours' evidence (coChangeEvidence.ts): the share term becomes
   * share(p) + γ · N_p(f), where N_p(f) is the share of p's work that reaches f through the files
   * changed together with it. 0 or undefined: off, and nothing is computed (default 0.3, tuned).
   */
  coChange?: number;
  /**
   * Exponent of the share term (smoothed share plus co-change evidence): below 1 it flattens the
   * differences between the candidates' shares of the file, so how active they are counts for
   * more; 1 or undefined (the default) leaves it. An option of the evaluation.
   */
  shareExponent?: number;
  /** How many of the file's strongest co-change neighbours count (default 20). */
  coChangeNeighbours?: number;
  /**
   * 1: people who changed the neighbours are ranked too, even with no change to the file or its
   * area (they get the `area` kind); 0 or undefined: only their evidence counts, for candidates
   * found otherwise. Read only when `coChange` is on.
   */
  coChangeCandidates?: number;
}

export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  activity: 3,
  activityHalfLifeDays: 30,
  activityDays: 1,
  longActivity: 1,
  longActivityHalfLifeDays: 365,
  smoothing: 3,
  linesBoost: 12,
  coChange: 0.3,
});

const DAY = 86_400;

/** Degree-of-Authorship (Fritz et al.; Avelino et al.), unnormalized: a baseline of the evaluation. */
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

/** decayWeight with a plateau: full weight up to `plateauDays` old, then halved every `halfLifeDays`. */
export function plateauDecayWeight(time: number, reference: number, halfLifeDays: number, plateauDays: number): number {
  const plateau = plateauDays > 0 && Number.isFinite(plateauDays) ? plateauDays * DAY : 0;
  return decayWeight(Math.min(reference, time + plateau), reference, halfLifeDays);
}

/** The saturated activity ratio of `activitySaturation` (see ScoreWeights); κ ≤ 0 returns r. */
export function saturatedRatio(ratio: number, saturation: number): number {
  if (!(saturation > 0) || !Number.isFinite(saturation)) return ratio;
  return (ratio * (1 + saturation)) / (ratio + saturation);
}

export function isFormer(lastActive: number | undefined, now: number, formerAfterDays: number): boolean {
  if (lastActive === undefined || !(formerAfterDays > 0)) return false;
  return now - lastActive > formerAfterDays * DAY;
}
