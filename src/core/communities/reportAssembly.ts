/** The cross-community parts of the report: team × community matrix, constellation map, people. */
import type { PeopleRegistry } from './people';
import { isoDate } from './reportInputs';
import type { BoundarySpanner, CommunityFigures, ConstellationMap, PersonFigures, ProposedCommunity, TeamMatrix, TeamRef } from './reportTypes';

export function teamMatrix(communities: readonly CommunityFigures[], people: PeopleRegistry): TeamMatrix {
  const teams = new Map<string, TeamRef | null>();
  for (const c of communities) {
    for (const m of c.members) {
      const team = people.info(m.person).team ?? null;
      teams.set(team?.id ?? '', team);
    }
  }
  const rows = [...teams.values()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.name.localeCompare(b.name) || a.id.localeCompare(b.id)));
  const rowOf = new Map(rows.map((t, i) => [t?.id ?? '', i]));
  const participants = rows.map(() => communities.map(() => 0));
  const core = rows.map(() => communities.map(() => 0));
  communities.forEach((c, column) => {
    for (const m of c.members) {
      const row = rowOf.get(people.info(m.person).team?.id ?? '')!;
      participants[row][column]++;
      if (m.level === 'core') core[row][column]++;
    }
  });
  return { teams: rows, communities: communities.map((c) => c.id), participants, core };
}

export function constellationMap(communities: readonly CommunityFigures[], proposals: readonly ProposedCommunity[], spanners: readonly BoundarySpanner[]): ConstellationMap {
  const nodes: ConstellationMap['nodes'] = [
    ...communities.map((c) => ({ id: c.id, name: c.name, kind: 'declared' as const, participants: c.members.length, core: c.counts.core })),
    ...proposals.map((p) => ({ id: p.id, name: p.name, kind: 'potential' as const, participants: p.people.length, core: 0 })),
  ];
  const links: ConstellationMap['links'] = [];
  const membersOf = new Map(communities.map((c) => [c.id, new Set(c.members.map((m) => m.person))]));
  // Each spanner links every pair of the communities they take part in: pairs from the spanners'
  // own communities, instead of comparing every pair of communities member by member.
  const shared = new Map<number, string[]>();
  for (const key of new Set(spanners.map((s) => s.person))) {
    const mine = communities.flatMap((c, i) => (membersOf.get(c.id)!.has(key) ? [i] : []));
    for (let x = 0; x < mine.length; x++) {
      for (let y = x + 1; y < mine.length; y++) {
        const pair = mine[x] * communities.length + mine[y];
        const people = shared.get(pair);
        if (people) people.push(key);
        else shared.set(pair, [key]);
      }
    }
  }
  for (const pair of [...shared.keys()].sort((p, q) => p - q)) {
    const source = communities[Math.floor(pair / communities.length)].id;
    const target = communities[pair % communities.length].id;
    links.push({ source, target, people: shared.get(pair)!.sort() });
  }
  for (const p of proposals) {
    for (const c of communities) {
      const members = membersOf.get(c.id)!;
      const shared = p.people.filter((key) => members.has(key)).sort();
      if (shared.length > 0) links.push({ source: c.id, target: p.id, people: shared });
    }
  }
  return { nodes, links };
}

/** Every person the report mentions, with where they sit and their levels. */
export function peopleFigures(
  keys: Iterable<string>,
  communities: readonly CommunityFigures[],
  spanners: readonly BoundarySpanner[],
  people: PeopleRegistry,
  lastActivity: (key: string) => number | undefined,
  isFormer: (key: string) => boolean,
): Record<string, PersonFigures> {
  const levels = new Map<string, PersonFigures['communities']>();
  for (const c of communities) for (const m of c.members) levels.set(m.person, [...(levels.get(m.person) ?? []), { id: c.id, level: m.level }]);
  const spannerKeys = new Set(spanners.map((s) => s.person));
  const result: Record<string, PersonFigures> = {};
  for (const key of [...new Set(keys)].sort()) {
    const info = people.info(key);
    const last = lastActivity(key);
    result[key] = {
      key,
      name: info.name,
      ...(info.email ? { email: info.email } : {}),
      ...(info.github ? { github: info.github } : {}),
      ...(info.team ? { team: info.team } : {}),
      ...(info.businessUnit ? { businessUnit: info.businessUnit } : {}),
      ...(last !== undefined ? { lastActive: isoDate(last) } : {}),
      former: isFormer(key),
      communities: levels.get(key) ?? [],
      boundarySpanner: spannerKeys.has(key),
    };
  }
  return result;
}

/** Keys of every person a report section names. */
export function mentionedPeople(communities: readonly CommunityFigures[], spanners: readonly BoundarySpanner[], gaps: ReadonlyArray<{ sides: ReadonlyArray<{ people: string[] }> }>, proposals: readonly ProposedCommunity[]): Set<string> {
  const keys = new Set<string>();
  for (const c of communities) {
    c.members.forEach((m) => keys.add(m.person));
    c.silentMembers.forEach((k) => keys.add(k));
    c.leadership.forEach((l) => keys.add(l.person));
    c.knowledge.truckFactorPeople.forEach((k) => keys.add(k));
    for (const list of [c.knowledge.islands, c.knowledge.orphaned]) {
      for (const f of list.files) {
        f.authors.forEach((k) => keys.add(k));
        if (f.suggestion) keys.add(f.suggestion.person);
      }
    }
  }
  spanners.forEach((s) => keys.add(s.person));
  gaps.forEach((g) => g.sides.forEach((s) => s.people.forEach((k) => keys.add(k))));
  proposals.forEach((p) => p.people.forEach((k) => keys.add(k)));
  return keys;
}
