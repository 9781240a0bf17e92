/**
 * Coordination gaps, after Cataldo et al.'s socio-technical congruence: two files that keep
 * changing in the same commits create a coordination requirement between the people who own
 * them. When those owners sit on different sides of a community or team line and never meet (no
 * shared thread, no community where both are core or active, nobody owning both), the requirement
 * is unmet: a gap (peripheral participation does not count as meeting: the co-changing commits
 * themselves make their author a peripheral participant on the other side). A
 * file's owners are its active Degree-of-Authorship authors, or, without any, its busiest active
 * contributor in the window (not every contributor: whoever changed both files in one commit would
 * otherwise always "cover" the pair).
 */
import { createHash } from 'crypto';
import type { CoChangeIndex } from './coChangeIndex';
import { doaAuthors } from './knowledgeRisk';
import type { PeopleRegistry } from './people';
import { isoDate, type ResolvedOptions } from './reportInputs';
import type { CoordinationGap, GapSide, TeamRef } from './reportTypes';
import { fileKey, type WorkFile, type Workspace } from './workspace';

export interface GapContext {
  workspace: Workspace;
  /** Window co-change per repository name. */
  coChange: ReadonlyMap<string, CoChangeIndex>;
  people: PeopleRegistry;
  isFormer: (key: string) => boolean;
  /** Communities where each person is core or active. */
  communitiesOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** Threads each person posted in (any time). */
  threadsOf: ReadonlyMap<string, ReadonlySet<string>>;
  options: ResolvedOptions;
}

export function coordinationGaps(context: GapContext): CoordinationGap[] {
  const gaps: CoordinationGap[] = [];
  const { workspace, options } = context;
  for (const repo of workspace.repositories) {
    const index = context.coChange.get(repo.name);
    if (!index) continue;
    for (const pair of index.pairs(options.minCoChanges)) {
      const a = workspace.byKey.get(fileKey(repo.name, pair.a));
      const b = workspace.byKey.get(fileKey(repo.name, pair.b));
      if (!a || !b) continue;
      const sides: [GapSide, GapSide] = [side(a, context), side(b, context)];
      const crosses = linesCrossed(sides);
      if (crosses.length === 0 || sides[0].people.length === 0 || sides[1].people.length === 0) continue;
      if (meet(sides[0].people, sides[1].people, context)) continue;
      const community = sides[0].communities[0] ?? sides[1].communities[0];
      gaps.push({
        id: `gap-${createHash('sha1').update(`${repo.name}\0${pair.a}\0${pair.b}`).digest('hex').slice(0, 10)}`,
        repository: repo.name,
        coChanges: pair.count,
        lastCoChange: isoDate(pair.last),
        crosses,
        sides,
        suggestedThread: {
          title: `${pair.a} and ${pair.b} change together: who coordinates?`,
          ...(community ? { community } : {}),
          participants: [...new Set([...sides[0].people, ...sides[1].people])],
        },
      });
      if (gaps.length >= options.maxGaps * 4) break;
    }
  }
  return gaps
    .sort((x, y) => y.coChanges - x.coChanges || (x.lastCoChange < y.lastCoChange ? 1 : x.lastCoChange > y.lastCoChange ? -1 : x.id < y.id ? -1 : 1))
    .slice(0, options.maxGaps);
}

function side(file: WorkFile, context: GapContext): GapSide {
  let owners = doaAuthors(file).filter((key) => !context.isFormer(key));
  if (owners.length === 0) {
    const busiest = file.workers
      .map(([key, c]): [string, number] => [key, c.window.length])
      .filter(([key]) => !context.isFormer(key))
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    owners = busiest.slice(0, 1).map(([key]) => key);
  }
  const teams = new Map<string, TeamRef>();
  for (const key of owners) {
    const team = context.people.info(key).team;
    if (team) teams.set(team.id, team);
  }
  return { path: file.path, communities: [...file.communities].sort(), teams: [...teams.values()].sort((x, y) => x.id.localeCompare(y.id)), people: owners };
}

function linesCrossed([a, b]: [GapSide, GapSide]): Array<'community' | 'team'> {
  const crosses: Array<'community' | 'team'> = [];
  const communityLine = (a.communities.length > 0 || b.communities.length > 0) && !a.communities.some((c) => b.communities.includes(c));
  if (communityLine) crosses.push('community');
  if (a.teams.length > 0 && b.teams.length > 0 && !a.teams.some((t) => b.teams.some((u) => u.id === t.id))) crosses.push('team');
  return crosses;
}

/** True when someone owns both files, or an owner of one shares a thread or a community with an owner of the other. */
function meet(left: readonly string[], right: readonly string[], context: GapContext): boolean {
  for (const x of left) {
    for (const y of right) {
      if (x === y) return true;
      if (intersects(context.threadsOf.get(x), context.threadsOf.get(y))) return true;
      if (intersects(context.communitiesOf.get(x), context.communitiesOf.get(y))) return true;
    }
  }
  return false;
}

function intersects(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return false;
  for (const v of a) if (b.has(v)) return true;
  return false;
}
