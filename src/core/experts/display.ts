import { RELATIONSHIP_LABELS, type Relationship } from '../directory/types';
import type { ExpertRanking, RankedExpert } from './types';

/** People outside your team first, the farthest first: they are the ones you would not think to ask. */
export const CROSS_TEAM_ORDER: readonly Relationship[] = ['other-company', 'other-business-unit', 'other-team', 'your-team', 'unknown'];

/**
 * Two experts have comparable evidence when both rest on the code itself (lines or file) or both
 * only on its area, and the weaker score is at least this share of the stronger one (within a
 * factor of two). Cross-team order only ever reorders comparable experts.
 */
export const COMPARABLE_SCORE_RATIO = 0.5;

/** How many people who only know the area the hover shows at most. */
export const AREA_EXPERTS_SHOWN = 2;

export interface RelationshipGroup {
  relationship: Relationship;
  label: string;
  experts: RankedExpert[];
}

function byScore(a: RankedExpert, b: RankedExpert): number {
  return b.score - a.score || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);
}

function relationshipRank(r: Relationship): number {
  const i = CROSS_TEAM_ORDER.indexOf(r);
  return i < 0 ? CROSS_TEAM_ORDER.length : i;
}

/** Evidence on the lines or the file, as opposed to the area only. */
export function knowsTheCode(expert: RankedExpert): boolean {
  return expert.evidenceKind !== 'area';
}

/** True when `a` and `b` have comparable evidence (see COMPARABLE_SCORE_RATIO). */
export function comparable(a: RankedExpert, b: RankedExpert): boolean {
  if (knowsTheCode(a) !== knowsTheCode(b)) return false;
  const high = Math.max(a.score, b.score);
  const low = Math.min(a.score, b.score);
  return high <= 0 || low >= COMPARABLE_SCORE_RATIO * high;
}

/**
 * Display order of a ranked list (best first). Without `crossTeamFirst`, the ranking's own order.
 * With it, the list is cut into runs of experts comparable with the run's first one, and only
 * inside a run do people farther from you come first: nobody with weak evidence is ever lifted
 * over someone with evidence more than twice as strong, nor someone who only knows the area over
 * someone who knows the code. Former people leading a list whose code only they wrote stay first.
 */
export function sortForDisplay(experts: readonly RankedExpert[], crossTeamFirst: boolean, pinned = 0): RankedExpert[] {
  if (!crossTeamFirst) return [...experts];
  const out = experts.slice(0, pinned);
  for (let i = pinned; i < experts.length; ) {
    let j = i + 1;
    while (j < experts.length && comparable(experts[i], experts[j])) j++;
    const run = experts.slice(i, j);
    const position = new Map(run.map((e, k) => [e, k]));
    out.push(...run.sort((a, b) => relationshipRank(a.relationship) - relationshipRank(b.relationship) || (position.get(a) ?? 0) - (position.get(b) ?? 0)));
    i = j;
  }
  return out;
}

/** The former people a ranking put first because only they wrote the code. */
export function formerLeaders(ranking: ExpertRanking): number {
  if (!ranking.knowledgeAtRisk) return 0;
  let n = 0;
  while (n < ranking.experts.length && ranking.experts[n].former && knowsTheCode(ranking.experts[n])) n++;
  return n;
}

export interface ExpertSections {
  /** People with evidence on the lines or the file, in display order. */
  code: RankedExpert[];
  /** People who only know the area, after them (at most AREA_EXPERTS_SHOWN). */
  area: RankedExpert[];
  /** The area's folder ('' = the repository) when `area` is not empty. */
  areaFolder?: string;
  /** Everyone with evidence, shown or not. */
  total: number;
}

/**
 * What a person sees for a ranking, for the hover and the Experts view: up to `count` people,
 * the best of those with evidence on the lines or the file first (cross-team first among
 * comparable ones), then, in the slots left, the best (at most two) who only know the area.
 */
export function sectionExperts(ranking: ExpertRanking, options: { crossTeamFirst: boolean; count: number }): ExpertSections {
  const count = Math.max(0, Math.floor(options.count));
  const pinned = formerLeaders(ranking);
  // The best `count` are chosen first; display order only rearranges those.
  const code = sortForDisplay(ranking.experts.filter(knowsTheCode).slice(0, count), options.crossTeamFirst, pinned);
  const room = Math.min(AREA_EXPERTS_SHOWN, count - code.length);
  const area = room > 0 ? sortForDisplay(ranking.experts.filter((e) => !knowsTheCode(e)).slice(0, room), options.crossTeamFirst) : [];
  const sections: ExpertSections = { code, area, total: Math.max(ranking.total ?? 0, ranking.experts.length) };
  if (area.length > 0) sections.areaFolder = area[0].evidence.area?.folder ?? ranking.area?.folder;
  return sections;
}

/**
 * Non-empty groups by relationship, each sorted by score. With `crossTeamFirst` (the default) the
 * groups come in `CROSS_TEAM_ORDER`; otherwise the group holding the best score comes first.
 */
export function groupByRelationship(experts: readonly RankedExpert[], crossTeamFirst = true): RelationshipGroup[] {
  const groups = new Map<Relationship, RankedExpert[]>();
  for (const e of experts) {
    const list = groups.get(e.relationship) ?? [];
    list.push(e);
    groups.set(e.relationship, list);
  }
  const result: RelationshipGroup[] = [];
  for (const relationship of CROSS_TEAM_ORDER) {
    const list = groups.get(relationship);
    if (list) result.push({ relationship, label: RELATIONSHIP_LABELS[relationship], experts: list.sort(byScore) });
  }
  if (!crossTeamFirst) {
    result.sort((a, b) => b.experts[0].score - a.experts[0].score || relationshipRank(a.relationship) - relationshipRank(b.relationship));
  }
  return result;
}
