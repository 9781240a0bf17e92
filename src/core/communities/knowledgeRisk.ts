/**
 * Knowledge at risk in a community's code (Avelino et al., "A novel approach for estimating truck
 * factors", ICPC 2016). Authorship by Degree-of-Authorship, as in the paper: a person authors a file
 * when their DOA is above 0.75 of the file's highest and at least 3.293 (the DOA of a first author
 * with no further changes). The truck factor is how many top authors must leave (greedily, the one
 * authoring the most files first) before more than half the files have no active author; people
 * who are already former do not count as authors, so code already abandoned lowers it.
 */
import { degreeOfAuthorship } from '../experts';
import type { CoChangeIndex } from './coChangeIndex';
import type { ParticipationLevel, AtRiskFile, FileList, KnowledgeAtRisk, LearnerSuggestion, MemberFigures } from './reportTypes';
import { fileKey, type Contribution, type WorkFile, type Workspace } from './workspace';

const NORMALISED_DOA_AUTHOR = 0.75;
const ABSOLUTE_DOA_AUTHOR = 3.293;

/** Per report's files (each figure that asks about a file asks about the same authors). */
const authorsOfFile = new WeakMap<WorkFile, readonly string[]>();

/** The file's DOA authors, highest DOA first. */
export function doaAuthors(file: WorkFile): readonly string[] {
  let authors = authorsOfFile.get(file);
  if (authors) return authors;
  const doaOf = (c: Contribution): number => degreeOfAuthorship(c.created, c.times.length, file.totalChanges - c.times.length);
  let max = 0;
  file.contributors.forEach((c) => {
    const doa = doaOf(c);
    if (doa > max) max = doa;
  });
  // Only the few above both thresholds are kept and sorted, not every contributor.
  const found: Array<[string, number]> = [];
  if (max > 0) {
    file.contributors.forEach((c, key) => {
      const doa = doaOf(c);
      if (doa / max > NORMALISED_DOA_AUTHOR && doa >= ABSOLUTE_DOA_AUTHOR) found.push([key, doa]);
    });
  }
  authors = found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
  authorsOfFile.set(file, authors);
  return authors;
}

export interface KnowledgeContext {
  workspace: Workspace;
  /** All-time co-change per repository name. */
  coChange: ReadonlyMap<string, CoChangeIndex>;
  isFormer: (key: string) => boolean;
  since: number;
  now: number;
  maxListedFiles: number;
}

export function truckFactor(authorsByFile: ReadonlyArray<readonly string[]>): { truckFactor: number; removed: string[] } {
  const total = authorsByFile.length;
  const remaining = authorsByFile.map((authors) => new Set(authors));
  let orphaned = remaining.filter((a) => a.size === 0).length;
  const filesOf = new Map<string, number[]>();
  remaining.forEach((authors, i) => {
    for (const a of authors) {
      const list = filesOf.get(a);
      if (list) list.push(i);
      else filesOf.set(a, [i]);
    }
  });
  // Removing one author never changes how many files another authors, so the greedy order is fixed.
  const order = [...filesOf].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const removed: string[] = [];
  for (const [person, files] of order) {
    if (total === 0 || orphaned * 2 > total) break;
    removed.push(person);
    for (const i of files) {
      remaining[i].delete(person);
      if (remaining[i].size === 0) orphaned++;
    }
  }
  return { truckFactor: removed.length, removed };
}

