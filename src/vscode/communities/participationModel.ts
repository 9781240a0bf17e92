/**
 * "My participation": the communities I take part in and at what level, my declared and inferred
 * roles, the patterns I maintain and the threads I answered, as a page and as Markdown to paste
 * into a performance review (community work and leadership belong there too).
 */
import { LEADERSHIP_ROLES, type LeadershipRole } from '../../core/communities/communityTypes';
import type { ParticipationEvidence, ParticipationLevel } from '../../core/communities/reportTypes';
import type { Pattern } from '../../core/patterns/patternTypes';
import { escapeMarkdown } from '../../core/util/markdown';
import { isMe, LEVEL_LABELS, type CommunityThread, type Me } from './communityModel';
import type { CommunitySnapshot } from './snapshot';

export const ROLE_LABELS: Record<LeadershipRole, string> = {
  inspirational: 'inspirational',
  dayToDay: 'day-to-day',
  classificatory: 'classificatory',
  interpersonal: 'interpersonal',
  boundary: 'boundary',
  institutional: 'institutional',
  cuttingEdge: 'cutting-edge',
};

export interface MyCommunity {
  id: string;
  name: string;
  level: ParticipationLevel;
  evidence?: ParticipationEvidence;
  /** Free-text role of my entry under `members:` ("coordinator"). */
  declaredMemberRole?: string;
  roles: Array<{ role: LeadershipRole; source: 'declared' | 'inferred'; evidence: string[] }>;
}

export interface ParticipationModel {
  name: string;
  emails: string[];
  team?: string;
  window: { since: string; until: string };
  communities: MyCommunity[];
  /** Communities that declare me (member or leader) without any activity of mine in the window. */
  silentIn: Array<{ id: string; name: string }>;
  boundarySpanner?: string[];
  patterns: Pattern[];
  answered: CommunityThread[];
  started: CommunityThread[];
}

export function participationModel(snapshot: CommunitySnapshot, me: Me): ParticipationModel {
  const { report } = snapshot;
  const communities: MyCommunity[] = [];
  const silentIn: ParticipationModel['silentIn'] = [];
  for (const c of report.communities) {
    const member = c.members.find((m) => me.keys.includes(m.person));
    const roles = c.leadership
      .filter((l) => me.keys.includes(l.person))
      .sort((a, b) => LEADERSHIP_ROLES.indexOf(a.role) - LEADERSHIP_ROLES.indexOf(b.role) || a.source.localeCompare(b.source))
      .map((l) => ({ role: l.role, source: l.source, evidence: l.evidence }));
    if (member) communities.push({ id: c.id, name: c.name, level: member.level, evidence: member.evidence, ...(member.declaredRole ? { declaredMemberRole: member.declaredRole } : {}), roles });
    else if (roles.length || c.silentMembers.some((k) => me.keys.includes(k))) silentIn.push({ id: c.id, name: c.name });
  }
  const mine = (handle: string): boolean => {
    const h = handle.trim().toLowerCase().replace(/^@/, '');
    return me.keys.includes(h) || me.emails.some((e) => e.toLowerCase() === h) || (!!me.github && me.github.toLowerCase() === h);
  };
  const patterns = snapshot.patterns.filter((p) => p.maintainers.some(mine)).sort((a, b) => a.title.localeCompare(b.title));
  const all = snapshot.threads.flatMap((t) => t.threads.map((thread) => ({ thread, root: t.root })));
  const answered = all.filter((t) => t.thread.comments.some((c) => isMe(me, c.author)));
  const started = all.filter((t) => isMe(me, t.thread.author));
  const spanner = report.boundarySpanners.find((s) => me.keys.includes(s.person));
  return {
    name: me.person?.name ?? me.emails[0] ?? 'me',
    emails: me.emails,
    ...(me.person?.team ? { team: me.person.team.name } : {}),
    window: { since: report.window.since, until: report.window.until },
    communities,
    silentIn,
    ...(spanner ? { boundarySpanner: spanner.reasons } : {}),
    patterns,
    answered,
    started,
  };
}

function evidenceText(e: ParticipationEvidence | undefined): string {
  if (!e) return '';
  const parts = [
    e.commits ? `${e.commits} commit${e.commits === 1 ? '' : 's'} to ${e.files} file${e.files === 1 ? '' : 's'}` : '',
    e.patternCommits ? `${e.patternCommits} pattern commit${e.patternCommits === 1 ? '' : 's'}` : '',
    e.threadsStarted ? `${e.threadsStarted} thread${e.threadsStarted === 1 ? '' : 's'} started` : '',
    e.replies ? `${e.replies} repl${e.replies === 1 ? 'y' : 'ies'}` : '',
    e.collaborators ? `${e.collaborators} collaborator${e.collaborators === 1 ? '' : 's'}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

export function participationEvidenceText(e: ParticipationEvidence | undefined): string {
  return evidenceText(e);
}

/** The page as Markdown, for a review document. */
export function participationMarkdown(model: ParticipationModel): string {
  const md = escapeMarkdown;
  const day = (iso: string): string => iso.slice(0, 10);
  const lines = [`# Community participation: ${md(model.name)}`, '', `${day(model.window.since)} – ${day(model.window.until)}${model.team ? ` · team ${md(model.team)}` : ''}`, ''];
  lines.push('## Communities', '');
  if (model.communities.length === 0) lines.push('No community activity in this window.');
  for (const c of model.communities) {
    const member = c.declaredMemberRole ? ` (declared member: ${md(c.declaredMemberRole)})` : '';
    lines.push(`- **${md(c.name)}**: ${LEVEL_LABELS[c.level].toLowerCase().replace(/s$/, '')}${member}${evidenceText(c.evidence) ? ` — ${md(evidenceText(c.evidence))}` : ''}`);
    for (const r of c.roles) lines.push(`  - ${ROLE_LABELS[r.role]} leadership (${r.source})${r.evidence.length ? `: ${md(r.evidence.join('; '))}` : ''}`);
  }
  for (const c of model.silentIn) lines.push(`- ${md(c.name)}: declared, no activity in this window`);
  if (model.boundarySpanner) lines.push('', `Boundary spanner: ${md(model.boundarySpanner.join('; '))}`);
  lines.push('', '## Patterns I maintain', '');
  if (model.patterns.length === 0) lines.push('None.');
  for (const p of model.patterns) lines.push(`- ${md(p.title)} (\`${p.id}\`, ${p.status}, ${md(p.community)})`);
  lines.push('', '## Threads I answered', '');
  if (model.answered.length === 0) lines.push('None.');
  const title = (t: CommunityThread): string => (t.thread.url && /^https:\/\//.test(t.thread.url) ? `[${md(t.thread.title)}](${t.thread.url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)})` : md(t.thread.title));
  for (const t of model.answered) lines.push(`- ${title(t)} (${t.thread.state})`);
  if (model.started.length) {
    lines.push('', '## Threads I started', '');
    for (const t of model.started) lines.push(`- ${title(t)} (${t.thread.state}, ${t.thread.comments.length} replies)`);
  }
  return `${lines.join('\n')}\n`;
}
