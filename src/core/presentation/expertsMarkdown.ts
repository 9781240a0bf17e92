import { RELATIONSHIP_LABELS } from '../directory/types';
import type { ExpertRanking, RankedExpert } from '../experts/types';
import { groupByRelationship } from '../experts/display';
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

function expertLine(expert: RankedExpert, options: HoverTextOptions): string {
  const badge = `\`${RELATIONSHIP_LABELS[expert.relationship]}\``;
  const former = expert.former ? ' *(former)*' : '';
  const place = placeText(expert);
  const roles = options.communityRoles?.(expert.email);
  const links = [
    `[$(comment-discussion) Ask](${options.commandLink('constellation.experts.askInThread', [options.target, expert.email])} "Ask ${escapeMarkdown(expert.name)} in a thread")`,
    `[$(copy) Copy email](${options.commandLink('constellation.experts.copyEmail', [expert.email])} "Copy email address")`,
  ].join(' ');
  return [
    `**${escapeMarkdown(expert.name)}**${former} ${badge}${place ? ` — ${escapeMarkdown(place)}` : ''}${roles ? ` · *${escapeMarkdown(roles)}*` : ''}  `,
    `${escapeMarkdown(expert.explanation)}  `,
    links,
  ].join('\n');
}

/**
 * The hover's Markdown: experts grouped by relationship to you, each with its evidence and
 * one-click actions. Returns undefined when there is nothing worth showing.
 */
export function formatExpertsHover(ranking: ExpertRanking | undefined, options: HoverTextOptions): string | undefined {
  const lines: string[] = ['**$(organization) Who knows this code**', ''];
  if (!ranking || ranking.experts.length === 0) {
    if (!options.indexing) return undefined;
    lines.push('$(sync~spin) Indexing history…');
    return lines.join('\n');
  }
  const shown = ranking.experts.slice(0, options.count);
  for (const group of groupByRelationship(shown, options.crossTeamFirst)) {
    for (const expert of group.experts) lines.push(expertLine(expert, options), '');
  }
  if (ranking.owners?.length) lines.push(`$(shield) Owned by ${ranking.owners.map(escapeMarkdown).join(', ')} (CODEOWNERS)`, '');
  if (ranking.knowledgeAtRisk) lines.push('$(warning) **Knowledge at risk:** everyone who knows this code is former.', '');
  if (ranking.historyIncomplete) lines.push('$(info) History incomplete (shallow clone).', '');
  if (options.indexing || ranking.partial) lines.push('$(sync~spin) Indexing history… these experts may change.', '');
  const more = ranking.experts.length - shown.length;
  const showAll = options.commandLink('constellation.experts.showAll', [options.target]);
  lines.push(`[$(list-flat) Show all experts${more > 0 ? ` (${ranking.experts.length})` : ''}](${showAll})`);
  return lines.join('\n');
}
