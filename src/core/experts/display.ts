import { RELATIONSHIP_LABELS, type Relationship } from '../directory/types';
import type { RankedExpert } from './types';

/** People outside your team first, the farthest first: they are the ones you would not think to ask. */
export const CROSS_TEAM_ORDER: readonly Relationship[] = ['other-company', 'other-business-unit', 'other-team', 'your-team', 'unknown'];

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

/**
 * Display order. `crossTeamFirst`: by relationship in `CROSS_TEAM_ORDER`, then by score;
 * otherwise by score alone. Returns a new array.
 */
export function sortForDisplay(experts: readonly RankedExpert[], crossTeamFirst: boolean): RankedExpert[] {
  const copy = [...experts];
  if (!crossTeamFirst) return copy.sort(byScore);
  return copy.sort((a, b) => relationshipRank(a.relationship) - relationshipRank(b.relationship) || byScore(a, b));
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
