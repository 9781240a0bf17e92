import type { Placement, Relationship } from '../directory/types';
import type { BlameSummary, HistoryIndexData } from '../git/historyTypes';
import { areaStats } from './areaStats';
import { isBot } from './bots';
import { collectCandidates, type Candidate } from './candidates';
import { explain, type TargetKind } from './explain';
import { DEFAULT_WEIGHTS, isFormer, type ScoreWeights } from './scoring';
import type { ExpertModelOptions, ExpertRanking, RankedExpert } from './types';

/** Where a person sits and how they stand relative to the user (the org directory, adapted). */
export type Classifier = (email: string, name: string) => { placement: Placement; relationship: Relationship };

/** Everything the ranking model reads (the engine's ExpertQuery is the question asked; this is the evidence). */
export interface RankingInput {
  index: HistoryIndexData;
  target: { path: string; kind: TargetKind; startLine?: number; endLine?: number };
  /** Surviving lines of the range (kind 'lines'). */
  blame?: BlameSummary;
  options: ExpertModelOptions;
  classify: Classifier;
  /** How many experts to return (default 5). */
  limit?: number;
  /** The index is still being built. */
  partial?: boolean;
  /** Overrides of the scoring weights: for the evaluation and tuning, not for users. */
  weights?: Partial<ScoreWeights>;
}

export const DEFAULT_LIMIT = 5;

/** At most this many former people lead a list as the only ones who wrote the code. */
export const FORMER_LEADERS = 2;

/**
 * Defaults: 180-day half-life for a change, former after 180 days without a commit, and a file's
 * area is its nearest parent folder with 100 other changes (tuned with `npm run eval -- --tune`).
 */
export function defaultExpertModelOptions(now: number): ExpertModelOptions {
  return { halfLifeDays: 180, formerAfterDays: 180, backoffMinChanges: 100, extraBots: [], now };
}

/**
 * Repository-relative (callers give forward slashes), no leading "./" nor trailing "/"; '' is the
 * root. A backslash stays: on POSIX it is part of a file name, and `a\b.ts` is not `a/b.ts`.
 */
export function normalizeTargetPath(path: string): string {
  let p = path.replace(/\/+$/, '');
  while (p.startsWith('./')) p = p.slice(2);
  return p === '.' ? '' : p.replace(/^\/+/, '');
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || b.evidence.changes - a.evidence.changes || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);
}

/** Who wrote the code: more lines, then more changes, then the latest change. */
function byEvidence(a: Candidate, b: Candidate): number {
  return (b.evidence.blameLines ?? 0) - (a.evidence.blameLines ?? 0) || b.evidence.changes - a.evidence.changes || (b.evidence.lastChange ?? 0) - (a.evidence.lastChange ?? 0) || byScore(a, b);
}

/**
 * When everyone with evidence on the code itself (its lines for a range, else the file) is
 * former, the (at most two) who wrote most of it lead, and the rest follow by score: the nearest
 * active people of the area come right after them. Returns whether knowledge is at risk.
 */
function formerFirst(ranked: Candidate[], kind: TargetKind, former: ReadonlyMap<string, boolean>): boolean {
  if (kind === 'folder') return false;
  const onLines = ranked.filter((c) => c.kind === 'lines');
  const authors = onLines.length > 0 ? onLines : ranked.filter((c) => c.kind === 'file');
  if (authors.length === 0 || !authors.every((c) => former.get(c.email))) return false;
  const leaders = [...authors].sort(byEvidence).slice(0, FORMER_LEADERS);
  const rest = ranked.filter((c) => !leaders.includes(c));
  ranked.splice(0, ranked.length, ...leaders, ...rest);
  return true;
}

/**
 * Ranks the people who know a line range, a file or a folder: one list, best first, each tagged
 * with the kind of evidence it rests on. Pure and cheap: folder figures are computed once per
 * index object; a query touches the file's contributors and its area's people.
 */
export function rankExperts(input: RankingInput): ExpertRanking {
  const { index, blame, options } = input;
  const w: ScoreWeights = { ...DEFAULT_WEIGHTS, ...input.weights };
  const path = normalizeTargetPath(input.target.path);
  const kind = input.target.kind;
  const nameOf = (email: string): string => index.people.get(email)?.name ?? blame?.names.get(email) ?? email;
  const stats = areaStats(index, { halfLifeDays: options.halfLifeDays, activityHalfLifeDays: w.activityHalfLifeDays, activityPlateauDays: w.activityPlateauDays ?? 0, activityDays: (w.activityDays ?? 0) > 0, longActivityHalfLifeDays: w.longActivityHalfLifeDays, extraBots: options.extraBots, returnAffinity: (w.returnAffinity ?? 0) !== 0 });
  const found = collectCandidates({ index, stats, path, kind, blame, weights: w, halfLifeDays: options.halfLifeDays, areaMinChanges: options.backoffMinChanges });

  const former = new Map<string, boolean>();
  const candidates = found.candidates.filter((c) => !isBot(c.email, nameOf(c.email), options.extraBots));
  for (const c of candidates) {
    const lastActive = index.people.get(c.email)?.lastActive ?? blame?.lastTimeByPerson.get(c.email) ?? c.evidence.lastChange;
    if (lastActive !== undefined) c.evidence.lastActive = lastActive;
    // Flagged only: the activity term already ranks people who stopped committing down.
    former.set(c.email, isFormer(lastActive, options.now, options.formerAfterDays));
  }
  const ranked = candidates.filter((c) => c.score > 0).sort(byScore);
  const knowledgeAtRisk = formerFirst(ranked, kind, former);

  const limit = Math.max(0, Math.floor(input.limit ?? DEFAULT_LIMIT));
  const top = ranked.reduce((max, c) => Math.max(max, c.score), 0) || 1;
  const experts: RankedExpert[] = ranked.slice(0, limit).map((c) => {
    const name = nameOf(c.email);
    const isGone = former.get(c.email) ?? false;
    const { placement, relationship } = input.classify(c.email, name);
    return {
      email: c.email,
      name,
      score: c.score / top,
      evidence: c.evidence,
      evidenceKind: c.kind,
      explanation: explain(c.evidence, kind, options.now, isGone, path),
      former: isGone,
      placement,
      relationship,
    };
  });

  const target: ExpertRanking['target'] = { path, kind };
  if (kind === 'lines') {
    const startLine = input.target.startLine ?? blame?.startLine;
    const endLine = input.target.endLine ?? blame?.endLine;
    if (startLine !== undefined) target.startLine = startLine;
    if (endLine !== undefined) target.endLine = endLine;
  }
  const ranking: ExpertRanking = {
    target,
    experts,
    total: ranked.length,
    knowledgeAtRisk,
    partial: input.partial ?? false,
    historyIncomplete: index.shallow,
  };
  if (found.area) ranking.area = { folder: found.area.folder, changes: found.area.changes };
  return ranking;
}
