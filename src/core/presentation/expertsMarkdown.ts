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

/** Team · business unit · company, as far as the directory knows. */
export function placeText(expert: RankedExpert): string {
  const p = expert.placement;
  return [p.team?.name, p.businessUnit?.name, p.company?.name].filter(Boolean).join(' · ');
}

function percent(share: number): string {
  const p = Math.round(share * 100);
  return p === 0 && share > 0 ? 'under 1%' : `${p}%`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "knows this area: src/pricing/ · 12 changes". */
export function areaLabel(expert: RankedExpert, fallbackFolder = ''): string {
  const area = expert.evidence.area;
  const folder = area?.folder ?? fallbackFolder;
  const changes = area?.changes ?? expert.evidence.changes;
  return `knows this area: ${folder === '' ? 'the repository' : `${folder}/`} · ${plural(changes, 'change')}`;
}

/**
 * The evidence in a few words, for one-line rows: "62% of lines · 14 changes · created it";
 * someone who only knows the area of a line or file gets areaLabel (in a folder's ranking
 * everyone's evidence is the folder's). The full sentence is `expert.explanation`.
 */
export function shortEvidence(expert: RankedExpert, targetKind: ExpertRanking['target']['kind'] = 'lines', fallbackFolder = ''): string {
  const e = expert.evidence;
  if (targetKind !== 'folder' && expert.evidenceKind === 'area') return areaLabel(expert, fallbackFolder);
  const parts: string[] = [];
  if (e.blameShare !== undefined && (e.blameLines ?? 0) > 0) parts.push(`${percent(e.blameShare)} of lines`);
  if (e.changes > 0) parts.push(plural(e.changes, 'change'));
  if ((e.filesCreated ?? 0) > 0) parts.push(`created ${plural(e.filesCreated ?? 0, 'file')}`);
  else if (e.created) parts.push('created it');
  return parts.join(' · ');
}

/** Escaped and on one line: a newline or control character in a name would break the row. */
function inline(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return escapeMarkdown(text.replace(/[\u0000-\u001f\u007f]+/g, ' '));
}

/** Text for a Markdown link title ("…"): inline, no quote to end it early. */
function linkTitle(text: string): string {
  return inline(text).replace(/"/g, '\\"');
}

/** Icon links; the full explanation rides in the Ask link's tooltip. */
function links(expert: RankedExpert, options: HoverTextOptions): string {
  const about = [expert.explanation, placeText(expert)].filter(Boolean).join(' — ');
  const ask = `Ask ${expert.name} in a thread${about ? `: ${about}` : ''}`;
  return [
    `[$(comment-discussion)](${options.commandLink('constellation.experts.askInThread', [options.target, expert.email])} "${linkTitle(ask)}")`,
    `[$(copy)](${options.commandLink('constellation.experts.copyEmail', [expert.email])} "${linkTitle(`Copy email ${expert.email}`)}")`,
  ].join(' ');
}

/** One line: name, *former*, relationship badge, the communities they are core to, short evidence, icon links. */
function expertLine(expert: RankedExpert, evidence: string, options: HoverTextOptions): string {
  const former = expert.former ? ' *(former)*' : '';
  const badge = `\`${RELATIONSHIP_LABELS[expert.relationship]}\``;
  const roles = options.communityRoles?.(expert.email);
  return `**${inline(expert.name)}**${former} ${badge}${roles ? ` · *${inline(roles)}*` : ''} · ${inline(evidence)} ${links(expert, options)}`;
}

/** Lines of one paragraph, kept apart by hard breaks (no paragraph margins: the hover stays short). */
function paragraph(lines: readonly string[]): string {
  return lines.join('  \n');
}

/**
 * The hover's Markdown, compact so the language's own hover stays in view: one line per expert
 * (the people with evidence on the lines or the file, cross-team first among comparable ones,
 * then at most two who only know the area, labelled), then the footer. Returns undefined when
 * there is nothing worth showing.
 */
export function formatExpertsHover(ranking: ExpertRanking | undefined, options: HoverTextOptions): string | undefined {
  const blocks: string[] = ['**$(organization) Who knows this code**'];
  if (!ranking || ranking.experts.length === 0) {
    if (!options.indexing) return undefined;
    blocks.push('$(sync~spin) Indexing history…');
    return blocks.join('\n\n');
  }
  if (ranking.knowledgeAtRisk) blocks.push('$(warning) **Knowledge at risk:** everyone who wrote this code has left; ask them, or the active people of the area.');
  const sections = sectionExperts(ranking, { crossTeamFirst: options.crossTeamFirst, count: options.count });
  const rows = [
    ...sections.code.map((e) => expertLine(e, shortEvidence(e, ranking.target.kind), options)),
    ...sections.area.map((e) => expertLine(e, areaLabel(e, sections.areaFolder), options)),
  ];
  blocks.push(paragraph(rows));
  const footer: string[] = [];
  if (ranking.owners?.length) footer.push(`$(shield) Owned by ${ranking.owners.map(escapeMarkdown).join(', ')} (CODEOWNERS)`);
  if (ranking.historyIncomplete) footer.push('$(info) History incomplete (shallow clone).');
  if (options.indexing || ranking.partial) footer.push('$(sync~spin) Indexing history… these experts may change.');
  const showAll = options.commandLink('constellation.experts.showAll', [options.target]);
  footer.push(`[$(list-flat) Show all experts (${sections.total})](${showAll})`);
  blocks.push(paragraph(footer));
  return blocks.join('\n\n');
}
