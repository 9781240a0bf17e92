/**
 * `constellation communities --format html`: one self-contained page (inline CSS and SVG, no
 * script, no remote asset) with the same charts as the editor's community page, each followed by
 * its text alternative. Colours follow VS Code theme variables when present, with light and dark
 * fallbacks of their own.
 */
import { CHART_CSS, escapeXml as esc, renderConstellation, renderKnowledge, renderParticipation, renderRings, renderTeamMatrix, type Chart } from '../../core/communities/charts';
import type { CommunityFigures, CommunityReport } from '../../core/communities/reportTypes';
import { memberFacts, personLabel, roleLabel, shortName, windowLine } from './formatText';

const PAGE_CSS = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground, #1f2328); background: var(--vscode-editor-background, #ffffff); margin: 2rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.45; }
@media (prefers-color-scheme: dark) {
  body { --vscode-foreground: #cccccc; --vscode-editor-background: #1e1e1e; --vscode-descriptionForeground: #9d9d9d; --vscode-charts-lines: #6e7681; }
}
h1, h2, h3 { font-weight: 600; }
section.community { border-top: 1px solid var(--vscode-charts-lines, #d0d7de); margin-top: 2rem; }
figure { margin: 1rem 0; overflow-x: auto; }
figcaption, .muted { color: var(--vscode-descriptionForeground, #59636e); }
details > summary { cursor: pointer; }
pre { white-space: pre-wrap; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9em; }
th, td { text-align: left; padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--vscode-charts-lines, #d0d7de); vertical-align: top; }
.tag { font-size: 0.8em; padding: 0 0.3rem; border: 1px solid currentColor; border-radius: 3px; }
`;

function figure(chart: Chart, caption: string): string {
  return `<figure>${chart.svg}<figcaption>${esc(caption)}</figcaption><details><summary>Text alternative</summary><pre>${esc(chart.text)}</pre></details></figure>`;
}

function table(header: string[], rows: string[][]): string {
  return `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function reportToHtml(report: CommunityReport, title = 'Communities of practice'): string {
  const body: string[] = [`<h1>${esc(title)}</h1>`, `<p class="muted">${esc(windowLine(report))}</p>`];
  body.push('<h2>Constellation</h2>', figure(renderConstellation(report.constellation, report.people), 'Communities linked by the boundary spanners they share; potential communities dashed.'));
  if (report.communities.length) body.push('<h2>Teams × communities</h2>', figure(renderTeamMatrix(report.teamMatrix, report.communities), 'People taking part per team and community (· core).'));
  for (const c of report.communities) body.push(communityHtml(report, c));
  body.push('<h2>Boundary spanners</h2>', report.boundarySpanners.length ? table(['person', 'why'], report.boundarySpanners.map((s) => [personLabel(report, s.person), s.reasons.join('; ')])) : '<p>None.</p>');
  body.push(
    '<h2>Coordination gaps</h2>',
    report.coordinationGaps.length
      ? table(
          ['files', 'together', 'crosses', 'people', 'suggested design thread'],
          report.coordinationGaps.map((g) => [
            `${g.repository}: ${g.sides[0].path} ↔ ${g.sides[1].path}`,
            `${g.coChanges} commits, last ${g.lastCoChange.slice(0, 10)}`,
            g.crosses.join(', '),
            `${g.sides[0].people.map((p) => shortName(report, p)).join(', ')} ↔ ${g.sides[1].people.map((p) => shortName(report, p)).join(', ')}`,
            g.suggestedThread.title,
          ]),
        )
      : '<p>None found.</p>',
  );
  body.push('<h2>Proposed potential communities</h2>');
  if (report.proposals.length === 0) body.push('<p>None.</p>');
  for (const p of report.proposals) {
    body.push(`<h3>${esc(p.name)} <span class="tag">potential</span></h3>`);
    body.push(`<p>${esc(`${p.people.length} people from ${p.teamsKnown ? p.teams.map((t) => t.name).join(', ') : 'teams the directory does not know'}; ${p.activity} changes in the window; ${Math.round(p.coveredShare * 100)}% inside declared communities.`)}</p>`);
    body.push(`<p>${esc(p.people.map((k) => shortName(report, k)).join(', '))}</p><pre>${esc(p.draftYaml)}</pre>`);
  }
  if (report.notes.length) body.push('<h2>Notes</h2>', `<ul>${report.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${PAGE_CSS}${CHART_CSS}</style></head>
<body>${body.join('\n')}</body></html>
`;
}

function communityHtml(report: CommunityReport, c: CommunityFigures): string {
  const k = c.knowledge;
  const n = c.counts;
  const parts = [`<section class="community" id="community-${esc(c.id)}"><h2>${esc(c.name)}</h2>`];
  if (c.domain) parts.push(`<p><em>${esc(c.domain)}</em></p>`);
  parts.push(`<p>${esc(`Stage: ${c.stage.summary}.`)}${c.declared.relationship ? ` ${esc(`Relationship to the organisation: ${c.declared.relationship}.`)}` : ''}</p>`);
  parts.push(`<p>${esc(`${n.core} core, ${n.active} active, ${n.peripheral} peripheral, ${n.newcomer} newcomers; ${n.former} former. Insularity ${c.boundary.insularity === null ? 'unknown' : c.boundary.insularity.toFixed(2)}${c.boundary.largestTeam ? ` (largest team ${c.boundary.largestTeam.name})` : ''}.`)}</p>`);
  parts.push(figure(renderRings(c, report.people, { idPrefix: 'page' }), 'Members placed by participation (core in the middle, newcomers at the edge), coloured by team.'));
  parts.push(figure(renderParticipation(c, { idPrefix: 'page' }), 'Commits and thread posts per month, and how many people took part.'));
  parts.push(figure(renderKnowledge(c, report.people, { idPrefix: 'page' }), `Truck factor ${k.truckFactor}; islands rest on one active person; orphaned files have only former authors.`));
  parts.push('<h3>Members</h3>', table(['level', 'person', 'evidence'], c.members.map((m) => [m.level, personLabel(report, m.person), memberFacts(m)])));
  parts.push('<h3>Leadership</h3>', table(['role', 'person', 'source', 'evidence'], c.leadership.map((l) => [roleLabel(l.role), shortName(report, l.person), l.source, l.evidence.join('; ')])));
  const atRisk = [...k.islands.files.map((f) => ['island', f] as const), ...k.orphaned.files.map((f) => ['orphaned', f] as const)];
  if (atRisk.length) {
    parts.push('<h3>Files at risk</h3>', table(['kind', 'file', 'authors', 'could learn it'], atRisk.map(([kind, f]) => [kind, `${f.repository}:${f.path}`, f.authors.map((a) => shortName(report, a)).join(', '), f.suggestion ? `${shortName(report, f.suggestion.person)} (${f.suggestion.level}: ${f.suggestion.reason})` : ''])));
  }
  parts.push('</section>');
  return parts.join('\n');
}
