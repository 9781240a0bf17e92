/**
 * The constellation map: every community as one picture, linked by the boundary spanners they
 * share; potential and unrecognized communities dashed. Below it, the communities as a list (each
 * opens its page) and the spanners who hold the constellation together.
 */
import { renderConstellation } from '../../../core/communities/charts';
import type { CommunityReport } from '../../../core/communities/reportTypes';
import { personName, teamName } from '../communityModel';
import { actionButton, esc, figure, list, section, TargetTable, type PageContent } from './html';

export function mapPage(report: CommunityReport): PageContent {
  const unrecognized = report.communities.filter((c) => c.declared.relationship === 'unrecognized').map((c) => c.id);
  const chart = renderConstellation(report.constellation, report.people, { idPrefix: 'map', unrecognized });
  const declared = report.communities.map((c) => {
    const tags = [c.declared.relationship === 'unrecognized' ? 'unrecognized' : c.declared.relationship, c.stage.inferred].filter(Boolean).join(' · ');
    return `${actionButton(c.name, 'openCommunity', c.id)} <span class="muted">${esc(`${c.members.length} taking part, ${c.counts.core} core · ${tags}`)}</span>`;
  });
  const potential = report.proposals.map((p) => `<strong>${esc(p.name)}</strong> <span class="muted">${esc(`${p.people.length} people from ${p.teamsKnown ? p.teams.map((t) => t.name).join(', ') : 'unknown teams'} · ${p.areas.join(', ')}`)}</span>`);
  const spanners = report.boundarySpanners.map((s) => `<strong>${esc(personName(report, s.person))}</strong> <span class="muted">${esc(`${teamName(report.people[s.person])} · ${s.reasons.join('; ')}`)}</span>`);
  const body = [
    `<header><h1>Constellation of communities</h1><p class="muted">${esc(`${report.window.since.slice(0, 10)} – ${report.window.until.slice(0, 10)} · ${report.repositories.map((r) => r.name).join(', ')}`)}</p>` +
      `<p class="actions">${actionButton('My participation', 'openParticipation', undefined, { className: 'secondary', icon: 'account' })}${report.proposals.length ? ` ${actionButton('Declare the potential communities', 'createConfig', undefined, { className: 'secondary', icon: 'new-file' })}` : ''}</p></header>`,
    section('map', 'The organisation’s learning structure', figure(chart, 'Communities linked by the people they share; dashed: potential (discovered, not declared) and unrecognized communities. Size: people taking part.', 'chart-constellation')),
    section('declared', `Declared communities (${report.communities.length})`, list(declared, 'None declared yet.')),
    section('potential', `Potential communities (${report.proposals.length})`, list(potential, 'No undeclared cluster of people working across teams.')),
    section('spanners', `Boundary spanners (${report.boundarySpanners.length})`, list(spanners, 'Nobody links communities or teams yet.')),
  ];
  return { title: 'Constellation map', body: body.join('\n'), targets: new TargetTable() };
}
