/**
 * Boundaries: the people who carry practice between communities and teams, and how inward-looking
 * each community is. A boundary spanner is core or active in two or more communities, or a broker:
 * their collaborators sit in at least two teams other than their own and their betweenness in the
 * workspace network is in its top decile (betweenness: they lie on the short paths between people
 * who otherwise do not work together). Insularity is the share of a community's activity that comes
 * from its largest team: 1 means one team does everything.
 */
import type { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { CommunityActivity } from './activity';
import { activityWeight, round } from './participation';
import type { PeopleRegistry } from './people';
import type { BoundaryFigures, BoundarySpanner, MemberFigures, ParticipationLevel, TeamRef } from './reportTypes';

export function findBoundarySpanners(
  graph: UndirectedGraph,
  levels: ReadonlyMap<string, Array<{ id: string; level: ParticipationLevel }>>,
  people: PeopleRegistry,
): BoundarySpanner[] {
  const betweenness = graph.size > 0 ? betweennessCentrality(graph, { getEdgeWeight: null, normalized: true }) : {};
  const positive = Object.values(betweenness).filter((b) => b > 0).sort((a, b) => a - b);
  const topDecile = positive.length > 0 ? positive[Math.min(positive.length - 1, Math.floor(positive.length * 0.9))] : Infinity;
  const spanners: BoundarySpanner[] = [];
  graph.forEachNode((key) => {
    const own = people.info(key);
    const teams = new Map<string, TeamRef>();
    const units = new Map<string, TeamRef>();
    graph.forEachNeighbor(key, (other) => {
      const info = people.info(other);
      if (info.team && info.team.id !== own.team?.id) teams.set(info.team.id, info.team);
      if (info.businessUnit && info.businessUnit.id !== own.businessUnit?.id) units.set(info.businessUnit.id, info.businessUnit);
    });
    const strong = (levels.get(key) ?? []).filter((l) => l.level === 'core' || l.level === 'active');
    const b = betweenness[key] ?? 0;
    const reasons: string[] = [];
    if (strong.length >= 2) reasons.push(`core or active in ${strong.length} communities (${strong.map((s) => s.id).join(', ')})`);
    if (teams.size >= 2 && b > 0 && b >= topDecile) {
      reasons.push(`works with ${teams.size} other teams (${[...teams.values()].map((t) => t.name).sort().join(', ')}) and links people who otherwise do not work together (betweenness ${round(b)})`);
    }
    if (reasons.length === 0) return;
    spanners.push({
      person: key,
      communities: strong,
      teamsReached: sortRefs([...teams.values()]),
      businessUnitsReached: sortRefs([...units.values()]),
      betweenness: round(b),
      reasons,
    });
  });
  return spanners.sort((a, b) => b.communities.length - a.communities.length || b.betweenness - a.betweenness || (a.person < b.person ? -1 : 1));
}

export function boundaryFigures(activity: CommunityActivity, members: readonly MemberFigures[], spanners: ReadonlySet<string>, people: PeopleRegistry): BoundaryFigures {
  const byTeam = new Map<string, { team: TeamRef | null; activity: number }>();
  let total = 0;
  let known = 0;
  for (const [key, p] of activity.people) {
    const weight = activityWeight(p);
    if (weight === 0) continue;
    const team = people.info(key).team ?? null;
    const id = team?.id ?? '';
    const row = byTeam.get(id) ?? { team, activity: 0 };
    row.activity += weight;
    byTeam.set(id, row);
    total += weight;
    if (team) known += weight;
  }
  const teamShares = [...byTeam.values()]
    .map((row) => ({ team: row.team, activity: row.activity, share: total > 0 ? round(row.activity / total) : 0 }))
    .sort((a, b) => b.activity - a.activity || (a.team?.id ?? '~').localeCompare(b.team?.id ?? '~'));
  const largest = teamShares.find((row) => row.team !== null);
  const insularity = largest && known > 0 ? round(largest.activity / known) : null;
  return {
    spanners: members.filter((m) => spanners.has(m.person)).map((m) => m.person),
    insularity,
    ...(largest?.team && insularity !== null ? { largestTeam: { ...largest.team, share: insularity } } : {}),
    teamShares,
    knownTeamShare: total > 0 ? round(known / total) : 0,
  };
}

function sortRefs(refs: TeamRef[]): TeamRef[] {
  return refs.sort((a, b) => a.id.localeCompare(b.id));
}
