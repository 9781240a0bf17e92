import { RELATIONSHIP_LABELS } from '../directory/types';
import type { ExpertRanking, RankedExpert } from '../experts/types';
import { sectionExperts } from '../experts/display';
import { commandUri, escapeMarkdown } from '../util/markdown';

export { commandUri, escapeMarkdown };

/** Builds a `command:` link target for the given command and arguments. */
export type CommandLink = (command: string, args: unknown[]) => string;

export interface HoverTextOptions {
  crossTeamFirst: boolean;
  /** How many experts to show. */
  count: number;
  commandLink: CommandLink;
  /** Arguments that identify the hovered code, passed back to "Ask in a thread" / "Show all experts". */
  target: unknown;
  indexing: boolean;
  /** Which communities the expert is core to ("core in Reliability Guild"), from precomputed data; shown on their line. */
  communityRoles?: (email: string) => string | undefined;
}


function placeText(expert: RankedExpert): string {
  const p = expert.placement;
  return [p.team?.name, p.businessUnit?.name, p.company?.name].filter(Boolean).join(' · ');
}

function links(expert: RankedExpert, options: HoverTextOptions): string {
  return [
    `[$(comment-discussion) Ask](${options.commandLink('constellation.experts.askInThread', [options.target, expert.email])} "Ask ${escapeMarkdown(expert.name)} in a thread")`,
    `[$(copy) Copy email](${options.commandLink('constellation.experts.copyEmail', [expert.email])} "Copy email address")`,
  ].join(' ');
}

/** Name, badge, place and, from precomputed data, the communities they are core to. */
function heading(expert: RankedExpert, options: HoverTextOptions): string {
  const badge = `\`${RELATIONSHIP_LABELS[expert.relationship]}\``;
  const former = expert.former ? ' *(former)*' : '';
  const place = placeText(expert);
  const roles = options.communityRoles?.(expert.email);
  return `**${escapeMarkdown(expert.name)}**${former} ${badge}${place ? ` — ${escapeMarkdown(place)}` : ''}${roles ? ` · *${escapeMarkdown(roles)}*` : ''}`;
}

function expertLine(expert: RankedExpert, options: HoverTextOptions): string {
  return [`${heading(expert, options)}  `, `${escapeMarkdown(expert.explanation)}  `, links(expert, options)].join('\n');
}

/** "knows this area: src/pricing/ · 12 changes". */
export function areaLabel(expert: RankedExpert, fallbackFolder = ''): string {
  const area = expert.evidence.area;
  const folder = area?.folder ?? fallbackFolder;
  const changes = area?.changes ?? expert.evidence.changes;
  return `knows this area: ${folder === '' ? 'the repository' : `${folder}/`} · ${changes} ${changes === 1 ? 'change' : 'changes'}`;
}

/**
 * The hover's Markdown: the people with evidence on the lines or the file (cross-team first
 * among comparable ones), then, labelled, at most two who only know the area; each with its
 * evidence and one-click actions. Returns undefined when there is nothing worth showing.
 */
export function formatExpertsHover(ranking: ExpertRanking | undefined, options: HoverTextOptions): string | undefined {
  const lines: string[] = ['**$(organization) Who knows this code**', ''];
  if (!ranking || ranking.experts.length === 0) {
    if (!options.indexing) return undefined;
    lines.push('$(sync~spin) Indexing history…');
    return lines.join('\n');
  }
  if (ranking.knowledgeAtRisk) lines.push('$(warning) **Knowledge at risk:** everyone who wrote this code has left; ask them, or the active people of the area.', '');
  const sections = sectionExperts(ranking, { crossTeamFirst: options.crossTeamFirst, count: options.count });
  for (const expert of sections.code) lines.push(expertLine(expert, options), '');
  for (const expert of sections.area) lines.push([`${heading(expert, options)}  `, `${escapeMarkdown(areaLabel(expert, sections.areaFolder))}  `, links(expert, options)].join('\n'), '');
  if (ranking.owners?.length) lines.push(`$(shield) Owned by ${ranking.owners.map(escapeMarkdown).join(', ')} (CODEOWNERS)`, '');
  if (ranking.historyIncomplete) lines.push('$(info) History incomplete (shallow clone).', '');
  if (options.indexing || ranking.partial) lines.push('$(sync~spin) Indexing history… these experts may change.', '');
  const showAll = options.commandLink('constellation.experts.showAll', [options.target]);
  lines.push(`[$(list-flat) Show all experts (${sections.total})](${showAll})`);
  return lines.join('\n');
}
