import type { BlameSummary, HistoryIndexData } from '../git/historyTypes';
import { folderRollup, parentFolders, type FolderRollup } from './folderRollup';
import { degreeOfAuthorship, normalized, recencyWeight, type ScoreWeights } from './scoring';
import type { ExpertEvidence, ExpertModelOptions } from './types';

/** A person with the evidence gathered for one query and an unnormalized score. */
export interface Candidate {
  email: string;
  evidence: ExpertEvidence;
  score: number;
}

export type HumanFilter = (email: string) => boolean;

function candidate(map: Map<string, Candidate>, email: string): Candidate {
  let c = map.get(email);
  if (!c) {
    c = { email, evidence: { changes: 0, created: false }, score: 0 };
    map.set(email, c);
  }
  return c;
}

/** Per-person folder term: recency, authorship across files and files created, each normalized. */
export function folderTerms(rollup: FolderRollup, human: HumanFilter, w: ScoreWeights): Map<string, number> {
  let maxR = 0;
  let maxA = 0;
  let maxC = 0;
  for (const [email, p] of rollup.people) {
    if (!human(email)) continue;
    maxR = Math.max(maxR, p.recency);
    maxA = Math.max(maxA, p.authorship);
    maxC = Math.max(maxC, p.created);
  }
  const out = new Map<string, number>();
  for (const [email, p] of rollup.people) {
    if (!human(email)) continue;
    out.set(email, w.recency * normalized(p.recency, maxR) + w.doa * normalized(p.authorship, maxA) + w.creator * normalized(p.created, maxC));
  }
  return out;
}

const termsMemo = new WeakMap<FolderRollup, Map<string, Map<string, number>>>();

/**
 * `folderTerms` of a roll-up for a query that judges bots as the roll-up did (its people are the
 * humans already): memoised, since every file under a folder borrows the same terms.
 */
export function rollupTerms(rollup: FolderRollup, w: ScoreWeights): Map<string, number> {
  let byWeights = termsMemo.get(rollup);
  if (!byWeights) termsMemo.set(rollup, (byWeights = new Map()));
  const key = `${w.recency} ${w.doa} ${w.creator}`;
  let terms = byWeights.get(key);
  if (!terms) byWeights.set(key, (terms = folderTerms(rollup, () => true, w)));
  return terms;
}

/** Candidates for a folder target: everyone who changed a file under it. */
export function folderCandidates(rollup: FolderRollup, human: HumanFilter, w: ScoreWeights): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  const terms = folderTerms(rollup, human, w);
  for (const [email, term] of terms) {
    const p = rollup.people.get(email);
    if (!p) continue;
    const c = candidate(out, email);
    c.evidence.changes = p.changes;
    if (p.changes > 0) c.evidence.lastChange = p.lastChange;
    c.evidence.filesCreated = p.created;
    c.evidence.created = p.created > 0;
    c.score = term;
  }
  return out;
}

/** Candidates for a file (and, with `blame`, a line range of it): blame share, recency, DOA, creator. */
export function fileCandidates(index: HistoryIndexData, path: string, blame: BlameSummary | undefined, human: HumanFilter, w: ScoreWeights, halfLifeDays: number): { candidates: Map<string, Candidate>; humanChanges: number } {
  const out = new Map<string, Candidate>();
  const file = index.files.get(path);
  let humanChanges = 0;
  if (file) {
    let latest = -Infinity;
    for (const [email, c] of file.contributions) {
      if (!human(email)) continue;
      humanChanges += c.changeTimes.length;
      for (const t of c.changeTimes) if (t > latest) latest = t;
    }
    const recency = new Map<string, number>();
    let maxR = 0;
    let maxD = 0;
    for (const [email, c] of file.contributions) {
      if (!human(email) || (c.changeTimes.length === 0 && !c.created)) continue;
      const r = recencyWeight(c.changeTimes, latest, halfLifeDays);
      const doa = degreeOfAuthorship(c.created, c.changeTimes.length, file.totalChanges - c.changeTimes.length);
      recency.set(email, r);
      maxR = Math.max(maxR, r);
      maxD = Math.max(maxD, doa);
      const cand = candidate(out, email);
      cand.evidence.changes = c.changeTimes.length;
      if (c.changeTimes.length > 0) cand.evidence.lastChange = c.changeTimes[c.changeTimes.length - 1];
      cand.evidence.created = c.created;
      cand.evidence.doa = doa;
    }
    for (const cand of out.values()) {
      cand.score = w.recency * normalized(recency.get(cand.email) ?? 0, maxR) + w.doa * normalized(cand.evidence.doa ?? 0, maxD) + (cand.evidence.created ? w.creator : 0);
    }
  }
  if (blame && blame.totalLines > 0) {
    for (const [email, lines] of blame.linesByPerson) {
      if (lines <= 0 || !human(email)) continue;
      const cand = candidate(out, email);
      cand.evidence.blameLines = lines;
      cand.evidence.blameShare = lines / blame.totalLines;
      cand.score += w.blame * cand.evidence.blameShare;
    }
  }
  return { candidates: out, humanChanges };
}

/**
 * Adds evidence from the nearest parent folder with at least `backoffMinChanges` changes besides
 * the file's own, when the file itself has fewer. Returns the folder used, if any.
 */
export function applyBackoff(
  index: HistoryIndexData, path: string, humanChanges: number, candidates: Map<string, Candidate>, human: HumanFilter, w: ScoreWeights, options: ExpertModelOptions,
  termsOf: (rollup: FolderRollup) => Map<string, number> = (rollup) => folderTerms(rollup, human, w),
): string | undefined {
  const min = options.backoffMinChanges;
  if (!(min > 0) || humanChanges >= min) return undefined;
  const strength = 1 - humanChanges / min;
  const settings = { halfLifeDays: options.halfLifeDays, extraBots: options.extraBots };
  const folders = parentFolders(path);
  for (let level = 0; level < folders.length; level++) {
    const rollup = folderRollup(index, folders[level], settings);
    if (rollup.totalChanges - humanChanges < min) continue;
    const beta = w.backoff * Math.pow(w.backoffDecay, level) * strength;
    for (const [email, term] of termsOf(rollup)) {
      if (term <= 0) continue;
      const p = rollup.people.get(email);
      const cand = candidate(candidates, email);
      cand.score += beta * term;
      cand.evidence.backoffFolder = rollup.folder;
      cand.evidence.folderChanges = p?.changes ?? 0;
      if (p && p.changes > 0) cand.evidence.folderLastChange = p.lastChange;
    }
    return rollup.folder;
  }
  return undefined;
}
