import type { CoChangeData } from '../git/coChange';
import type { HistoryIndexData } from '../git/historyTypes';
import { fileStats, type AreaStats } from './areaStats';
import { decayWeight } from './scoring';

/**
 * Evidence from a file's co-change neighbours: the files changed in the same commits (the
 * index's co-change data, recorded in the same `git log` pass as the history; merges, single-file
 * and mass commits are not in it). For a file f and a neighbour n,
 *
 *   co(f, n)  Σ over the commits that changed both of 2^(−age/halfLifeDays)
 *   q(n → f)  min(1, co(f, n) / c(n)): how much of n's recent work also touched f
 *
 * and a person p who changed the top `neighbours` of them (by co) knows f through them by
 *
 *   N_p(f) = Σ_n (c_p(n) / c_p(repository)) · q(n → f)
 *
 * the share of p's own work that lands on f by way of its neighbours: the same units as the
 * product's smoothed share, so scoring can add the two (scoring.ts, `coChange`).
 *
 * Cheap on the hover path: the file → commits lists are built once per index and settings (one
 * pass over the co-change arrays, ~4 bytes per recorded file change), a file's figures on its
 * first query (its commits times their sizes, then its top neighbours' contributors), and kept
 * for at most {@link MAX_CACHED_FILES} files.
 */
export interface CoChangeEvidence {
  /** Person → N_p(f). */
  byPerson: Map<string, number>;
  /** Person → how many of the top neighbours they changed, and how often. */
  files: Map<string, { files: number; changes: number }>;
}

const MAX_CACHED_FILES = 4096;

interface NeighbourIndex {
  data: CoChangeData;
  idByPath: Map<string, number>;
  /** Commits of file id i: commitsOf[starts[i] .. starts[i + 1]). */
  starts: Int32Array;
  commitsOf: Int32Array;
  /** Recency weight of each kept commit. */
  weights: Float64Array;
  cache: Map<string, CoChangeEvidence>;
}

const indexes = new WeakMap<HistoryIndexData, Map<string, NeighbourIndex>>();

function buildNeighbourIndex(data: CoChangeData, reference: number, halfLifeDays: number): NeighbourIndex {
  const files = data.paths.length;
  const commits = data.times.length;
  const counts = new Int32Array(files + 1);
  for (const id of data.fileIds) counts[id + 1]++;
  for (let i = 1; i <= files; i++) counts[i] += counts[i - 1];
  const starts = counts.slice();
  const fill = counts.slice(0, files);
  const commitsOf = new Int32Array(data.fileIds.length);
  const weights = new Float64Array(commits);
  for (let c = 0; c < commits; c++) {
    weights[c] = decayWeight(data.times[c], reference, halfLifeDays);
    for (let k = data.offsets[c]; k < data.offsets[c + 1]; k++) commitsOf[fill[data.fileIds[k]]++] = c;
  }
  const idByPath = new Map<string, number>();
  data.paths.forEach((path, id) => {
    if (path) idByPath.set(path, id);
  });
  return { data, idByPath, starts, commitsOf, weights, cache: new Map() };
}

function neighbourIndexOf(index: HistoryIndexData, reference: number, halfLifeDays: number): NeighbourIndex | undefined {
  if (!index.coChange) return undefined;
  let byKey = indexes.get(index);
  if (!byKey) indexes.set(index, (byKey = new Map()));
  const key = `${reference}\u0000${halfLifeDays}`;
  let built = byKey.get(key);
  if (!built) byKey.set(key, (built = buildNeighbourIndex(index.coChange, reference, halfLifeDays)));
  return built;
}

/** The `limit` files most changed together with `path` (live at the index's head), with co(f, n). */
function topNeighbours(nx: NeighbourIndex, index: HistoryIndexData, path: string, limit: number): Array<{ path: string; co: number }> {
  const id = nx.idByPath.get(path);
  if (id === undefined) return [];
  const co = new Map<number, number>();
  const { data } = nx;
  for (let k = nx.starts[id]; k < nx.starts[id + 1]; k++) {
    const c = nx.commitsOf[k];
    for (let j = data.offsets[c]; j < data.offsets[c + 1]; j++) {
      const other = data.fileIds[j];
      if (other !== id) co.set(other, (co.get(other) ?? 0) + nx.weights[c]);
    }
  }
  const out: Array<{ path: string; co: number }> = [];
  for (const [other, weight] of co) {
    const p = data.paths[other];
    if (p && index.files.has(p)) out.push({ path: p, co: weight });
  }
  return out.sort((a, b) => b.co - a.co || (a.path < b.path ? -1 : 1)).slice(0, Math.max(0, limit));
}

/** N_p(f) for everyone who changed one of f's top `neighbours` co-change neighbours (see above). */
export function coChangeEvidence(index: HistoryIndexData, stats: AreaStats, path: string, halfLifeDays: number, neighbours: number): CoChangeEvidence | undefined {
  const nx = neighbourIndexOf(index, stats.reference, halfLifeDays);
  if (!nx) return undefined;
  const key = `${path}\u0000${neighbours}`;
  const cached = nx.cache.get(key);
  if (cached) return cached;
  const byPerson = new Map<string, number>();
  const files = new Map<string, { files: number; changes: number }>();
  const root = stats.folders.get('');
  for (const n of topNeighbours(nx, index, path, neighbours)) {
    const own = fileStats(index.files.get(n.path), stats.reference, halfLifeDays, stats.human);
    if (!(own.recency > 0)) continue;
    const q = Math.min(1, n.co / own.recency);
    for (const [email, p] of own.people) {
      const total = root?.people.get(email)?.recency ?? 0;
      if (p.changes > 0) {
        const f = files.get(email);
        if (f) {
          f.files++;
          f.changes += p.changes;
        } else files.set(email, { files: 1, changes: p.changes });
      }
      if (total > 0 && p.recency > 0) byPerson.set(email, (byPerson.get(email) ?? 0) + (p.recency / total) * q);
    }
  }
  if (nx.cache.size >= MAX_CACHED_FILES) nx.cache.clear();
  const evidence = { byPerson, files };
  nx.cache.set(key, evidence);
  return evidence;
}
