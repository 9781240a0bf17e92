import type { CoChangeData } from '../git/coChange';
import type { HistoryIndexData } from '../git/historyTypes';
import type { AreaStats } from './areaStats';
import { decayWeight } from './scoring';

/**
 * Evidence from a file's co-change neighbours: the files changed in the same commits (the
 * index's co-change data, recorded in the same `git log` pass as the history; merges, single-file
 * and mass commits are not in it). For a file f and a neighbour n,
 *
 *   co(f, n)  Σ over the commits that changed both of 2^(−age/halfLifeDays)
 *   q(n → f)  min(1, co(f, n) / c(n)): how much of n's recent work also touched f
 *
 * and a person p who changed the top `limit` of them (by co) knows f through them by
 *
 *   N_p(f) = Σ_n (c_p(n) / c_p(repository)) · q(n → f)
 *
 * the share of p's own work that lands on f by way of its neighbours: the same units as the
 * product's smoothed share, so scoring can add the two (scoring.ts, `coChange`).
 *
 * Cheap on the hover path: the file → commits lists are built once per index and settings (one
 * pass over the co-change arrays, 4 bytes per recorded file change), a file's top neighbours on
 * its first query (its commits times their sizes) and kept, for at most
 * {@link MAX_CACHED_FILES} files; N_p(f) then reads p's changes to those few files.
 */
export interface Neighbour {
  path: string;
  /** q(n → f). */
  q: number;
}

const MAX_CACHED_FILES = 4096;
/** Neighbour files whose people are kept: a compact projection of their contributions. */
const MAX_CACHED_NEIGHBOURS = 20_000;

interface NeighbourIndex {
  data: CoChangeData;
  idByPath: Map<string, number>;
  /** Commits of file id i: commitsOf[starts[i] .. starts[i + 1]). */
  starts: Int32Array;
  commitsOf: Int32Array;
  /** Recency weight of each kept commit. */
  weights: Float64Array;
  cache: Map<string, Neighbour[]>;
}

/** A neighbour file's people: c_p(n) / c_p(repository) and their changes to it. */
interface NeighbourPeople {
  emails: string[];
  shareOfWork: Float64Array;
  changes: Int32Array;
}

/** Per area figures (their settings), neighbour files' people, for at most MAX_CACHED_NEIGHBOURS files each. */
const peopleCaches = new WeakMap<AreaStats, Map<string, NeighbourPeople>>();

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

/** The `limit` files most changed together with `path` (live at the index's head), strongest first. */
function topNeighbours(nx: NeighbourIndex, index: HistoryIndexData, stats: AreaStats, path: string, limit: number): Neighbour[] {
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
  const strongest: Array<{ path: string; co: number }> = [];
  for (const [other, weight] of co) {
    const p = data.paths[other];
    if (p && index.files.has(p)) strongest.push({ path: p, co: weight });
  }
  strongest.sort((a, b) => b.co - a.co || (a.path < b.path ? -1 : 1));
  const out: Neighbour[] = [];
  for (const n of strongest) {
    if (out.length >= limit) break;
    const total = stats.fileRecency.get(n.path) ?? 0;
    if (total > 0) out.push({ path: n.path, q: Math.min(1, n.co / total) });
  }
  return out;
}

/** f's strongest co-change neighbours, computed on the file's first query and kept. */
export function coChangeNeighbours(index: HistoryIndexData, stats: AreaStats, path: string, halfLifeDays: number, limit: number): Neighbour[] {
  const nx = neighbourIndexOf(index, stats.reference, halfLifeDays);
  if (!nx) return [];
  const key = `${path}\u0000${limit}`;
  let list = nx.cache.get(key);
  if (!list) {
    list = topNeighbours(nx, index, stats, path, Math.max(0, limit));
    if (nx.cache.size >= MAX_CACHED_FILES) nx.cache.clear();
    nx.cache.set(key, list);
  }
  return list;
}

/** What one person's work on the neighbours says: N_p(f), how many of them p changed, how often. */
export interface NeighbourEvidence {
  share: number;
  files: number;
  changes: number;
}

/**
 * N_p(f) for the people (not bots) who changed the neighbours, only those of `among` when given:
 * one walk over the neighbours' contributors, so the cost follows those few files, not the
 * number of candidates.
 */
export function viaNeighbours(index: HistoryIndexData, stats: AreaStats, neighbours: readonly Neighbour[], halfLifeDays: number, among?: ReadonlySet<string>): Map<string, NeighbourEvidence> {
  const out = new Map<string, NeighbourEvidence>();
  for (const n of neighbours) {
    const people = peopleOf(index, stats, n.path, halfLifeDays);
    for (let i = 0; i < people.emails.length; i++) {
      const email = people.emails[i];
      if (among && !among.has(email)) continue;
      const e = out.get(email);
      if (e) {
        e.files++;
        e.changes += people.changes[i];
        e.share += people.shareOfWork[i] * n.q;
      } else out.set(email, { share: people.shareOfWork[i] * n.q, files: 1, changes: people.changes[i] });
    }
  }
  return out;
}

/** A neighbour's people (not bots) with their recency-weighted changes, compact and kept: hot files are everyone's neighbours. */
function peopleOf(index: HistoryIndexData, stats: AreaStats, path: string, halfLifeDays: number): NeighbourPeople {
  let cache = peopleCaches.get(stats);
  if (!cache) peopleCaches.set(stats, (cache = new Map()));
  let people = cache.get(path);
  if (people) return people;
  const root = stats.folders.get('');
  const emails: string[] = [];
  const shareOfWork: number[] = [];
  const changes: number[] = [];
  for (const [email, c] of index.files.get(path)?.contributions ?? []) {
    if (c.changeTimes.length === 0 || !stats.human(email)) continue;
    let r = 0;
    for (const t of c.changeTimes) r += decayWeight(t, stats.reference, halfLifeDays);
    const total = root?.people.get(email)?.recency ?? 0;
    emails.push(email);
    shareOfWork.push(total > 0 ? r / total : 0);
    changes.push(c.changeTimes.length);
  }
  people = { emails, shareOfWork: Float64Array.from(shareOfWork), changes: Int32Array.from(changes) };
  if (cache.size >= MAX_CACHED_NEIGHBOURS) cache.clear();
  cache.set(path, people);
  return people;
}
