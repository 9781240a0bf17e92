/**
 * The core/periphery rings of one community: core in the middle, then active, peripheral, and
 * newcomers at the edge (where legitimate peripheral participation starts). Within its ring a
 * member sits closer to the centre the more central they are; the dot's size grows with their
 * activity and its colour is their team.
 */
import type { CommunityFigures, ParticipationLevel, PersonFigures } from '../reportTypes';
import { escapeXml, fixed, shorten, svgDocument, teamColourClasses, text, type Chart, type ChartOptions } from './svgKit';

const RINGS: Array<{ level: ParticipationLevel; label: string; inner: number; outer: number }> = [
  { level: 'core', label: 'core', inner: 0, outer: 0.34 },
  { level: 'active', label: 'active', inner: 0.34, outer: 0.58 },
  { level: 'peripheral', label: 'peripheral', inner: 0.58, outer: 0.8 },
  { level: 'newcomer', label: 'newcomers', inner: 0.8, outer: 1 },
];

export function renderRings(community: CommunityFigures, people: Readonly<Record<string, PersonFigures>>, options: ChartOptions = {}): Chart {
  const size = 420;
  const legendWidth = 180;
  const centre = size / 2;
  const radius = size / 2 - 14;
  const colour = teamColourClasses(community.members.map((m) => people[m.person]?.team?.id));
  const parts: string[] = [];
  const labels: string[] = [];
  for (const ring of RINGS) {
    parts.push(`<circle class="cst-ring" cx="${centre}" cy="${centre}" r="${fixed(ring.outer * radius)}"/>`);
    labels.push(text(centre, centre - ring.outer * radius + 11, ring.label, 'class="cst-muted cst-halo" text-anchor="middle"'));
  }
  const activity = (m: CommunityFigures['members'][number]): number => m.evidence.commits + m.evidence.patternCommits + m.evidence.threadsStarted + m.evidence.replies;
  const maxActivity = Math.max(1, ...community.members.map(activity));
  const lines: string[] = [];
  for (const ring of RINGS) {
    const members = community.members
      .filter((m) => m.level === ring.level)
      .sort((a, b) => (people[a.person]?.team?.id ?? '~').localeCompare(people[b.person]?.team?.id ?? '~') || b.centrality - a.centrality || (a.person < b.person ? -1 : 1));
    if (members.length === 0) continue;
    members.forEach((m, i) => {
      const person = people[m.person];
      const name = person?.name ?? m.person;
      const team = person?.team?.name ?? 'no team';
      // A lone core member sits in the middle; several spread on a circle so their names fit.
      const inner = ring.level === 'core' ? (members.length === 1 ? 0 : 0.14) : ring.inner + 0.04;
      const band = ring.outer - 0.04 - inner;
      const r = (inner + band * (ring.level === 'core' ? 0.5 * (1 - m.centrality) : 1 - m.centrality)) * radius;
      const angle = (2 * Math.PI * i) / members.length + RINGS.indexOf(ring) * 0.6 - Math.PI / 2;
      const x = centre + r * Math.cos(angle);
      const y = centre + r * Math.sin(angle);
      const dot = 3 + 6 * Math.sqrt(activity(m) / maxActivity);
      parts.push(
        `<circle class="cst-node ${colour(person?.team?.id)}" cx="${fixed(x)}" cy="${fixed(y)}" r="${fixed(dot)}"><title>${escapeXml(`${name} · ${team} · ${m.level} · centrality ${m.centrality}`)}</title></circle>`,
      );
      if (ring.level === 'core' && members.length <= 12) {
        // Names point away from the centre, so neighbours' labels do not overlap.
        const cos = r === 0 ? 0 : Math.cos(angle);
        const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
        const dx = anchor === 'start' ? dot + 3 : anchor === 'end' ? -dot - 3 : 0;
        const dy = anchor === 'middle' ? (Math.sin(angle) < 0 || r === 0 ? -dot - 4 : dot + 11) : 4;
        labels.push(text(x + dx, y + dy, shorten(name, 18), `class="cst-halo" text-anchor="${anchor}"`));
      }
    });
    lines.push(`${ring.label}: ${members.map((m) => `${people[m.person]?.name ?? m.person} (${people[m.person]?.team?.name ?? 'no team'})`).join(', ')}`);
  }
  parts.push(...labels);
  const teams = [...new Map(community.members.map((m) => [people[m.person]?.team?.id, people[m.person]?.team?.name ?? 'no team'])).entries()].sort((a, b) => (a[0] ?? '~').localeCompare(b[0] ?? '~'));
  teams.slice(0, 20).forEach(([id, name], i) => {
    parts.push(`<circle class="${colour(id)}" cx="${size + 12}" cy="${24 + i * 18}" r="5"/>`);
    parts.push(text(size + 22, 28 + i * 18, shorten(name, 22)));
  });
  if (teams.length > 20) parts.push(text(size + 12, 28 + 20 * 18, `… ${teams.length - 20} more teams`, 'class="cst-muted"'));
  const counts = community.counts;
  const summary = `${community.name}: ${counts.core} core, ${counts.active} active, ${counts.peripheral} peripheral, ${counts.newcomer} newcomers`;
  const textAlternative = [summary, ...lines].join('\n');
  const svg = svgDocument({
    id: `${options.idPrefix ?? 'cst'}-rings-${community.id}`,
    width: size + legendWidth,
    height: Math.max(size, 40 + Math.min(teams.length, 21) * 18),
    title: `${community.name}: core and periphery`,
    description: summary,
    body: parts.join(''),
  });
  return { svg, text: textAlternative };
}
