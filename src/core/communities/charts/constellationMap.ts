/**
 * The constellation map: every community as one picture, linked by the boundary spanners they
 * share; potential (undeclared) communities dashed, and so are declared ones whose relationship to
 * the organisation is `unrecognized` (the caller passes their ids). A circular layout, declared
 * communities first in report order: deterministic, so the same report always draws the same map.
 */
import type { ConstellationMap, PersonFigures } from '../reportTypes';
import { escapeXml, fixed, shorten, svgDocument, text, type Chart, type ChartOptions } from './svgKit';

export function renderConstellation(map: ConstellationMap, people: Readonly<Record<string, PersonFigures>> = {}, options: ChartOptions & { unrecognized?: readonly string[] } = {}): Chart {
  const size = 560;
  const centre = size / 2;
  const orbit = map.nodes.length <= 1 ? 0 : size / 2 - 90;
  const maxParticipants = Math.max(1, ...map.nodes.map((n) => n.participants));
  const position = new Map(
    map.nodes.map((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, map.nodes.length) - Math.PI / 2;
      return [n.id, { x: centre + orbit * Math.cos(angle), y: centre + orbit * Math.sin(angle), r: 12 + 30 * Math.sqrt(n.participants / maxParticipants) }];
    }),
  );
  const kind = new Map(map.nodes.map((n) => [n.id, n.kind]));
  const unrecognized = new Set(options.unrecognized ?? []);
  const dashed = (id: string): boolean => kind.get(id) === 'potential' || unrecognized.has(id);
  const nameOf = new Map(map.nodes.map((n) => [n.id, n.name]));
  const maxShared = Math.max(1, ...map.links.map((l) => l.people.length));
  const parts: string[] = [];
  const lines: string[] = [];
  for (const link of map.links) {
    const a = position.get(link.source);
    const b = position.get(link.target);
    if (!a || !b) continue;
    const potential = dashed(link.source) || dashed(link.target);
    const who = link.people.map((k) => people[k]?.name ?? k);
    parts.push(
      `<line class="${potential ? 'cst-link-potential' : 'cst-link'}" x1="${fixed(a.x)}" y1="${fixed(a.y)}" x2="${fixed(b.x)}" y2="${fixed(b.y)}" stroke-width="${fixed(1 + 5 * (link.people.length / maxShared))}"><title>${escapeXml(`${nameOf.get(link.source)} – ${nameOf.get(link.target)}: ${who.join(', ')}`)}</title></line>`,
    );
    lines.push(`${nameOf.get(link.source)} – ${nameOf.get(link.target)}: ${who.length} shared (${who.join(', ')})`);
  }
  for (const node of map.nodes) {
    const p = position.get(node.id)!;
    const tip = `${node.name}${kindLabel(node.kind, unrecognized.has(node.id))}: ${node.participants} taking part${node.kind === 'declared' ? `, ${node.core} core` : ''}`;
    parts.push(`<circle class="${dashed(node.id) ? 'cst-potential' : 'cst-community'}" cx="${fixed(p.x)}" cy="${fixed(p.y)}" r="${fixed(p.r)}"><title>${escapeXml(tip)}</title></circle>`);
    parts.push(text(p.x, p.y + p.r + 13, shorten(node.name, 28), `text-anchor="middle"${dashed(node.id) ? ' class="cst-muted"' : ''}`));
    parts.push(text(p.x, p.y + 4, String(node.participants), 'text-anchor="middle"'));
  }
  const declared = map.nodes.filter((n) => n.kind === 'declared').length;
  const summary = `${declared} declared and ${map.nodes.length - declared} potential communities, ${map.links.length} links through shared people`;
  const textAlternative = [summary, ...map.nodes.map((n) => `${n.name}${n.kind === 'potential' ? ' (potential)' : unrecognized.has(n.id) ? ' (unrecognized)' : ''}: ${n.participants} taking part`), ...lines].join('\n');
  const svg = svgDocument({ id: `${options.idPrefix ?? 'cst'}-constellation`, width: size, height: size, title: 'Constellation of communities', description: summary, body: parts.join('') });
  return { svg, text: textAlternative };
}

function kindLabel(kind: 'declared' | 'potential', unrecognized: boolean): string {
  return kind === 'potential' ? ' (potential, not declared)' : unrecognized ? ' (not recognised by the organisation)' : '';
}
