/**
 * Collaboration networks (Joblin et al., ICSE 2017): people are linked when they changed the same
 * file within `collaborationDays` of each other inside the window, and when they posted in the
 * same thread. Weights count joint work commit by commit: each window commit (a person's change
 * time) is one unit, shared equally among the people it links its author to (Newman's weighting
 * for collaboration networks). So a sweep touching forty files is one commit, not forty links, and
 * a file everyone touches (package.json, a changelog) does not make everyone look central. On
 * ESLint's history, per-file weights made two people who each once swept the docs the docs'
 * core; per-commit weights put its maintainers there (see docs/communities-measurements.md).
 * Each poster's part in a thread is likewise one unit shared among the thread's other posters.
 */
import { UndirectedGraph } from 'graphology';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import type { CommunityActivity, ThreadParticipation } from './activity';
import type { WorkFile } from './workspace';

export class CollaborationNetwork {
  /** Window times come from the workspace; `linkSeconds` is how close in time two changes link. */
  constructor(private readonly linkSeconds: number) {}

  /** The network of one community's participants (isolated participants included). */
  communityGraph(activity: CommunityActivity): UndirectedGraph {
    return this.graph(activity.people.keys(), activity.files, activity.threads);
  }

  /**
   * Every community's participants and links in one network: where brokers between teams show.
   * Links only, no weights (betweenness reads it unweighted): a link of the whole workspace is a
   * link of some community, since both people changed one of its files or posted in one of its
   * threads, so the community networks already hold them all and their union is this network
   * without a second pass over the files. Nodes and links are added in sorted order, as
   * {@link communityGraph} does, so path counts come out in the same order.
   */
  workspaceGraph(communityGraphs: readonly UndirectedGraph[]): UndirectedGraph {
    const keys = new Set<string>();
    const links = new Map<string, Set<string>>();
    for (const g of communityGraphs) {
      g.forEachNode((key) => keys.add(key));
      g.forEachEdge((_edge, _attributes, a, b) => {
        const [x, y] = a < b ? [a, b] : [b, a];
        let row = links.get(x);
        if (!row) links.set(x, (row = new Set()));
        row.add(y);
      });
    }
    const graph = new UndirectedGraph();
    for (const key of [...keys].sort()) graph.addNode(key);
    for (const a of [...links.keys()].sort()) for (const b of [...links.get(a)!].sort()) graph.addEdge(a, b);
    return graph;
  }

  private graph(people: Iterable<string>, files: Iterable<WorkFile>, threads: Iterable<ThreadParticipation>): UndirectedGraph {
    const graph = new UndirectedGraph();
    for (const key of [...people].sort()) graph.addNode(key);
    // weights.get(a).get(b) with a < b
    const weights = new Map<string, Map<string, number>>();
    const add = (a: string, b: string, w: number): void => {
      const [x, y] = a < b ? [a, b] : [b, a];
      let row = weights.get(x);
      if (!row) weights.set(x, (row = new Map()));
      row.set(y, (row.get(y) ?? 0) + w);
    };
    this.commitLinks(files, add);
    for (const thread of threads) {
      // Each poster's part in the thread is one unit shared among the others, as for commits.
      const posters = thread.windowPosters;
      for (let i = 0; i < posters.length; i++) for (let j = i + 1; j < posters.length; j++) add(posters[i], posters[j], 2 / (posters.length - 1));
    }
    for (const a of [...weights.keys()].sort()) {
      if (!graph.hasNode(a)) continue;
      const row = weights.get(a)!;
      for (const b of [...row.keys()].sort()) if (graph.hasNode(b)) graph.addEdge(a, b, { weight: row.get(b)! });
    }
    return graph;
  }

  /**
   * Each window commit (a person's change time) links its author to everyone who changed one of
   * the same files within the link time; its one unit of weight is shared among those people.
   */
  private commitLinks(files: Iterable<WorkFile>, add: (a: string, b: string, weight: number) => void): void {
    // author → commit time → people linked
    const linked = new Map<string, Map<number, Set<string>>>();
    for (const file of files) {
      const workers = file.workers;
      for (let i = 0; i < workers.length; i++) {
        const [author, { window: times }] = workers[i];
        for (let j = 0; j < workers.length; j++) {
          if (i === j) continue;
          for (const t of times) {
            if (!nearAny(t, workers[j][1].window, this.linkSeconds)) continue;
            let commits = linked.get(author);
            if (!commits) linked.set(author, (commits = new Map()));
            const set = commits.get(t);
            if (set) set.add(workers[j][0]);
            else commits.set(t, new Set([workers[j][0]]));
          }
        }
      }
    }
    for (const [author, commits] of linked) for (const others of commits.values()) for (const other of others) add(author, other, 1 / others.size);
  }
}

/** True when an ascending time list has an entry at most `gap` away from `t` (binary search). */
export function nearAny(t: number, times: readonly number[], gap: number): boolean {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t - gap) lo = mid + 1;
    else hi = mid;
  }
  return lo < times.length && times[lo] <= t + gap;
}

/**
 * Eigenvector centrality, scaled so the most central person is 1. Why eigenvector: it credits a
 * person for being linked to people who are themselves central, which is what "core" means in a
 * core/periphery structure, and Joblin et al. found network measures agree with developers' own
 * view of who is core better than commit counts. graphology's power iteration works on A + I, so
 * bipartite-like networks converge. People without links get 0. A network without a single link
 * has no structure to read: everyone gets the share of the busiest person's `fallback` activity.
 */
export function centralities(graph: UndirectedGraph, fallback: (key: string) => number): Map<string, number> {
  const result = new Map<string, number>();
  if (graph.size === 0) {
    const max = Math.max(0, ...graph.nodes().map(fallback));
    for (const key of graph.nodes()) result.set(key, max > 0 ? fallback(key) / max : 0);
    return result;
  }
  let raw: Record<string, number>;
  try {
    raw = eigenvectorCentrality(graph, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-9 });
  } catch {
    // No convergence (rare, near-degenerate spectra): weighted degree keeps the ordering meaningful.
    raw = {};
    graph.forEachNode((key) => {
      raw[key] = graph.reduceEdges(key, (sum, _e, attrs) => sum + (attrs.weight as number), 0);
    });
  }
  let max = 0;
  graph.forEachNode((key) => {
    const value = graph.degree(key) > 0 ? raw[key] ?? 0 : 0;
    result.set(key, value);
    if (value > max) max = value;
  });
  for (const [key, value] of result) result.set(key, max > 0 ? value / max : 0);
  return result;
}
