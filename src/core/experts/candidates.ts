import type { BlameSummary, HistoryIndexData } from '../git/historyTypes';
import { fileStats, parentFolders, type AreaStats, type FolderStats } from './areaStats';
import { coChangeNeighbours, viaNeighbours, type Neighbour, type NeighbourEvidence } from './coChangeEvidence';
import { featureContext, featuresOf, linearScore, smoothedShare } from './features';
import { saturatedRatio, type ScoreWeights } from './scoring';
import type { EvidenceKind, ExpertEvidence } from './types';

/** A person with the evidence gathered for one query and an unnormalized score. */
export interface Candidate {
  email: string;
  evidence: ExpertEvidence;
  kind: EvidenceKind;
  score: number;
  /** The learned ranker's features (features.ts), when the query asked for them. */
  features?: number[];
}

export interface CandidateQuery {
  index: HistoryIndexData;
  stats: AreaStats;
  path: string;
  kind: 'lines' | 'file' | 'folder';
  blame?: BlameSummary;
  weights: ScoreWeights;
  halfLifeDays: number;
  areaMinChanges: number;
  /** Keep each candidate's feature vector (the fitter reads them). */
  withFeatures?: boolean;
}

export interface Candidates {
  candidates: Candidate[];
  area?: FolderStats;
}

/** Keeps activity from reaching 0, so someone long gone still ranks after everyone else. */
const ACTIVITY_FLOOR = 1e-6;

/**
 * The nearest parent folder with at least `min` changes besides the file's own; the repository
 * only for a file without history of its own.
 */
export function areaOf(stats: AreaStats, path: string, fileChanges: number, min: number): FolderStats | undefined {
  for (const folder of parentFolders(path)) {
    if (folder === '') break;
    const f = stats.folders.get(folder);
    if (f && f.changes - fileChanges >= Math.max(0, min)) return f;
  }
  return fileChanges === 0 ? stats.folders.get('') : undefined;
}

/** The folders from the repository down to `folder`, as far as they have history. */
function chainTo(stats: AreaStats, folder: string): FolderStats[] {
  const chain: FolderStats[] = [];
  for (const f of (folder === '' ? [''] : parentFolders(`${folder}/x`)).reverse()) {
    const s = stats.folders.get(f);
    if (s) chain.push(s);
  }
  return chain;
}

/** The activity term times p's smoothed share of their own work along `chain` (see scoring.ts). */
function activityTerm(value: number | undefined, max: number, exponent: number, saturation = 0): number {
  return max > 0 && exponent !== 0 ? Math.pow(saturatedRatio(((value ?? 0) + ACTIVITY_FLOOR * max) / max, saturation), exponent) : 1;
}

/** Keeps the return affinity from reaching 0, so nobody with evidence drops out of the list. */
const AFFINITY_FLOOR = 0.01;

/** p's return affinity to the power `exponent` (1 when off). */
function affinityTerm(email: string, stats: AreaStats, exponent: number | undefined): number {
  if (!exponent) return 1;
  return Math.pow(Math.max(AFFINITY_FLOOR, stats.returnAffinity.get(email) ?? stats.baseReturnAffinity), exponent);
}

/** `coShare`: N_p(f), p's share reaching the file through its co-change neighbours (coChangeEvidence.ts). */
function modelScore(email: string, chain: readonly FolderStats[], stats: AreaStats, w: ScoreWeights, coShare = 0): number {
  const activity = activityTerm(stats.activity.get(email), stats.maxActivity, w.activity, w.activitySaturation ?? 0) * activityTerm(stats.longActivity.get(email), stats.maxLongActivity, w.longActivity);
  const share = smoothedShare(email, chain, w.smoothing) + (w.coChange ?? 0) * coShare;
  return activity * affinityTerm(email, stats, w.returnAffinity) * share ** (w.shareExponent ?? 1);
}

/** The file's co-change neighbours when the weights ask for their evidence. */
function neighboursOf(q: CandidateQuery): Neighbour[] | undefined {
  if (!((q.weights.coChange ?? 0) > 0)) return undefined;
  return coChangeNeighbours(q.index, q.stats, q.path, q.halfLifeDays, Math.floor(q.weights.coChangeNeighbours ?? DEFAULT_NEIGHBOURS));
}

const DEFAULT_NEIGHBOURS = 20;

