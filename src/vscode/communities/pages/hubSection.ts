/**
 * The community page's "Across the organisation" section: the people the hub index names in the
 * community's code areas on repositories not cloned here, with their relationship to you, and
 * which areas the figures came from. Everything in it comes from the hub (untrusted): escaped.
 */
import { RELATIONSHIP_LABELS } from '../../../core/directory/types';
import { ageText, hubFiguresLine, type CommunityHubFigures } from '../hubFigures';
import { esc, section, table } from './html';

export const HUB_SECTION_ID = 'org';
export const HUB_SECTION_TITLE = 'Across the organisation — from the hub index';

function date(unixSeconds: number, nowMs: number): string {
  return unixSeconds > 0 ? `${new Date(unixSeconds * 1000).toISOString().slice(0, 10)} (${ageText(unixSeconds, nowMs)})` : 'unknown';
}

export function hubSection(hub: CommunityHubFigures, nowMs = Date.now()): string {
  const intro = `<p class="muted">${esc(hubFiguresLine(hub, nowMs))}</p>`;
  if (hub.state !== 'ready') {
    const areas = `<ul>${hub.areas.map((a) => `<li><code>${esc(a)}</code></li>`).join('')}</ul>`;
    return section(HUB_SECTION_ID, HUB_SECTION_TITLE, `${intro}${areas}`);
  }
  const areaRows = hub.perArea.map((a) => [
    `<code>${esc(a.area)}</code>`,
    a.files === 0 ? '<span class="muted">no figures in the hub for this area</span>' : esc(`${a.files} file${a.files === 1 ? '' : 's'}, ${a.people} people`),
    esc(a.repositories.map((r) => `${r.name} as of ${date(r.asOf, nowMs)}`).join('; ') || '—'),
  ]);
  const peopleRows = hub.people.map((p) => [
    esc(p.name) + (p.former ? ' <span class="tag">former</span>' : ''),
    `<span class="tag">${esc(RELATIONSHIP_LABELS[p.relationship])}</span>`,
    esc([p.placement.team?.name, p.placement.businessUnit?.name].filter(Boolean).join(' · ') || 'no team known'),
    esc(String(p.changes)),
    esc(String(p.files)),
    esc(p.repositories.join(', ')),
    p.alsoLocal ? esc('also here (counted once)') : esc('hub only'),
  ]);
  const people = peopleRows.length
    ? table(['person', 'relationship to you', 'team', 'changes', 'files', 'repositories', 'counted'], peopleRows, 'People in these code areas, from the hub index')
    : '<p class="muted">The hub index names nobody in these code areas.</p>';
  const note = '<p class="muted">Repositories cloned in this workspace are counted from their clones above, never again from the hub. A file lists its top experts only, so the changes are a lower bound.</p>';
  return section(HUB_SECTION_ID, HUB_SECTION_TITLE, `${intro}${table(['code area', 'in the hub', 'figures as of'], areaRows, 'Code areas whose figures came from the hub index')}${people}${note}`);
}
