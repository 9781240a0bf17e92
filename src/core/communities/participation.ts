/**
 * Core, active, peripheral and newcomer, from the collaboration network and the activity.
 *
 * Thresholds, and why:
 * - core: eigenvector centrality ≥ `coreThreshold` (0.5) of the most central person's. Relative to
 *   the maximum rather than a fixed top quantile or a share of the total centrality mass, because a
 *   dense core has near-equal centralities: a quantile or a mass cut would split that plateau and
 *   make the core's size an artefact of how many drive-by contributors there are.
 * - newcomer: not core, first activity in the community inside the window, and still active in
 *   the last `newcomerRecentDays` (90): someone learning at the edge (legitimate peripheral
 *   participation). A drive-by who came once months ago and never returned is peripheral instead.
 * - active: not core nor newcomer, centrality ≥ `activeThreshold` (0.2) of the maximum, or activity
 *   in at least `activeMonths` (3) distinct months of the window (recurring participation).
 * - peripheral: everyone else who took part in the window.
 */
import type { UndirectedGraph } from 'graphology';
import { activeBuckets, type CommunityActivity, type PersonActivity } from './activity';
import type { PeopleRegistry } from './people';
import { DAY, isoDate, type ResolvedOptions } from './reportInputs';
import type { MemberFigures, ParticipationLevel } from './reportTypes';

export const LEVEL_ORDER: Record<ParticipationLevel, number> = { core: 0, active: 1, peripheral: 2, newcomer: 3 };

export function levelOf(person: PersonActivity, centrality: number, options: ResolvedOptions): ParticipationLevel {
  if (centrality >= options.coreThreshold && centrality > 0) return 'core';
  const recent = options.now - options.newcomerRecentDays * DAY;
  if (person.first !== undefined && person.first >= options.since && person.last !== undefined && person.last >= recent) return 'newcomer';
  if (centrality >= options.activeThreshold && centrality > 0) return 'active';
  if (activeBuckets(person.eventTimes).months >= options.activeMonths) return 'active';
  return 'peripheral';
}

/** How much a person did in the window: the weight of their activity in team shares and fallbacks. */
export function activityWeight(p: PersonActivity): number {
  return p.commitTimes.size + p.patternCommitTimes.size + p.threadsStarted + p.replies;
}

export interface Participation {
  members: MemberFigures[];
  silentMembers: string[];
  former: number;
}

export function participation(
  activity: CommunityActivity,
  graph: UndirectedGraph,
  centrality: ReadonlyMap<string, number>,
  people: PeopleRegistry,
  options: ResolvedOptions,
): Participation {
  const declared = new Map<string, string | undefined>();
  for (const m of activity.community.members) declared.set(people.fromHandle(m.email ?? m.github ?? ''), m.role);
  const members: MemberFigures[] = [];
  for (const [key, p] of activity.people) {
    const c = centrality.get(key) ?? 0;
    const buckets = activeBuckets(p.eventTimes);
    const role = declared.get(key);
    members.push({
      person: key,
      level: levelOf(p, c, options),
      centrality: round(c),
      declaredMember: declared.has(key),
      ...(role !== undefined ? { declaredRole: role } : {}),
      evidence: {
        commits: p.commitTimes.size,
        files: p.files.size,
        patternCommits: p.patternCommitTimes.size,
        patternsMaintained: [...new Set(p.patternsMaintained)].sort(),
        threadsStarted: p.threadsStarted,
        replies: p.replies,
        collaborators: graph.hasNode(key) ? graph.degree(key) : 0,
        activeMonths: buckets.months,
        activeWeeks: buckets.weeks,
        ...(p.first !== undefined ? { firstActivity: isoDate(p.first) } : {}),
        ...(p.last !== undefined ? { lastActivity: isoDate(p.last) } : {}),
      },
    });
  }
  members.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || b.centrality - a.centrality || (a.person < b.person ? -1 : 1));
  const silentMembers = [...declared.keys()].filter((key) => !activity.people.has(key)).sort();
  let former = 0;
  for (const [key, h] of activity.history) if (h.last < options.since && !activity.people.has(key)) former++;
  return { members, silentMembers, former };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
