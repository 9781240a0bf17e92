/**
 * Communities nobody declared yet. Louvain community detection (graphology-communities-louvain,
 * seeded so the same inputs give the same answer) runs on the person–area network of the window:
 * people linked to the folders they changed, weighted by their changes. A cluster of at least three
 * people that crosses team lines (two or more teams, when the directory knows) and whose activity
 * lies mostly (over half) outside every declared community's code areas is proposed as a
 * *potential* community, with a draft `communities.yml` entry.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { stringify } from 'yaml';
import { kebabCase } from '../util/kebabCase';
import { seededRandom } from '../util/seededRandom';
import type { Community } from './communityTypes';
import type { PeopleRegistry } from './people';
import { round } from './participation';
import type { ResolvedOptions } from './reportInputs';
import type { ProposedCommunity, TeamRef } from './reportTypes';
import type { Workspace } from './workspace';

const MIN_PEOPLE = 3;
const MAX_AREAS = 8;

interface AreaNode {
  repository: string;
  folder: string;
}

export function discoverCommunities(
  workspace: Workspace,
  declared: readonly Community[],
  people: PeopleRegistry,
  homeRepository: string | undefined,
  options: ResolvedOptions,
): ProposedCommunity[] {
  // person → area → changes (and the part of them on files a declared community covers)
  const byPerson = new Map<string, Map<string, { changes: number; covered: number }>>();
  const areas = new Map<string, AreaNode>();
  for (const file of workspace.files) {
    const area = `a:${file.repository}\0${file.folder}`;
    for (const [key, c] of file.workers) {
      const n = c.window.length;
      if (!areas.has(area)) areas.set(area, { repository: file.repository, folder: file.folder });
      let row = byPerson.get(key);
      if (!row) byPerson.set(key, (row = new Map()));
      const cell = row.get(area) ?? { changes: 0, covered: 0 };
      cell.changes += n;
      if (file.communities.length > 0) cell.covered += n;
      row.set(area, cell);
    }
  }
  const rows: Array<{ person: string; area: string; changes: number; covered: number }> = [];
  for (const key of [...byPerson.keys()].sort()) {
    const row = byPerson.get(key)!;
    const person = `p:${key}`;
    for (const area of [...row.keys()].sort()) {
      const { changes, covered } = row.get(area)!;
      rows.push({ person, area, changes, covered });
    }
  }
  const graph = new UndirectedGraph();
  const added = new Set<string>();
  for (const row of rows) {
    // Nodes in first-seen order, as Louvain's seeded random order reads them.
    for (const node of [row.person, row.area]) {
      if (added.has(node)) continue;
      added.add(node);
      graph.addNode(node);
    }
    graph.addEdge(row.person, row.area, { weight: row.changes });
  }
  if (graph.size === 0) return [];
  const clusterOf = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(options.seed) });

  const clusters = new Map<number, { people: Set<string>; areas: Map<string, number>; changes: number; covered: number }>();
  const cluster = (id: number) => {
    let c = clusters.get(id);
    if (!c) clusters.set(id, (c = { people: new Set(), areas: new Map(), changes: 0, covered: 0 }));
    return c;
  };
  for (const row of rows) {
    const id = clusterOf[row.person];
    if (clusterOf[row.area] !== id) continue;
    const c = cluster(id);
    c.people.add(row.person.slice(2));
    c.areas.set(row.area, (c.areas.get(row.area) ?? 0) + row.changes);
    c.changes += row.changes;
    c.covered += row.covered;
  }

  const usedIds = new Set(declared.map((c) => c.id));
  const multiRepo = workspace.repositories.length > 1;
  const proposals: ProposedCommunity[] = [];
  for (const [, c] of [...clusters].sort((a, b) => b[1].changes - a[1].changes || a[0] - b[0])) {
    if (c.people.size < MIN_PEOPLE || c.changes === 0) continue;
    const coveredShare = c.covered / c.changes;
    if (coveredShare > 0.5) continue;
    const teams = new Map<string, TeamRef>();
    let placed = 0;
    for (const key of c.people) {
      const team = people.info(key).team;
      if (team) {
        teams.set(team.id, team);
        placed++;
      }
    }
    const teamsKnown = placed >= 2;
    if (teamsKnown && teams.size < 2) continue;
    const chosen = chooseAreas(c.areas, clusterOf, areas);
    const globs = chosen.map(({ repository, glob }) => (multiRepo || (homeRepository !== undefined && repository !== homeRepository) ? `${repoLabel(repository)}:${glob}` : glob));
    const top = chosen[0];
    const id = uniqueId(`potential-${kebabCase(top.folder.split('/').slice(-2).join(' ') || top.repository, 40) || 'root'}`, usedIds);
    const name = `Potential: ${top.folder || `${top.repository} (root)`}${chosen.length > 1 ? ` and ${chosen.length - 1} more area${chosen.length > 2 ? 's' : ''}` : ''}`;
    const members = [...c.people].sort();
    proposals.push({
      id,
      name,
      people: members,
      teams: [...teams.values()].sort((a, b) => a.id.localeCompare(b.id)),
      teamsKnown,
      areas: globs,
      activity: c.changes,
      coveredShare: round(coveredShare),
      draftYaml: draftYaml(id, name, globs, members),
    });
  }
  return proposals;
}

/** The heaviest areas covering 80% of the cluster's changes (at most 8), as globs. */
function chooseAreas(weights: Map<string, number>, clusterOf: Record<string, number>, areas: Map<string, AreaNode>): Array<AreaNode & { glob: string }> {
  const sorted = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = sorted.reduce((sum, [, w]) => sum + w, 0);
  const picked: Array<AreaNode & { glob: string }> = [];
  let covered = 0;
  for (const [key, w] of sorted) {
    if (picked.length >= MAX_AREAS || (picked.length > 0 && covered >= 0.8 * total)) break;
    covered += w;
    const area = areas.get(key)!;
    const prefix = area.folder === '' ? '' : `${area.folder}/`;
    // `folder/**` unless a subfolder belongs to another cluster: then only the folder's own files.
    const foreignBelow = [...areas].some(([other, a]) => a.repository === area.repository && a.folder.startsWith(prefix) && a.folder !== area.folder && clusterOf[other] !== clusterOf[key]);
    const glob = area.folder === '' ? '*' : foreignBelow ? `${area.folder}/*` : `${area.folder}/**`;
    picked.push({ ...area, glob });
  }
  return picked.filter((a) => !picked.some((b) => b !== a && b.repository === a.repository && b.glob.endsWith('/**') && a.folder.startsWith(`${b.folder}/`)));
}

/** `repo:` prefixes are plain names: `acme/billing` is written `billing` (it matches by suffix). */
function repoLabel(repository: string): string {
  return repository.slice(repository.lastIndexOf('/') + 1);
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function draftYaml(id: string, name: string, codeAreas: string[], members: string[]): string {
  const entry = {
    id,
    name,
    domain: 'TODO: the practice these people share, in a sentence',
    stage: 'potential',
    relationship: 'unrecognized',
    codeAreas,
    members: members.filter((m) => /^[^@\s]+@[^@\s]+$/.test(m) || m.startsWith('@')),
  };
  return stringify({ communities: [entry] }, { lineWidth: 0 });
}
