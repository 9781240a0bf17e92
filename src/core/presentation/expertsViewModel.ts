/** What the Experts view shows for a ranking, as plain data (the view only turns it into tree items). */
import { RELATIONSHIP_LABELS } from '../directory/types';
import { sectionExperts, sortForDisplay } from '../experts/display';
import type { ExpertRanking, RankedExpert } from '../experts/types';
import { areaLabel, placeText, shortEvidence } from './expertsMarkdown';

/** What the view follows: the block or selection at the cursor, its file, or the file's folder. */
export type ExpertsScope = 'lines' | 'file' | 'folder';

export const EXPERTS_SCOPES: readonly ExpertsScope[] = ['lines', 'file', 'folder'];

export function isExpertsScope(value: unknown): value is ExpertsScope {
  return typeof value === 'string' && (EXPERTS_SCOPES as readonly string[]).includes(value);
}

/** How many people the view lists before "Show all experts (N)". */
export const VIEW_EXPERTS_SHOWN = 10;

function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** "lines 18–22 of cart.ts", "line 7 of cart.ts", "cart.ts", "src/checkout/", "the repository". */
export function describeTarget(target: { kind: ExpertsScope; path: string; startLine?: number; endLine?: number }): string {
  switch (target.kind) {
    case 'folder':
      return target.path === '' ? 'the repository' : `${target.path}/`;
    case 'file':
      return basename(target.path);
    case 'lines': {
      const { startLine, endLine } = target;
      if (startLine === undefined) return basename(target.path);
      const lines = endLine === undefined || endLine === startLine ? `line ${startLine}` : `lines ${startLine}–${endLine}`;
      return `${lines} of ${basename(target.path)}`;
    }
  }
}

export interface ExpertRow {
  expert: RankedExpert;
  /** Relationship badge · short evidence · former. */
  description: string;
  /** The full explanation and where the person sits. */
  details: string;
}

export interface ExpertsViewModel {
  /** Everyone who wrote the code has left: said above the list. */
  knowledgeAtRisk: boolean;
  /** People with evidence on the lines or the file (for a folder: the folder's people), display order. */
  code: ExpertRow[];
  /** At most two people who only know the area, listed apart. */
  area?: { folder: string; label: string; experts: ExpertRow[] };
  /** Everyone with evidence, in ranking order: `experts.length` is `total` when the query had no limit. */
  all: { total: number; experts: ExpertRow[] };
}

function row(expert: RankedExpert, evidence: string): ExpertRow {
  const description = [RELATIONSHIP_LABELS[expert.relationship], evidence, expert.former ? 'former' : undefined].filter(Boolean).join(' · ');
  const details = [expert.explanation, placeText(expert)].filter(Boolean).join('\n');
  return { expert, description, details };
}

export function expertsViewModel(ranking: ExpertRanking, options: { crossTeamFirst: boolean; count?: number }): ExpertsViewModel {
  const count = options.count ?? VIEW_EXPERTS_SHOWN;
  const kind = ranking.target.kind;
  const all = { total: Math.max(ranking.total, ranking.experts.length), experts: ranking.experts.map((e) => row(e, shortEvidence(e, kind, ranking.area?.folder))) };
  if (kind === 'folder') {
    // Everyone's evidence is the folder itself: one list, no "area" apart.
    const code = sortForDisplay(ranking.experts.slice(0, count), options.crossTeamFirst).map((e) => row(e, shortEvidence(e, kind)));
    return { knowledgeAtRisk: ranking.knowledgeAtRisk, code, all };
  }
  const sections = sectionExperts(ranking, { crossTeamFirst: options.crossTeamFirst, count });
  const model: ExpertsViewModel = { knowledgeAtRisk: ranking.knowledgeAtRisk, code: sections.code.map((e) => row(e, shortEvidence(e, kind))), all: { ...all, total: sections.total } };
  if (sections.area.length > 0) {
    const folder = sections.areaFolder ?? '';
    model.area = {
      folder,
      label: folder === '' ? 'the repository' : `${folder}/`,
      experts: sections.area.map((e) => row(e, areaLabel(e, folder))),
    };
  }
  return model;
}
