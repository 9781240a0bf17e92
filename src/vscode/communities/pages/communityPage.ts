/**
 * The community page: who takes part and how (rings, participation over time, the team matrix),
 * where knowledge is at risk (truck factor, islands, with links to the files), the coordination
 * gaps with a button to start a design thread, its leadership (declared next to inferred), and
 * how to join.
 */
import { renderKnowledge, renderParticipation, renderRings, renderTeamMatrix } from '../../../core/communities/charts';
import type { AtRiskFile, CommunityFigures, CommunityReport, CoordinationGap } from '../../../core/communities/reportTypes';
import { PARTICIPATION_LEVELS } from '../../../core/communities/reportTypes';
import { communityName, LEVEL_LABELS, membersAt, personName, teamName, type Me } from '../communityModel';
import { joinModel } from '../joinModel';
import { participationEvidenceText, ROLE_LABELS } from '../participationModel';
import type { CommunitySnapshot } from '../snapshot';
import { actionButton, esc, fileButton, figure, list, percent, section, table, TargetTable, type PageContent } from './html';
import type { CommunityHubFigures } from '../hubFigures';
import { HUB_SECTION_ID, hubSection } from './hubSection';
import { joinSection } from './joinSection';

/** `hub`: the community's figures from the hub index, when some of its code areas are on repositories not cloned here. */
export function communityPage(snapshot: CommunitySnapshot, communityId: string, me: Me, hub?: CommunityHubFigures): PageContent | undefined {
  const { report } = snapshot;
  const c = report.communities.find((x) => x.id === communityId);
  if (!c) return undefined;
  const targets = new TargetTable();
  const ids = { prefix: `page-${c.id}` };
  const parts: string[] = [header(report, c, hub !== undefined)];
  parts.push(section('members', 'Core and periphery', figure(renderRings(c, report.people, { idPrefix: ids.prefix }), 'Members placed by participation: core in the middle, newcomers at the edge; colour is the team.', 'chart-rings') + membersTable(report, c)));
  if (hub) parts.push(hubSection(hub));
  parts.push(section('participation', 'Participation over time', figure(renderParticipation(c, { idPrefix: ids.prefix }), 'Commits and thread posts per month, and how many people took part.', 'chart-participation')));
  parts.push(section('teams', 'Teams × communities', `<p>${esc(boundaryLine(c))}</p>` + figure(renderTeamMatrix(report.teamMatrix, report.communities, { idPrefix: ids.prefix }), 'People taking part per team and community (core among them): how far each practice crosses the org chart.', 'chart-matrix')));
  parts.push(section('knowledge', 'Knowledge at risk', figure(renderKnowledge(c, report.people, { idPrefix: ids.prefix }), truckLine(report, c), 'chart-knowledge') + atRiskFiles(report, c, targets)));
  parts.push(section('gaps', 'Coordination gaps', gaps(report, c, targets)));
  parts.push(section('leadership', 'Leadership', leadershipTable(report, c)));
  const join = joinModel(snapshot, communityId, me);
  if (join) parts.push(joinSection(report, join, targets));
  return { title: c.name, body: parts.join('\n'), targets };
}

function header(report: CommunityReport, c: CommunityFigures, withHub: boolean): string {
  const declared = [c.declared.stage ? `declared stage ${c.declared.stage}` : 'no declared stage', c.declared.relationship ? `relationship to the organisation: ${c.declared.relationship}` : ''].filter(Boolean).join(' · ');
  const n = c.counts;
  const facts: Array<[string, string]> = [
    ['Stage', `${c.stage.declared ?? 'not declared'} (declared) · ${c.stage.inferred} (inferred)`],
    ['People', `${n.core} core, ${n.active} active, ${n.peripheral} peripheral, ${n.newcomer} newcomers; ${n.former} former`],
    ['Truck factor', `${c.knowledge.truckFactor} (historically ${c.knowledge.historicalTruckFactor})`],
    ['Knowledge islands', `${c.knowledge.islands.count} of ${c.knowledge.files} files`],
    ['Insularity', `${percent(c.boundary.insularity)}${c.boundary.largestTeam ? ` from ${c.boundary.largestTeam.name}` : ''}`],
    ['Patterns', c.patterns.length ? c.patterns.join(', ') : 'none yet'],
    ['Threads', `${c.threads.open} open of ${c.threads.total}`],
  ];
  const nav = [['members', 'Members'], ...(withHub ? [[HUB_SECTION_ID, 'Across the organisation']] : []), ['participation', 'Over time'], ['teams', 'Teams'], ['knowledge', 'Knowledge at risk'], ['gaps', 'Gaps'], ['leadership', 'Leadership'], ['join', 'Join']]
    .map(([id, label]) => `<a href="#${id}">${esc(label)}</a>`)
    .join(' · ');
  return (
    `<header><h1>${esc(c.name)}</h1>` +
    `<p class="meta"><span class="tag">${esc(c.stage.inferred)}</span> ${esc(declared)}</p>` +
    (c.domain ? `<p class="domain">${esc(c.domain)}</p>` : '') +
    (c.description ? `<p>${esc(c.description)}</p>` : '') +
    `<p class="muted">${esc(c.stage.summary)}</p>` +
    `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>` +
    `<nav aria-label="Sections">${nav}</nav>` +
    `<p class="actions">${actionButton('Join this community', 'join', c.id, { className: 'primary', icon: 'person-add' })} ${actionButton('Constellation map', 'openMap', undefined, { className: 'secondary', icon: 'type-hierarchy' })} ${actionButton('My participation', 'openParticipation', undefined, { className: 'secondary', icon: 'account' })}</p>` +
    `<p class="muted">${esc(`${report.window.since.slice(0, 10)} – ${report.window.until.slice(0, 10)}`)}</p></header>`
  );
}