export function knowledgeAtRisk(files: readonly WorkFile[], members: readonly MemberFigures[], context: KnowledgeContext): KnowledgeAtRisk {
  const { isFormer } = context;
  const authors = files.map(doaAuthors);
  const active = authors.map((list) => list.filter((key) => !isFormer(key)));
  const { truckFactor: tf, removed } = truckFactor(active);
  const islands: number[] = [];
  const orphaned: number[] = [];
  files.forEach((file, i) => {
    const activeContributors = countUpTo(file.contributors.keys(), (key) => !isFormer(key), 2);
    if (active[i].length === 1 && activeContributors === 1) islands.push(i);
    else if (active[i].length === 0 && file.contributors.size > 0 && (authors[i].length > 0 || activeContributors === 0)) orphaned.push(i);
  });
  const byPerson = new Map<string, number>();
  for (const i of islands) byPerson.set(active[i][0], (byPerson.get(active[i][0]) ?? 0) + 1);
  const learners = members.filter((m) => m.level !== 'core');
  const list = (indices: number[]): FileList => ({
    count: indices.length,
    files: indices
      .sort((x, y) => files[y].totalChanges - files[x].totalChanges || (files[x].path < files[y].path ? -1 : 1))
      .slice(0, context.maxListedFiles)
      .map((i): AtRiskFile => {
        const ordered = [...active[i], ...authors[i].filter((a) => !active[i].includes(a))];
        const suggestion = suggestLearner(files[i], ordered, learners, context);
        return { repository: files[i].repository, path: files[i].path, authors: ordered, ...(suggestion ? { suggestion } : {}) };
      }),
  });
  return {
    files: files.length,
    truckFactor: tf,
    truckFactorPeople: removed,
    historicalTruckFactor: truckFactor(authors).truckFactor,
    islands: list(islands),
    orphaned: list(orphaned),
    islandsByPerson: [...byPerson].map(([person, count]) => ({ person, files: count })).sort((a, b) => b.files - a.files || (a.person < b.person ? -1 : 1)),
  };
}

/** How many of `items` pass `test`, counting no further than `limit`. */
function countUpTo<T>(items: Iterable<T>, test: (item: T) => boolean, limit: number): number {
  let count = 0;
  for (const item of items) if (test(item) && ++count >= limit) break;
  return count;
}

/**
 * Who could learn a file: a member at the community's edge (peripheral or newcomer: legitimate
 * peripheral participation; an active member when nobody at the edge qualifies, never the core)
 * who already works next to it in the window: changes to files co-changed with it count double,
 * changes to other files of its folder once.
 */
export function suggestLearner(file: WorkFile, fileAuthors: readonly string[], learners: readonly MemberFigures[], context: KnowledgeContext): LearnerSuggestion | undefined {
  if (learners.length === 0) return undefined;
  const level = new Map<string, ParticipationLevel>(learners.filter((m) => !fileAuthors.includes(m.person)).map((m) => [m.person, m.level]));
  const score = new Map<string, { folder: number; coChanged: number }>();
  const credit = (other: WorkFile, field: 'folder' | 'coChanged'): void => {
    for (const [key, c] of other.workers) {
      if (!level.has(key)) continue;
      const n = c.window.length;
      const s = score.get(key) ?? { folder: 0, coChanged: 0 };
      s[field] += n;
      score.set(key, s);
    }
  };
  for (const sibling of context.workspace.byFolder.get(fileKey(file.repository, file.folder)) ?? []) if (sibling !== file) credit(sibling, 'folder');
  const neighbours = context.coChange.get(file.repository)?.neighbours(file.path) ?? new Map<string, number>();
  for (const path of neighbours.keys()) {
    const other = context.workspace.byKey.get(fileKey(file.repository, path));
    if (other) credit(other, 'coChanged');
  }
  // People at the edge first (peripheral, newcomer), then active members; most work next to it first.
  const edge = (key: string): number => (level.get(key) === 'active' ? 1 : 0);
  let best: [string, number, { folder: number; coChanged: number }] | undefined;
  for (const [key, s] of score) {
    const value = 2 * s.coChanged + s.folder;
    const better = !best || edge(key) < edge(best[0]) || (edge(key) === edge(best[0]) && (value > best[1] || (value === best[1] && key < best[0])));
    if (better) best = [key, value, s];
  }
  if (!best) return undefined;
  const [person, , s] = best;
  const parts = [s.coChanged > 0 ? `${s.coChanged} changes to files changed together with it` : '', s.folder > 0 ? `${s.folder} changes next to it in ${file.folder || 'the root folder'}` : ''].filter(Boolean);
  return { person, level: level.get(person)!, reason: `${parts.join(' and ')} in the window` };
}
