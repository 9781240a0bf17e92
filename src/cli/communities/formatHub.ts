/** The hub index's part of `constellation communities --format text`: where it stands, then per community. */
import { RELATIONSHIP_LABELS } from '../../core/directory/types';
import { ageText } from '../../core/hub/communityHubFigures';
import type { CliCommunityHub, CliHubFigures } from './hubFigures';

function dateAndAge(unixSeconds: number, nowMs: number): string {
  return unixSeconds > 0 ? `${new Date(unixSeconds * 1000).toISOString().slice(0, 10)} (${ageText(unixSeconds, nowMs)})` : 'unknown';
}

/** One line under the title: which hub, how old, or why there is none. */
export function hubStatusLine(figures: CliHubFigures, nowMs: number): string {
  const hub = figures.hub;
  switch (hub.state) {
    case 'off':
      return `Hub index: ${hub.message}`;
    case 'unavailable':
      return `Hub index: hub unavailable: ${hub.message} — only the clones are counted`;
    case 'ready': {
      const generated = Date.parse(hub.generatedAt);
      const age = Number.isNaN(generated) ? 'generated at an unknown time' : `generated ${dateAndAge(generated / 1000, nowMs)}`;
      return `Hub index: ${hub.source}, ${age}, ${hub.repositories.length} repositories`;
    }
  }
}

/** The community's lines, indented under its section. */
export function communityHubText(hub: CliCommunityHub, nowMs: number): string[] {
  const areas = hub.areas.join(', ');
  if (hub.state === 'off') return [`  across the organisation (${areas}): no hub configured — only the clones are counted`];
  if (hub.state === 'unavailable') return [`  across the organisation (${areas}): hub unavailable: ${hub.message} — only the clones are counted`];
  const alsoLocal = hub.people.length - hub.added;
  const out = [
    `  across the organisation — from the hub index: ${hub.takingPart} taking part (${hub.added} from the hub${alsoLocal ? `; ${alsoLocal} also in a clone here, counted once` : ''})`,
  ];
  for (const area of hub.perArea) {
    const found = area.files === 0 ? 'no figures in the hub for this area' : `${area.files} file${area.files === 1 ? '' : 's'}, ${area.people} ${area.people === 1 ? 'person' : 'people'}`;
    const asOf = area.repositories.map((r) => `${r.name} as of ${dateAndAge(r.asOf, nowMs)}`).join('; ');
    out.push(`    area ${area.area}: ${found}${asOf ? ` · ${asOf}` : ''}`);
  }
  for (const p of hub.people) {
    const who = p.email ? `${p.name} <${p.email}>` : p.login && p.login !== p.name ? `${p.name} (@${p.login})` : p.name;
    const place = [p.placement.team?.name, p.placement.businessUnit?.name].filter(Boolean).join(' · ') || 'no team known';
    const files = `${p.files} file${p.files === 1 ? '' : 's'}`;
    out.push(`    ${who} · ${RELATIONSHIP_LABELS[p.relationship]} · ${place}: ${p.changes} changes in ${files} · ${p.repositories.join(', ')}${p.former ? ' · former' : ''} · ${p.alsoLocal ? 'also here (counted once)' : 'hub only'}`);
  }
  return out;
}
