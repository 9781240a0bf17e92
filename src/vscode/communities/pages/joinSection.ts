/** The "Join this community" section of the community page. */
import type { CommunityReport } from '../../../core/communities/reportTypes';
import { personName, threadPersonLabel } from '../communityModel';
import type { JoinModel } from '../joinModel';
import { actionButton, esc, fileButton, list, section, type TargetTable } from './html';

export function joinSection(report: CommunityReport, join: JoinModel, targets: TargetTable): string {
  const c = join.community;
  const intro = join.myLevel
    ? `You already take part (${join.myLevel}). Here is where others start.`
    : 'Newcomers start at the edge and move in: read what the community agreed, meet the people at its core, help where a question waits, and learn the code that rests on one person.';
  const patterns = join.patterns.map((p) => `${actionButton(p.title, 'openPattern', p.id, { title: `Open the pattern ${p.id}` })} <span class="muted">${esc(p.summary)}</span>`);
  const people = join.people.map((p) => `<strong>${esc(p.name)}</strong> <span class="muted">${esc(`${p.team}${p.email ? ` · ${p.email}` : ''} · ${p.why}`)}</span>`);
  const threads = join.threads.map((t) => {
    const replies = t.thread.comments.length;
    return `${actionButton(t.thread.title, 'openThread', targets.thread(t))} <span class="muted">${esc(`${threadPersonLabel(report, t.thread.author)} · ${replies === 0 ? 'no reply yet' : `${replies} repl${replies === 1 ? 'y' : 'ies'}`}`)}</span>`;
  });
  const areas = join.areas.map((a) => `<code>${esc(a.repository ? `${a.repository}:${a.glob}` : a.glob)}</code>`);
  const files = join.startFiles.map((f) => `${fileButton(targets, f.repository, f.path)} <span class="muted">${esc(`only ${f.authors.map((a) => personName(report, a)).join(', ')} knows it well`)}</span>`);
  const body =
    `<p>${esc(intro)}</p>` +
    `<div class="join-grid">` +
    `<div><h3>Read first: adopted patterns</h3>${list(patterns, 'No adopted pattern yet: proposing one is a good way in.')}</div>` +
    `<div><h3>Meet: core members from other teams</h3>${list(people, 'Nobody at the core from another team yet.')}</div>` +
    `<div><h3>Help: open threads</h3>${list(threads, 'No open thread right now.')}</div>` +
    `<div><h3>Start in the code</h3>${list(areas, 'No code areas declared.')}${files.length ? `<p>Files where a second person would spread the knowledge:</p>${list(files, '')}` : ''}</div>` +
    `</div>`;
  return section('join', `Join ${c.name}`, body);
}
