/** "My participation" as a page, with the same content as Markdown behind "Copy as Markdown". */
import type { CommunityReport } from '../../../core/communities/reportTypes';
import { threadPersonLabel } from '../communityModel';
import { participationEvidenceText, participationMarkdown, ROLE_LABELS, type ParticipationModel } from '../participationModel';
import { actionButton, esc, list, section, TargetTable, type PageContent } from './html';

export function participationPage(report: CommunityReport, model: ParticipationModel): PageContent {
  const targets = new TargetTable();
  targets.markdown = participationMarkdown(model);
  const communities = model.communities.map((c) => {
    const roles = c.roles.map((r) => `<li>${esc(`${ROLE_LABELS[r.role]} leadership`)} <span class="tag${r.source === 'inferred' ? ' inferred' : ''}">${r.source}</span>${r.evidence.length ? ` <span class="muted">${esc(r.evidence.join('; '))}</span>` : ''}</li>`);
    const member = c.declaredMemberRole ? ` <span class="tag">declared member: ${esc(c.declaredMemberRole)}</span>` : '';
    return `${actionButton(c.name, 'openCommunity', c.id)} <span class="level level-${c.level}">${esc(c.level)}</span>${member} <span class="muted">${esc(participationEvidenceText(c.evidence))}</span>${roles.length ? `<ul>${roles.join('')}</ul>` : ''}`;
  });
  const silent = model.silentIn.map((c) => `${actionButton(c.name, 'openCommunity', c.id)} <span class="muted">declared, no activity in this window</span>`);
  const patterns = model.patterns.map((p) => `${actionButton(p.title, 'openPattern', p.id)} <span class="muted">${esc(`${p.status} · ${p.community}`)}</span>`);
  const thread = (t: ParticipationModel['answered'][number]): string => `${actionButton(t.thread.title, 'openThread', targets.thread(t))} <span class="muted">${esc(`${t.thread.state} · started by ${threadPersonLabel(report, t.thread.author)}`)}</span>`;
  const body = [
    `<header><h1>My participation</h1><p class="muted">${esc(`${model.name}${model.team ? ` · ${model.team}` : ''} · ${model.emails.join(', ')} · ${model.window.since.slice(0, 10)} – ${model.window.until.slice(0, 10)}`)}</p>` +
      `<p class="actions">${actionButton('Copy as Markdown', 'copyMarkdown', undefined, { className: 'primary', icon: 'copy', title: 'Copy this page as Markdown, for a review' })} ${actionButton('Constellation map', 'openMap', undefined, { className: 'secondary', icon: 'type-hierarchy' })}</p></header>`,
    section('communities', `Communities (${model.communities.length})`, list([...communities, ...silent], 'No community activity in this window.') + (model.boundarySpanner ? `<p>${esc(`Boundary spanner: ${model.boundarySpanner.join('; ')}`)}</p>` : '')),
    section('patterns', `Patterns I maintain (${model.patterns.length})`, list(patterns, 'None.')),
    section('answered', `Threads I answered (${model.answered.length})`, list(model.answered.map(thread), 'None.')),
    section('started', `Threads I started (${model.started.length})`, list(model.started.map(thread), 'None.')),
  ];
  return { title: 'My participation', body: body.join('\n'), targets };
}
