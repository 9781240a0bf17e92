/** `constellation communities --format text`: every figure of the report, for a terminal or a digest. */
import type { CommunityFigures, CommunityReport, CoordinationGap, MemberFigures, ProposedCommunity } from '../../core/communities/reportTypes';
import { communityHubText, hubStatusLine } from './formatHub';
import type { CliHubFigures } from './hubFigures';

const ROLE_LABEL: Record<string, string> = {
  inspirational: 'inspirational',
  dayToDay: 'day-to-day',
  classificatory: 'classificatory',
  interpersonal: 'interpersonal',
  boundary: 'boundary',
  institutional: 'institutional',
  cuttingEdge: 'cutting-edge',
};

export function roleLabel(role: string): string {
  return ROLE_LABEL[role] ?? role;
}

export function personLabel(report: CommunityReport, key: string): string {
  const p = report.people[key];
  if (!p) return key;
  return `${p.name}${p.email && p.email !== p.name ? ` <${p.email}>` : ''}${p.team ? ` · ${p.team.name}` : ''}`;
}

export function shortName(report: CommunityReport, key: string): string {
  return report.people[key]?.name ?? key;
}

export function windowLine(report: CommunityReport): string {
  return `window ${report.window.since.slice(0, 10)} – ${report.window.until.slice(0, 10)} (${report.window.days} days) · ${report.repositories.map((r) => `${r.name} (${r.commits} commits)`).join(', ')}`;
}

export function memberFacts(m: MemberFigures): string {
  const e = m.evidence;
  const facts = [
    `centrality ${m.centrality.toFixed(2)}`,
    `${e.commits} commits to ${e.files} files`,
    e.patternCommits ? `${e.patternCommits} pattern commits` : '',
    e.patternsMaintained.length ? `maintains ${e.patternsMaintained.join(', ')}` : '',
    e.threadsStarted ? `${e.threadsStarted} threads started` : '',
    e.replies ? `${e.replies} replies` : '',
    `${e.collaborators} collaborators`,
    `active ${e.activeMonths} months`,
    e.firstActivity ? `since ${e.firstActivity.slice(0, 10)}` : '',
  ];
  return facts.filter(Boolean).join(', ');
}

/** `hub`: the hub index's figures (said only when a community has code areas beyond the clones, or a hub was given). */
export function reportToText(report: CommunityReport, hub?: CliHubFigures, nowMs = Date.now()): string {
  const out: string[] = [`Communities · ${windowLine(report)}`];
  if (hub && (hub.communities.length > 0 || hub.hub.state !== 'off')) out.push(hubStatusLine(hub, nowMs));
  if (report.communities.length === 0) out.push('', 'No declared communities.');
  for (const c of report.communities) {
    const figures = hub?.communities.find((h) => h.community === c.id);
    out.push('', ...communityText(report, c), ...(figures ? communityHubText(figures, nowMs) : []));
  }
  out.push('', `Boundary spanners (${report.boundarySpanners.length})`);
  for (const s of report.boundarySpanners) out.push(`  ${personLabel(report, s.person)}: ${s.reasons.join('; ')}`);
  out.push('', `Coordination gaps (${report.coordinationGaps.length})`);
  for (const g of report.coordinationGaps) out.push(...gapText(report, g));
  out.push('', ...proposalsText(report, report.proposals));
  if (report.notes.length) out.push('', 'Notes', ...report.notes.map((n) => `  ! ${n}`));
  return out.join('\n');
}

