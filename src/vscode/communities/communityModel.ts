/** Questions the view and the pages ask of a snapshot (no editor import: the bench uses them). */
import type { CommunityFigures, CommunityReport, MemberFigures, ParticipationLevel, PersonFigures } from '../../core/communities/reportTypes';
import type { Thread, ThreadPerson } from '../../core/threads/threadTypes';
import type { CommunitySnapshot, SnapshotThreads } from './snapshot';

export const LEVEL_LABELS: Record<ParticipationLevel, string> = { core: 'Core', active: 'Active', peripheral: 'Peripheral', newcomer: 'Newcomers' };

export function personName(report: CommunityReport, key: string): string {
  return report.people[key]?.name ?? key.replace(/^name:/, '');
}

export function teamName(person: PersonFigures | undefined): string {
  return person?.team?.name ?? 'no team';
}

export function communityFigures(report: CommunityReport, id: string): CommunityFigures | undefined {
  return report.communities.find((c) => c.id === id);
}

export function communityName(report: CommunityReport, id: string): string {
  return communityFigures(report, id)?.name ?? report.proposals.find((p) => p.id === id)?.name ?? id;
}

/** A level's members, sorted by team then centrality (the view and the page list them so). */
export function membersAt(report: CommunityReport, community: CommunityFigures, level: ParticipationLevel): MemberFigures[] {
  const team = (m: MemberFigures): string => report.people[m.person]?.team?.name ?? '\uffff';
  return community.members.filter((m) => m.level === level).sort((a, b) => team(a).localeCompare(team(b)) || b.centrality - a.centrality || personName(report, a.person).localeCompare(personName(report, b.person)));
}

export interface CommunityThread {
  thread: Thread;
  root: string;
}

export function threadsOf(threads: readonly SnapshotThreads[], communityId: string): CommunityThread[] {
  return threads.filter((t) => t.community === communityId).flatMap((t) => t.threads.map((thread) => ({ thread, root: t.root })));
}

/** Open threads of a community, the least answered first (where a newcomer's answer helps most), then the newest. */
export function openThreadsOf(threads: readonly SnapshotThreads[], communityId: string): CommunityThread[] {
  return threadsOf(threads, communityId)
    .filter((t) => t.thread.state === 'open')
    .sort((a, b) => a.thread.comments.length - b.thread.comments.length || b.thread.createdAt.localeCompare(a.thread.createdAt));
}

/** Declared communities whose code areas hold a file, most specific first. */
export function communitiesOfFile(snapshot: CommunitySnapshot, root: string, relativePath: string): CommunityFigures[] {
  const repo = snapshot.repositories.find((r) => r.root === root);
  if (!repo) return [];
  return snapshot.index
    .communitiesForPath(relativePath, repo.name)
    .map((m) => communityFigures(snapshot.report, m.community.id))
    .filter((c): c is CommunityFigures => c !== undefined);
}

/** The repository root of a report's repository name. */
export function rootOf(snapshot: CommunitySnapshot, repository: string): string | undefined {
  return snapshot.repositories.find((r) => r.name === repository)?.root;
}

/** Who "I" am: every repository's git user.email, merged through the directory into report keys. */
export interface Me {
  keys: string[];
  /** The key the report knows best (the first one with figures). */
  key?: string;
  github?: string;
  person?: PersonFigures;
  emails: string[];
}

export function resolveMe(snapshot: CommunitySnapshot, emails: readonly string[]): Me {
  const directory = snapshot.directory;
  const keys = [...new Set(emails.filter(Boolean).map((e) => (directory ? directory.canonicalEmail(e) : e).toLowerCase()))];
  const github = emails.map((e) => directory?.placementOf({ email: e }).github).find(Boolean);
  if (github && snapshot.report.people[`@${github.toLowerCase()}`]) keys.push(`@${github.toLowerCase()}`);
  const key = keys.find((k) => snapshot.report.people[k]) ?? keys[0];
  return { keys, key, github, person: key ? snapshot.report.people[key] : undefined, emails: [...emails] };
}

export function isMe(me: Me, person: ThreadPerson): boolean {
  if (person.email && me.keys.includes(person.email.toLowerCase())) return true;
  if (person.email && me.emails.some((e) => e.toLowerCase() === person.email!.toLowerCase())) return true;
  return !!person.login && !!me.github && person.login.toLowerCase() === me.github.toLowerCase();
}

/** A person in a thread as a report key would name them (email if known, else @login, else name). */
export function threadPersonLabel(report: CommunityReport, person: ThreadPerson): string {
  const key = person.email?.toLowerCase() ?? (person.login ? `@${person.login.toLowerCase()}` : undefined);
  return (key && report.people[key]?.name) ?? person.name ?? person.login ?? person.email ?? 'someone';
}