function evidenceOf(email: string, file: FolderStats | undefined, area: FolderStats | undefined): ExpertEvidence {
  const own = file?.people.get(email);
  const evidence: ExpertEvidence = { changes: own?.changes ?? 0, created: (own?.created ?? 0) > 0 };
  if (own && own.changes > 0) evidence.lastChange = own.lastChange;
  const there = area?.people.get(email);
  if (area && there && there.changes > 0) evidence.area = { folder: area.folder, changes: there.changes, lastChange: there.lastChange };
  return evidence;
}

/** Everyone with evidence on the folder: their changes under it. */
function folderCandidates(q: CandidateQuery): Candidates {
  const target = q.stats.folders.get(q.path);
  if (!target) return { candidates: [] };
  const chain = chainTo(q.stats, q.path);
  const candidates: Candidate[] = [];
  for (const [email, p] of target.people) {
    const evidence: ExpertEvidence = { changes: p.changes, created: p.created > 0, filesCreated: p.created };
    if (p.changes > 0) evidence.lastChange = p.lastChange;
    evidence.area = { folder: target.folder, changes: p.changes, lastChange: p.lastChange };
    candidates.push({ email, evidence, kind: 'area', score: modelScore(email, chain, q.stats, q.weights) });
  }
  return { candidates, area: target };
}

/**
 * Candidates for a file or a line range: its contributors, the people of its area, and (for a
 * range) the authors of its surviving lines, scored as scoring.ts describes.
 */
export function collectCandidates(q: CandidateQuery): Candidates {
  if (q.kind === 'folder') return folderCandidates(q);
  const history = q.index.files.get(q.path);
  const file = history ? fileStats(history, q.stats.reference, q.halfLifeDays, q.stats.human) : undefined;
  const fileChanges = file?.changes ?? 0;
  const area = areaOf(q.stats, q.path, fileChanges, q.areaMinChanges);
  const chain = fileChanges > 0 ? [...chainTo(q.stats, parentFolders(q.path)[0]), file as FolderStats] : area ? chainTo(q.stats, area.folder) : [];
  const emails = new Set<string>(file?.people.keys());
  for (const email of area?.people.keys() ?? []) emails.add(email);
  const blame = q.kind === 'lines' && q.blame && q.blame.totalLines > 0 ? q.blame : undefined;
  for (const [email, lines] of blame?.linesByPerson ?? []) if (lines > 0 && q.stats.human(email)) emails.add(email);
  const neighbours = neighboursOf(q);
  // The neighbours' people join the candidates, or only lend evidence to those found otherwise.
  const widen = (q.weights.coChangeCandidates ?? 0) > 0;
  const coChanged: ReadonlyMap<string, NeighbourEvidence> = neighbours ? viaNeighbours(q.index, q.stats, neighbours, q.halfLifeDays, widen ? undefined : emails) : new Map();
  if (widen) for (const email of coChanged.keys()) emails.add(email);

  const candidates: Candidate[] = [];
  const learned = q.weights.coefficients;
  const ctx = learned || q.withFeatures ? featureContext(q.index, q.stats, file, parentFolders(q.path)[0], area, chain, q.weights.smoothing) : undefined;
  for (const email of emails) {
    const evidence = evidenceOf(email, file, area);
    const co = coChanged.get(email);
    if (co) evidence.coChanged = { files: co.files, changes: co.changes };
    const c: Candidate = { email, evidence, kind: evidence.changes > 0 || evidence.created ? 'file' : 'area', score: 0 };
    if (ctx) c.features = featuresOf(email, ctx);
    if (chain.length > 0) c.score = learned && c.features ? linearScore(c.features, learned) : modelScore(email, chain, q.stats, q.weights, co?.share);
    candidates.push(c);
  }
  // The learned ranker's scores are log-odds: as odds relative to the best, they compare like the product's.
  if (learned && chain.length > 0) {
    const top = candidates.reduce((m, c) => Math.max(m, c.score), -Infinity);
    for (const c of candidates) c.score = Math.exp(c.score - top);
  }
  if (blame) {
    for (const c of candidates) {
      const lines = blame.linesByPerson.get(c.email) ?? 0;
      if (lines <= 0) continue;
      c.evidence.blameLines = lines;
      c.evidence.blameShare = lines / blame.totalLines;
      c.kind = 'lines';
      c.score *= Math.exp(Math.max(0, q.weights.linesBoost) * c.evidence.blameShare);
    }
  }
  return { candidates, area };
}