function communityText(report: CommunityReport, c: CommunityFigures): string[] {
  const out = [`== ${c.name} (${c.id})${c.domain ? ` — ${c.domain}` : ''}`];
  out.push(`  stage: ${c.stage.summary}`);
  if (c.declared.relationship) out.push(`  relationship to the organisation: ${c.declared.relationship}`);
  out.push(`  files: ${c.files.map((f) => `${f.repository} ${f.files}`).join(', ') || 'none'} · patterns: ${c.patterns.join(', ') || 'none'} · threads: ${c.threads.total} (${c.threads.inWindow} in the window, ${c.threads.open} open)`);
  const n = c.counts;
  out.push(`  people: ${n.core} core, ${n.active} active, ${n.peripheral} peripheral, ${n.newcomer} newcomers · ${n.former} former${c.silentMembers.length ? ` · silent declared members: ${c.silentMembers.join(', ')}` : ''}`);
  for (const m of c.members) out.push(`    ${m.level.padEnd(10)} ${personLabel(report, m.person)}${m.declaredRole ? ` (${m.declaredRole})` : ''}: ${memberFacts(m)}`);
  out.push('  leadership:');
  for (const l of c.leadership) out.push(`    ${roleLabel(l.role).padEnd(14)} ${shortName(report, l.person)} (${l.source}${l.evidence.length ? `: ${l.evidence.join('; ')}` : ''})`);
  const b = c.boundary;
  const insularity = b.insularity === null ? 'unknown (no teams)' : `${b.insularity.toFixed(2)}${b.largestTeam ? ` (largest team ${b.largestTeam.name})` : ''}`;
  out.push(`  boundary: insularity ${insularity} · activity by people with a known team ${Math.round(b.knownTeamShare * 100)}% · spanners: ${b.spanners.map((k) => shortName(report, k)).join(', ') || 'none'}`);
  out.push(`    teams: ${b.teamShares.map((t) => `${t.team?.name ?? 'no team'} ${Math.round(t.share * 100)}%`).join(', ') || 'none'}`);
  const k = c.knowledge;
  out.push(`  knowledge at risk: truck factor ${k.truckFactor}${k.truckFactorPeople.length ? ` (${k.truckFactorPeople.map((p) => shortName(report, p)).join(', ')})` : ''}, historically ${k.historicalTruckFactor} · ${k.islands.count} islands · ${k.orphaned.count} orphaned of ${k.files} files`);
  for (const [label, list] of [['island', k.islands], ['orphaned', k.orphaned]] as const) {
    for (const f of list.files.slice(0, 10)) {
      const learner = f.suggestion ? `; could learn it: ${shortName(report, f.suggestion.person)} (${f.suggestion.level}, ${f.suggestion.reason})` : '';
      out.push(`    ${label.padEnd(9)} ${f.repository}:${f.path} — ${f.authors.map((a) => shortName(report, a)).join(', ') || 'no author'}${learner}`);
    }
    if (list.count > 10) out.push(`    … ${list.count - 10} more ${label} files (see --format json)`);
  }
  out.push(`  participation per month: ${c.participationOverTime.map((m) => `${m.month} ${m.commits}+${m.threadPosts}`).join(' · ')}`);
  if (c.gaps.length) out.push(`  coordination gaps: ${c.gaps.join(', ')}`);
  return out;
}

function gapText(report: CommunityReport, g: CoordinationGap): string[] {
  const side = (i: 0 | 1): string => {
    const s = g.sides[i];
    return `${s.path} [${s.communities.join(', ') || 'no community'}; ${s.teams.map((t) => t.name).join(', ') || 'no team'}] ${s.people.map((p) => shortName(report, p)).join(', ')}`;
  };
  return [`  ${g.id} ${g.repository}: ${g.coChanges} commits together (last ${g.lastCoChange.slice(0, 10)}), across ${g.crosses.join(' and ')} lines`, `    ${side(0)}`, `    ${side(1)}`, `    start a design thread: "${g.suggestedThread.title}" with ${g.suggestedThread.participants.map((p) => shortName(report, p)).join(', ')}`];
}

export function proposalsText(report: CommunityReport, proposals: readonly ProposedCommunity[]): string[] {
  const out = [`Proposed potential communities (${proposals.length})`];
  for (const p of proposals) {
    out.push(`  ${p.name} (${p.id}): ${p.people.length} people from ${p.teamsKnown ? `${p.teams.length} teams (${p.teams.map((t) => t.name).join(', ')})` : 'teams the directory does not know'}, ${p.activity} changes in the window, ${Math.round(p.coveredShare * 100)}% inside declared communities`);
    out.push(`    people: ${p.people.map((k) => personLabel(report, k)).join('; ')}`);
    out.push(`    areas: ${p.areas.join(', ')}`);
    out.push('    draft entry:', ...p.draftYaml.trimEnd().split('\n').map((l) => `      ${l}`));
  }
  return out;
}
