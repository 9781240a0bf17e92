import { RELATIONSHIP_LABELS } from '../core/directory/types';
import type { ExpertRanking } from '../core/experts/types';
import { oneLine } from './terminalText';

/** The CLI's JSON shape for one expert (stable: scripts depend on it). */
export interface ExpertJson {
  email: string;
  name: string;
  score: number;
  team: string | null;
  businessUnit: string | null;
  company: string | null;
  relationship: string;
  /** What the place rests on: `lines` of the range, the `file`, or only its `area`. */
  evidenceKind: 'lines' | 'file' | 'area';
  evidence: string;
  former: boolean;
}

export function rankingToJson(ranking: ExpertRanking): ExpertJson[] {
  return ranking.experts.map((e) => ({
    email: e.email,
    name: e.name,
    score: Math.round(e.score * 1000) / 1000,
    team: e.placement.team?.name ?? null,
    businessUnit: e.placement.businessUnit?.name ?? null,
    company: e.placement.company?.name ?? null,
    relationship: e.relationship,
    evidenceKind: e.evidenceKind,
    evidence: e.explanation,
    former: e.former,
  }));
}

/** Names, emails, places and owners come from the repository: each is printed as one clean line. */
export function rankingToText(label: string, ranking: ExpertRanking): string {
  const lines = [oneLine(label)];
  if (ranking.experts.length === 0) lines.push('  (no history for this code)');
  ranking.experts.forEach((e, i) => {
    const place = [e.placement.team?.name, e.placement.businessUnit?.name, e.placement.company?.name].filter(Boolean).map((p) => oneLine(p as string)).join(' · ');
    lines.push(`  ${String(i + 1).padStart(2)}. ${oneLine(e.name)} <${oneLine(e.email)}>  ${e.score.toFixed(2)}  [${e.evidenceKind}]  ${RELATIONSHIP_LABELS[e.relationship]}${place ? ` · ${place}` : ''}${e.former ? ' · former' : ''}`);
    lines.push(`      ${oneLine(e.explanation)}`);
  });
  if (ranking.total > ranking.experts.length) lines.push(`  … ${ranking.total - ranking.experts.length} more (--limit)`);
  if (ranking.owners?.length) lines.push(`  owned by ${ranking.owners.map(oneLine).join(', ')} (CODEOWNERS)`);
  if (ranking.knowledgeAtRisk) lines.push('  ! knowledge at risk: everyone who wrote this code is former');
  if (ranking.historyIncomplete) lines.push('  ! history incomplete (shallow clone)');
  return lines.join('\n');
}
