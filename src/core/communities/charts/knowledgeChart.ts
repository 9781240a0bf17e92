/** Truck factor and knowledge islands of one community: where its knowledge rests on too few people. */
import type { CommunityFigures, PersonFigures } from '../reportTypes';
import { escapeXml, fixed, shorten, svgDocument, text, type Chart, type ChartOptions } from './svgKit';

export function renderKnowledge(community: CommunityFigures, people: Readonly<Record<string, PersonFigures>>, options: ChartOptions = {}): Chart {
  const k = community.knowledge;
  const width = 640;
  const owners = k.islandsByPerson.slice(0, 6);
  const height = 120 + owners.length * 22;
  const nameOf = (key: string): string => people[key]?.name ?? key;
  const parts: string[] = [];
  const tfClass = k.truckFactor <= 1 ? 'cst-risk' : k.truckFactor === 2 ? 'cst-warn' : 'cst-ok';
  parts.push(`<circle class="${tfClass}" cx="44" cy="48" r="32"/>`, text(44, 56, String(k.truckFactor), 'text-anchor="middle" font-size="24"'));
  parts.push(text(44, 98, 'truck factor', 'class="cst-muted" text-anchor="middle"'));
  const barX = 110;
  const barWidth = width - barX - 20;
  const total = Math.max(1, k.files);
  const segments: Array<[string, number, string]> = [
    ['cst-ok', k.files - k.islands.count - k.orphaned.count, 'shared'],
    ['cst-warn', k.islands.count, 'islands'],
    ['cst-risk', k.orphaned.count, 'orphaned'],
  ];
  let x = barX;
  for (const [cls, n, label] of segments) {
    if (n <= 0) continue;
    const w = (n / total) * barWidth;
    parts.push(`<rect class="${cls}" x="${fixed(x)}" y="24" width="${fixed(w)}" height="26"><title>${escapeXml(`${n} ${label} files`)}</title></rect>`);
    x += w;
  }
  parts.push(text(barX, 66, `${k.files} files · ${k.islands.count} islands (one active author, nobody else active) · ${k.orphaned.count} orphaned (all authors former)`, 'class="cst-muted"'));
  const maxOwned = Math.max(1, ...owners.map((o) => o.files));
  owners.forEach((o, i) => {
    const y = 96 + i * 22;
    const w = (o.files / maxOwned) * (barWidth - 160);
    parts.push(text(barX + 150, y + 13, shorten(nameOf(o.person), 24), 'text-anchor="end"'));
    parts.push(`<rect class="cst-warn" x="${barX + 158}" y="${y}" width="${fixed(Math.max(2, w))}" height="16"><title>${escapeXml(`${nameOf(o.person)}: ${o.files} island files`)}</title></rect>`);
    parts.push(text(barX + 164 + w, y + 13, String(o.files), 'class="cst-muted"'));
  });
  const who = k.truckFactorPeople.map(nameOf).join(', ');
  const summary = `${community.name}: truck factor ${k.truckFactor}${who ? ` (${who})` : ''}, historically ${k.historicalTruckFactor}; ${k.islands.count} of ${k.files} files are knowledge islands, ${k.orphaned.count} are orphaned`;
  const textAlternative = [summary, ...k.islandsByPerson.map((o) => `${nameOf(o.person)} alone knows ${o.files} files`)].join('\n');
  const svg = svgDocument({ id: `${options.idPrefix ?? 'cst'}-knowledge-${community.id}`, width, height, title: `${community.name}: knowledge at risk`, description: summary, body: parts.join('') });
  return { svg, text: textAlternative };
}
