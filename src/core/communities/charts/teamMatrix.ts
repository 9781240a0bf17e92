/** The team × community matrix: how far each practice crosses the org chart. */
import type { CommunityFigures, TeamMatrix } from '../reportTypes';
import { escapeXml, fixed, shorten, svgDocument, text, type Chart, type ChartOptions } from './svgKit';

export function renderTeamMatrix(matrix: TeamMatrix, communities: readonly Pick<CommunityFigures, 'id' | 'name'>[], options: ChartOptions = {}): Chart {
  const nameOf = new Map(communities.map((c) => [c.id, c.name]));
  const rowLabel = 150;
  const headerHeight = 90;
  const cell = 44;
  const width = rowLabel + cell * Math.max(1, matrix.communities.length) + 10;
  const height = headerHeight + cell * Math.max(1, matrix.teams.length) + 10;
  const max = Math.max(1, ...matrix.participants.flat());
  const parts: string[] = [];
  matrix.communities.forEach((id, column) => {
    const x = rowLabel + column * cell + cell / 2;
    parts.push(text(x, headerHeight - 6, shorten(nameOf.get(id) ?? id, 16), `transform="rotate(-40 ${fixed(x)} ${headerHeight - 6})"`));
  });
  const lines: string[] = [];
  matrix.teams.forEach((team, row) => {
    const y = headerHeight + row * cell;
    const label = team?.name ?? 'no team';
    parts.push(text(rowLabel - 6, y + cell / 2 + 4, shorten(label, 22), 'text-anchor="end"'));
    const cells: string[] = [];
    matrix.communities.forEach((id, column) => {
      const x = rowLabel + column * cell;
      const n = matrix.participants[row][column];
      const core = matrix.core[row][column];
      const tip = `${label} in ${nameOf.get(id) ?? id}: ${n} taking part, ${core} core`;
      if (n === 0) {
        parts.push(`<rect class="cst-empty" x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}"><title>${escapeXml(tip)}</title></rect>`);
        return;
      }
      cells.push(`${nameOf.get(id) ?? id} ${n}${core ? ` (${core} core)` : ''}`);
      parts.push(`<rect class="cst-cell" x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" fill-opacity="${fixed(0.15 + 0.75 * (n / max), 2)}"><title>${escapeXml(tip)}</title></rect>`);
      parts.push(text(x + cell / 2, y + cell / 2 + 4, core ? `${n}·${core}` : String(n), 'text-anchor="middle"'));
    });
    lines.push(`${label}: ${cells.length ? cells.join(', ') : 'no community'}`);
  });
  const crossing = matrix.communities.filter((_, column) => matrix.teams.filter((t, row) => t !== null && matrix.participants[row][column] > 0).length >= 2).length;
  const summary = `${crossing} of ${matrix.communities.length} communities have people from two or more teams (cells: people taking part · core)`;
  const textAlternative = [summary, ...lines].join('\n');
  const svg = svgDocument({ id: `${options.idPrefix ?? 'cst'}-team-matrix`, width, height, title: 'Teams × communities', description: summary, body: parts.join('') });
  return { svg, text: textAlternative };
}
