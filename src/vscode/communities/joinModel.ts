/**
 * "Join this community", legitimate peripheral participation made concrete: the adopted patterns
 * to read first, the core members from other teams to meet, the open threads where a newcomer can
 * help, and where in the code to start (its code areas, and the files that rest on one person,
 * where a second pair of hands spreads the knowledge).
 */
import type { AtRiskFile, CommunityFigures } from '../../core/communities/reportTypes';
import type { Pattern } from '../../core/patterns/patternTypes';
import { communityFigures, openThreadsOf, personName, teamName, type CommunityThread, type Me } from './communityModel';
import { ROLE_LABELS } from './participationModel';
import type { CommunitySnapshot } from './snapshot';

export interface JoinPerson {
  key: string;
  name: string;
  team: string;
  email?: string;
  /** Why to meet them: their leadership roles, else what they do. */
  why: string;
}

export interface JoinArea {
  glob: string;
  repository?: string;
}

export interface JoinModel {
  community: CommunityFigures;
  /** Already a participant: at what level. */
  myLevel?: string;
  patterns: Pattern[];
  people: JoinPerson[];
  threads: CommunityThread[];
  areas: JoinArea[];
  /** Files where knowledge rests on one person: learn them with their owner. */
  startFiles: AtRiskFile[];
}

const MAX_THREADS = 5;
const MAX_FILES = 5;

export function joinModel(snapshot: CommunitySnapshot, communityId: string, me: Me): JoinModel | undefined {
  const { report } = snapshot;
  const community = communityFigures(report, communityId);
  if (!community) return undefined;
  const declared = snapshot.communities.find((c) => c.id === communityId);
  const myTeam = me.person?.team?.id;
  const patterns = snapshot.patterns
    .filter((p) => p.community.toLowerCase() === communityId.toLowerCase() && p.status === 'adopted')
    .sort((a, b) => a.title.localeCompare(b.title));
  const people = community.members
    .filter((m) => m.level === 'core' && !me.keys.includes(m.person))
    .filter((m) => myTeam === undefined || report.people[m.person]?.team?.id !== myTeam)
    .map((m): JoinPerson => {
      const person = report.people[m.person];
      const roles = [...new Set(community.leadership.filter((l) => l.person === m.person).map((l) => `${ROLE_LABELS[l.role]}${l.source === 'inferred' ? ' (inferred)' : ''}`))];
      const e = m.evidence;
      const doing = [e.commits ? `${e.commits} commits` : '', e.replies ? `${e.replies} replies` : '', e.patternsMaintained.length ? `maintains ${e.patternsMaintained.join(', ')}` : ''].filter(Boolean).join(', ');
      return { key: m.person, name: personName(report, m.person), team: teamName(person), email: person?.email, why: roles.length ? `leadership: ${roles.join(', ')}` : doing || 'core member' };
    });
  const areas = (declared?.codeAreas ?? []).map((a): JoinArea => ({ glob: a.glob, ...(a.repo ? { repository: a.repo } : {}) }));
  const startFiles = community.knowledge.islands.files.filter((f) => !me.keys.some((k) => f.authors[0] === k)).slice(0, MAX_FILES);
  const mine = community.members.find((m) => me.keys.includes(m.person));
  return {
    community,
    ...(mine ? { myLevel: mine.level } : {}),
    patterns,
    people,
    threads: openThreadsOf(snapshot.threads, communityId).slice(0, MAX_THREADS),
    areas,
    startFiles,
  };
}