function membersTable(report: CommunityReport, c: CommunityFigures): string {
  const rows: string[][] = [];
  for (const level of PARTICIPATION_LEVELS) {
    for (const m of membersAt(report, c, level)) {
      const person = report.people[m.person];
      rows.push([esc(LEVEL_LABELS[level]), esc(personName(report, m.person)), esc(teamName(person)), esc(m.centrality.toFixed(2)), esc(participationEvidenceText(m.evidence) || '—')]);
    }
  }
  const silent = c.silentMembers.length ? `<p class="muted">${esc(`Declared but quiet in this window: ${c.silentMembers.map((k) => personName(report, k)).join(', ')}`)}</p>` : '';
  return `<details class="members"><summary>Members by level and team (${c.members.length})</summary>${table(['level', 'person', 'team', 'centrality', 'evidence'], rows)}${silent}</details>`;
}

function boundaryLine(c: CommunityFigures): string {
  const shares = c.boundary.teamShares.map((t) => `${t.team?.name ?? 'no team'} ${percent(t.share)}`).join(', ');
  return `Insularity ${percent(c.boundary.insularity)}${c.boundary.largestTeam ? ` (largest team ${c.boundary.largestTeam.name})` : ''}${shares ? `: ${shares}` : ''}.`;
}

function truckLine(report: CommunityReport, c: CommunityFigures): string {
  const k = c.knowledge;
  const who = k.truckFactorPeople.map((p) => personName(report, p)).join(', ');
  return `Truck factor ${k.truckFactor}${who ? ` (${who})` : ''}: if they left, most of its files would have no active author. Islands rest on one active person; orphaned files have only former authors.`;
}

function fileItem(report: CommunityReport, f: AtRiskFile, targets: TargetTable): string {
  const authors = f.authors.map((a) => personName(report, a)).join(', ') || 'nobody active';
  const learn = f.suggestion ? ` <span class="suggest">${esc(`Could learn it: ${personName(report, f.suggestion.person)} (${f.suggestion.level}, ${f.suggestion.reason})`)}</span>` : '';
  return `${fileButton(targets, f.repository, f.path, report.repositories.length > 1 ? `${f.repository}: ${f.path}` : f.path)} <span class="muted">${esc(authors)}</span>${learn}`;
}

function atRiskFiles(report: CommunityReport, c: CommunityFigures, targets: TargetTable): string {
  const k = c.knowledge;
  const more = (shown: number, count: number): string => (count > shown ? `<p class="muted">${esc(`… and ${count - shown} more`)}</p>` : '');
  return (
    `<h3>Knowledge islands (${k.islands.count})</h3>${list(k.islands.files.map((f) => fileItem(report, f, targets)), 'No file rests on one person.')}${more(k.islands.files.length, k.islands.count)}` +
    `<h3>Orphaned (${k.orphaned.count})</h3>${list(k.orphaned.files.map((f) => fileItem(report, f, targets)), 'No file has only former authors.')}${more(k.orphaned.files.length, k.orphaned.count)}`
  );
}

/** The gaps with a file of this community on either side. */
export function gapsOf(report: CommunityReport, c: CommunityFigures): CoordinationGap[] {
  return c.gaps.map((id) => report.coordinationGaps.find((g) => g.id === id)).filter((g): g is CoordinationGap => g !== undefined);
}

function gaps(report: CommunityReport, c: CommunityFigures, targets: TargetTable): string {
  const list = gapsOf(report, c);
  if (list.length === 0) return '<p class="muted">None found: the people whose files change together already meet in a thread or a community.</p>';
  const items = list.map((g) => {
    const sides = g.sides.map((s) => {
      const teams = s.teams.map((t) => t.name).join(', ') || 'no team';
      const where = s.communities.length ? s.communities.map((id) => communityName(report, id)).join(', ') : 'no community';
      return `<div class="side">${fileButton(targets, g.repository, s.path)}<br><span class="muted">${esc(`${s.people.map((p) => personName(report, p)).join(', ')} · ${teams} · ${where}`)}</span></div>`;
    });
    const facts = `${g.coChanges} commits changed both, last ${g.lastCoChange.slice(0, 10)}; crosses ${g.crosses.join(' and ')} lines`;
    return `<li class="gap"><div class="sides">${sides.join('<span class="between" aria-hidden="true">⇄</span>')}</div><p>${esc(facts)}</p>${actionButton('Start a design thread', 'startGapThread', targets.gap(g), { className: 'secondary', icon: 'comment-discussion', title: `Start "${g.suggestedThread.title}" with both sides suggested` })}</li>`;
  });
  return `<p class="muted">Files that keep changing together while their owners never share a thread or a community.</p><ul class="gaps">${items.join('')}</ul>`;
}

function leadershipTable(report: CommunityReport, c: CommunityFigures): string {
  if (c.leadership.length === 0) return '<p class="muted">No leadership declared or inferred.</p>';
  const rows = c.leadership.map((l) => [
    esc(ROLE_LABELS[l.role]),
    esc(personName(report, l.person)),
    l.source === 'declared' ? '<span class="tag">declared</span>' : '<span class="tag inferred">inferred</span>',
    esc(l.evidence.join('; ') || '—'),
  ]);
  return `<p class="muted">Declared roles come from communities.yml; inferred ones from what people do, and are only suggestions.</p>${table(['role', 'person', 'source', 'why'], rows)}`;
}
