import type { Placement, Relationship } from '../directory/types';
import type { BlameSummary, HistoryIndexData } from '../git/historyTypes';
import { isBot } from './bots';
import { applyBackoff, fileCandidates, folderCandidates, type Candidate } from './candidates';
import { explain, type TargetKind } from './explain';
import { folderRollup } from './folderRollup';
import { DEFAULT_WEIGHTS, isFormer, type ScoreWeights } from './scoring';
import type { ExpertModelOptions, ExpertRanking, RankedExpert } from './types';

/** Where a person sits and how they stand relative to the user (the org directory, adapted). */
export type Classifier = (email: string, name: string) => { placement: Placement; relationship: Relationship };

/** Everything the ranking model reads (the engine's ExpertQuery is the question asked; this is the evidence). */
export interface RankingInput {
  index: HistoryIndexData;
  target: { path: string; kind: TargetKind; startLine?: number; endLine?: number };
  /** Surviving lines of the range (kind 'lines') or of the whole file. */
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

/**
 * Defaults: 180-day half-life, former after 180 days without a commit (a year scored worse in
 * the replay eval), folder evidence fading
 * out as a file reaches 30 changes (the eval's best; see scoring.ts).
 */
export function defaultExpertModelOptions(now: number): ExpertModelOptions {
  return { halfLifeDays: 180, formerAfterDays: 180, backoffMinChanges: 30, extraBots: [], now };
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

/**
 * Ranks the people who know a line range, a file or a folder best. Pure and cheap: a file query
 * touches only that file's contributors; folder roll-ups are memoised per index object.
 */
export function rankExperts(input: RankingInput): ExpertRanking {
  const { index, blame, options } = input;
  const w: ScoreWeights = { ...DEFAULT_WEIGHTS, ...input.weights };
  const path = normalizeTargetPath(input.target.path);
  const kind = input.target.kind;
  const nameOf = (email: string): string => index.people.get(email)?.name ?? blame?.names.get(email) ?? email;
  const verdicts = new Map<string, boolean>();
  const human = (email: string): boolean => {
    let v = verdicts.get(email);
    if (v === undefined) {
      v = !isBot(email, nameOf(email), options.extraBots);
      verdicts.set(email, v);
    }
    return v;
  };

  let candidates: Map<string, Candidate>;
  if (kind === 'folder') {
    const rollup = folderRollup(index, path, { halfLifeDays: options.halfLifeDays, extraBots: options.extraBots });
    candidates = folderCandidates(rollup, human, w);
  } else {
    const file = fileCandidates(index, path, blame, human, w, options.halfLifeDays);
    candidates = file.candidates;
    applyBackoff(index, path, file.humanChanges, candidates, human, w, options);
  }

  const formerByEmail = new Map<string, boolean>();
  const lastActiveOf = (c: Candidate): number | undefined =>
    index.people.get(c.email)?.lastActive ?? blame?.lastTimeByPerson.get(c.email) ?? c.evidence.lastChange;
  for (const c of candidates.values()) {
    const lastActive = lastActiveOf(c);
    if (lastActive !== undefined) c.evidence.lastActive = lastActive;
    const former = isFormer(lastActive, options.now, options.formerAfterDays);
    formerByEmail.set(c.email, former);
    if (former) c.score *= w.formerFactor;
  }

  const limit = Math.max(0, Math.floor(input.limit ?? DEFAULT_LIMIT));
  const ranked = [...candidates.values()].filter((c) => c.score > 0).sort(byScore).slice(0, limit);
  const top = ranked.length > 0 ? ranked[0].score : 1;
  const experts: RankedExpert[] = ranked.map((c) => {
    const name = nameOf(c.email);
    const former = formerByEmail.get(c.email) ?? false;
    const { placement, relationship } = input.classify(c.email, name);
    return {
      email: c.email,
      name,
      score: c.score / top,
      evidence: c.evidence,
      explanation: explain(c.evidence, kind, options.now, former, path),
      former,
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
  return {
    target,
    experts,
    knowledgeAtRisk: experts.length > 0 && experts.every((e) => e.former),
    partial: input.partial ?? false,
    historyIncomplete: index.shallow,
  };
}
