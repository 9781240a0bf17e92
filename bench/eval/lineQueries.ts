import { foldBlameAliases } from '../../src/core/engine/identityMerge';
import { parseBlameGroups, summarizeBlameGroups, type BlameGroup } from '../../src/core/git/blame';
import type { GitRunner } from '../../src/core/git/gitRunner';
import type { BlameSummary } from '../../src/core/git/historyTypes';
import { parseHunks, type Hunk } from '../../src/core/git/diffHunks';
import type { LaterCommit } from './events';
import { Prng } from './prng';
import type { RealDataset } from './realDataset';

/** A hunk of a later commit, located in the file as it was at the cut-off. */
export interface LineQuery {
  commit: string;
  author: string;
  /** Path at the cut-off. */
  file: string;
  /** 1-based, inclusive, in the cut-off version. */
  startLine: number;
  endLine: number;
  /** Blame of those lines at the cut-off (aliases folded). */
  blame: BlameSummary;
}

export interface LineQueryOptions {
  /** Later commits sampled (seeded). */
  commits: number;
  /** At most this many hunks per commit, so one large refactoring does not dominate. */
  hunksPerCommit: number;
  seed: number;
}

export interface LineQueryStats {
  commitsSampled: number;
  hunks: number;
  /** Pure insertions: no line of the cut-off version was changed. */
  insertions: number;
  /** Every changed line was itself written after the cut-off. */
  newerLines: number;
}

const DIFF_ARGS = ['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', '--no-textconv'];

/**
 * Where line `line` of version B came from in version A, given the hunks of `diff A B`;
 * undefined when a hunk wrote it (the line did not exist in A).
 */
export function originalLine(hunks: readonly Hunk[], line: number): number | undefined {
  let shift = 0;
  for (const h of hunks) {
    if (h.newCount > 0 && line >= h.newStart && line < h.newStart + h.newCount) return undefined;
    const before = h.newCount === 0 ? h.newStart < line : h.newStart + h.newCount - 1 < line;
    if (!before) break;
    shift += h.newCount - h.oldCount;
  }
  return line - shift;
}

/**
 * The hunk's pre-image lines (in the commit's parent) carried back to the cut-off version:
 * the span of those that existed then. Undefined for a pure insertion or lines all written later.
 */
export function rangeAtCutoff(hunk: Hunk, sinceCutoff: readonly Hunk[]): { startLine: number; endLine: number } | 'insertion' | 'newer' {
  if (hunk.oldCount === 0) return 'insertion';
  let start = Infinity;
  let end = -Infinity;
  for (let line = hunk.oldStart; line < hunk.oldStart + hunk.oldCount; line++) {
    const o = originalLine(sinceCutoff, line);
    if (o === undefined) continue;
    start = Math.min(start, o);
    end = Math.max(end, o);
  }
  return start <= end ? { startLine: start, endLine: end } : 'newer';
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/**
 * For a seeded sample of later commits: each changed hunk's lines, mapped back to the cut-off
 * version through `git diff cutoff:file parent:file`, blamed at the cut-off (one whole-file
 * blame per file, cut to each range). The hunk's author is the truth.
 */
export async function buildLineQueries(git: GitRunner, dataset: RealDataset, options: LineQueryOptions): Promise<{ queries: LineQuery[]; stats: LineQueryStats }> {
  const repo = dataset.repo;
  const cutoff = dataset.window.cutoff.sha;
  const rng = new Prng(options.seed);
  const sample = rng.shuffle([...dataset.later.commits]).slice(0, options.commits);
  const stats: LineQueryStats = { commitsSampled: sample.length, hunks: 0, insertions: 0, newerLines: 0 };
  const blames = new Map<string, Promise<BlameGroup[]>>();
  const blameOf = (file: string): Promise<BlameGroup[]> => {
    let p = blames.get(file);
    if (!p) {
      p = git.run(['blame', '--incremental', cutoff, '--', file], { cwd: repo, timeoutMs: 0 }).then(parseBlameGroups, () => []);
      blames.set(file, p);
    }
    return p;
  };
  const diff = (a: string, b: string): Promise<Hunk[]> => git.run([...DIFF_ARGS, a, b], { cwd: repo, timeoutMs: 0 }).then(parseHunks, () => []);
  const canonical = (key: string): string => dataset.aliases.get(key) ?? key;
  const perCommit = new Map<string, LineQuery[]>();
  await inParallel(sample, 2, async (commit: LaterCommit) => {
    const found: LineQuery[] = [];
    for (const change of commit.changes) {
      if (!commit.parent) continue;
      const [hunks, sinceCutoff] = await Promise.all([
        diff(`${commit.parent}:${change.before}`, `${commit.sha}:${change.after}`),
        diff(`${cutoff}:${change.origin}`, `${commit.parent}:${change.before}`),
      ]);
      for (const hunk of hunks) {
        stats.hunks++;
        const range = rangeAtCutoff(hunk, sinceCutoff);
        if (range === 'insertion') stats.insertions++;
        else if (range === 'newer') stats.newerLines++;
        else found.push({ commit: commit.sha, author: canonical(commit.author), file: change.origin, ...range, blame: undefined as unknown as BlameSummary });
      }
    }
    const kept = found.length > options.hunksPerCommit ? new Prng(options.seed ^ found.length).shuffle(found).slice(0, options.hunksPerCommit) : found;
    for (const q of kept) q.blame = foldBlameAliases(summarizeBlameGroups(await blameOf(q.file), q.file, q.startLine, q.endLine), canonical);
    perCommit.set(commit.sha, kept);
  });
  // Sample order, not completion order, so runs are identical.
  const queries = sample.flatMap((c) => perCommit.get(c.sha) ?? []).filter((q) => q.blame.totalLines > 0);
  return { queries, stats };
}
