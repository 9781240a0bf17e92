/** `constellation communities --format md`: the report as Markdown (a weekly digest, a wiki page). */
import type { CommunityFigures, CommunityReport, ProposedCommunity } from '../../core/communities/reportTypes';
import { communityHubText, hubStatusLine } from './formatHub';
import { memberFacts, personLabel, roleLabel, shortName, windowLine } from './formatText';
import type { CliHubFigures } from './hubFigures';

/** Table cells: no pipes or line breaks from repository content. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`<>[\]])/g, '\\$1');
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** `hub`: the hub index's figures, said as in the text format (an "Across the organisation" list per community). */
export function reportToMarkdown(report: CommunityReport, hub?: CliHubFigures, nowMs = Date.now()): string {
  const out = ['# Communities of practice', '', cell(windowLine(report))];
  if (hub && (hub.communities.length > 0 || hub.hub.state !== 'off')) out.push('', cell(hubStatusLine(hub, nowMs)));
  for (const c of report.communities) {
    out.push('', ...communityMarkdown(report, c));
    const figures = hub?.communities.find((h) => h.community === c.id);
    if (figures) out.push('', '### Across the organisation — from the hub index', '', ...communityHubText(figures, nowMs).map((line) => `- ${cell(line.trim())}`));
  }
  out.push('', '## Boundary spanners', '');
  out.push(...(report.boundarySpanners.length ? table(['person', 'why'], report.boundarySpanners.map((s) => [personLabel(report, s.person), s.reasons.join('; ')])) : ['None.']));
  out.push('', '## Coordination gaps', '');
  out.push(
    ...(report.coordinationGaps.length
      ? table(
          ['files', 'together', 'crosses', 'people', 'suggested thread'],
          report.coordinationGaps.map((g) => [
            `${g.sides[0].path} ↔ ${g.sides[1].path}`,
            `${g.coChanges} commits`,
            g.crosses.join(', '),
            `${g.sides[0].people.map((p) => shortName(report, p)).join(', ')} ↔ ${g.sides[1].people.map((p) => shortName(report, p)).join(', ')}`,
            g.suggestedThread.title,
          ]),
        )
      : ['None found.']),
  );
  out.push('', ...proposalsMarkdown(report, report.proposals));
  if (report.notes.length) out.push('', '## Notes', '', ...report.notes.map((n) => `- ${cell(n)}`));
  return `${out.join('\n')}\n`;
}

function communityMarkdown(report: CommunityReport, c: CommunityFigures): string[] {
  const n = c.counts;
  const k = c.knowledge;
  const out = [`## ${cell(c.name)}`, ''];
  if (c.domain) out.push(`*${cell(c.domain)}*`, '');
  out.push(`- **Stage**: ${cell(c.stage.summary)}`);
  if (c.declared.relationship) out.push(`- **Relationship to the organisation**: ${c.declared.relationship}`);
  out.push(`- **People**: ${n.core} core, ${n.active} active, ${n.peripheral} peripheral, ${n.newcomer} newcomers; ${n.former} former${c.silentMembers.length ? `; silent declared members: ${cell(c.silentMembers.join(', '))}` : ''}`);
  out.push(`- **Knowledge at risk**: truck factor ${k.truckFactor}${k.truckFactorPeople.length ? ` (${cell(k.truckFactorPeople.map((p) => shortName(report, p)).join(', '))})` : ''}, historically ${k.historicalTruckFactor}; ${k.islands.count} islands and ${k.orphaned.count} orphaned of ${k.files} files`);
  const b = c.boundary;
  out.push(`- **Insularity**: ${b.insularity === null ? 'unknown (no teams)' : `${b.insularity.toFixed(2)}${b.largestTeam ? ` (largest team ${cell(b.largestTeam.name)})` : ''}`}; spanners: ${cell(b.spanners.map((s) => shortName(report, s)).join(', ') || 'none')}`);
  out.push(`- **Threads**: ${c.threads.total} (${c.threads.inWindow} in the window, ${c.threads.open} open); **patterns**: ${cell(c.patterns.join(', ') || 'none')}`);
  out.push('', '### Members', '', ...table(['level', 'person', 'evidence'], c.members.map((m) => [m.level, `${personLabel(report, m.person)}${m.declaredRole ? ` (${m.declaredRole})` : ''}`, memberFacts(m)])));
  out.push('', '### Leadership', '', ...table(['role', 'person', 'source', 'evidence'], c.leadership.map((l) => [roleLabel(l.role), shortName(report, l.person), l.source, l.evidence.join('; ')])));
  const atRisk = [...k.islands.files.map((f) => ['island', f] as const), ...k.orphaned.files.map((f) => ['orphaned', f] as const)].slice(0, 30);
  if (atRisk.length) {
    out.push('', '### Files at risk', '', ...table(['kind', 'file', 'authors', 'could learn it'], atRisk.map(([kind, f]) => [kind, `${f.repository}:${f.path}`, f.authors.map((a) => shortName(report, a)).join(', '), f.suggestion ? `${shortName(report, f.suggestion.person)} (${f.suggestion.level}: ${f.suggestion.reason})` : ''])));
  }
  out.push('', '### Participation per month', '', ...table(['month', 'commits', 'thread posts', 'people'], c.participationOverTime.map((m) => [m.month, String(m.commits), String(m.threadPosts), String(m.people)])));
  return out;
}

export function proposalsMarkdown(report: CommunityReport, proposals: readonly ProposedCommunity[]): string[] {
  const out = ['## Proposed potential communities', ''];
  if (proposals.length === 0) out.push('None: every cluster of people who change the same areas is already declared, or stays inside one team.');
  for (const p of proposals) {
    out.push(`### ${cell(p.name)}`, '');
    out.push(`${p.people.length} people from ${p.teamsKnown ? cell(p.teams.map((t) => t.name).join(', ')) : 'teams the directory does not know'}; ${p.activity} changes in the window, ${Math.round(p.coveredShare * 100)}% inside declared communities.`, '');
    out.push(...p.people.map((k) => `- ${cell(personLabel(report, k))}`), '');
    out.push('````yaml', p.draftYaml.trimEnd(), '````', '');
  }
  return out;
}
