import type { GitRunner } from '../../src/core/git/gitRunner';
import { parseBlameIncremental } from '../../src/core/git/blame';
import { buildHistoryIndex } from '../../src/core/git/historyIndexBuilder';
import { personKey } from '../../src/core/git/historyReplay';
import type { BlameSummary, HistoryIndexData } from '../../src/core/git/historyTypes';
import { isBot } from '../../src/core/experts/bots';
import { Prng } from './prng';

/** Someone changed a file (by its path at the cut-off) after the cut-off. */
export interface EvalEvent {
  author: string;
  file: string;
  time: number;
}

export interface EvalDataset {
  name: string;
  repo: string;
  /** First-parent commits in the repository, and the cut-off among them. */
  commits: number;
  cutoff: string;
  cutoffTime: number;
  index: HistoryIndexData;
  /** Sampled events (all events on the sampled files). */
  events: EvalEvent[];
  /** Events before sampling, and distinct files they touch. */
  allEvents: number;
  allFiles: number;
  sampledFiles: number;
  /** Whole-file blame at the cut-off, per sampled file. */
  blames: Map<string, BlameSummary>;
}

export interface DatasetOptions {
  /** Where in first-parent history (by time) the cut-off lies, 0..1. */
  cutoffFraction?: number;
  /** Most files whose events are kept (each needs a blame). */
  maxFiles?: number;
  seed?: number;
  signal?: AbortSignal;
}

/** The first-parent commit at `fraction` of the history's time span. */
async function pickCutoff(git: GitRunner, repo: string, fraction: number): Promise<{ sha: string; time: number; commits: number } | undefined> {
  const out = await git.run(['log', '--first-parent', '--format=%H%x1f%at', 'HEAD'], { cwd: repo });
  const commits = out.split('\n').filter(Boolean).map((l) => {
    const [sha, at] = l.split('\x1f');
    return { sha, time: Number(at) };
  });
  if (commits.length < 2) return undefined;
  const newest = commits[0].time;
  const oldest = commits[commits.length - 1].time;
  const target = oldest + fraction * (newest - oldest);
  let pick = commits.find((c) => c.time <= target);
  // A burst of commits at one instant: fall back to the position by count.
  if (!pick || pick === commits[0]) pick = commits[Math.min(commits.length - 1, Math.max(1, Math.round((1 - fraction) * commits.length)))];
  return { ...pick, commits: commits.length };
}

/** Non-merge, non-bot (author, file-at-cut-off) pairs after the cut-off, first occurrence kept. */
async function eventsAfter(git: GitRunner, repo: string, cutoff: string, filesAtCutoff: Set<string>): Promise<EvalEvent[]> {
  const out = await git.run(
    ['log', '--no-merges', '--use-mailmap', '--reverse', '-M', '--name-status', '-z', '--format=%x1e%H%x1f%at%x1f%aE%x1f%aN', `${cutoff}..HEAD`, '--'],
    { cwd: repo, timeoutMs: 600_000 },
  );
  const origin = new Map<string, string>();
  for (const f of filesAtCutoff) origin.set(f, f);
  const seen = new Set<string>();
  const events: EvalEvent[] = [];
  for (const record of out.split('\x1e')) {
    if (!record) continue;
    const headerEnd = record.indexOf('\0');
    const [, at, email, name] = (headerEnd < 0 ? record : record.slice(0, headerEnd)).split('\x1f');
    const author = personKey(email ?? '', name ?? '');
    const human = !isBot(email ?? '', name ?? '', []);
    const tokens = headerEnd < 0 ? [] : record.slice(headerEnd + 1).replace(/^\n/, '').split('\0').filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      const status = tokens[i];
      let changed: string | undefined;
      if (status.startsWith('R') || status.startsWith('C')) {
        const from = tokens[++i];
        const to = tokens[++i];
        const o = origin.get(from);
        if (o !== undefined) {
          if (status.startsWith('R')) origin.delete(from);
          origin.set(to, o);
        }
        changed = status.startsWith('R') ? o : undefined;
      } else {
        const path = tokens[++i];
        if (status === 'D') origin.delete(path);
        else if (status === 'M' || status === 'T') changed = origin.get(path);
      }
      if (changed === undefined || !human) continue;
      const key = `${author}\0${changed}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push({ author, file: changed, time: Number(at) });
    }
  }
  return events;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/**
 * Replays a repository: the engine sees history up to the cut-off only; the events to predict
 * are who changed which (then existing) file afterwards.
 */
export async function prepareDataset(git: GitRunner, repo: string, name: string, options: DatasetOptions = {}): Promise<EvalDataset> {
  const fraction = options.cutoffFraction ?? 0.7;
  const cut = await pickCutoff(git, repo, fraction);
  if (!cut) {
    const index = await buildHistoryIndex(git, repo, { signal: options.signal });
    return { name, repo, commits: index.commitCount, cutoff: index.head, cutoffTime: 0, index, events: [], allEvents: 0, allFiles: 0, sampledFiles: 0, blames: new Map() };
  }
  const index = await buildHistoryIndex(git, repo, { until: cut.sha, signal: options.signal });
  const tree = await git.run(['ls-tree', '-r', '-z', '--name-only', cut.sha], { cwd: repo });
  const filesAtCutoff = new Set(tree.split('\0').filter(Boolean));
  const all = await eventsAfter(git, repo, cut.sha, filesAtCutoff);
  const files = [...new Set(all.map((e) => e.file))].sort();
  const maxFiles = options.maxFiles ?? 150;
  const sampled = new Set(files.length > maxFiles ? new Prng(options.seed ?? 7).shuffle(files).slice(0, maxFiles) : files);
  const events = all.filter((e) => sampled.has(e.file));
  const blames = new Map<string, BlameSummary>();
  await inParallel([...sampled], 2, async (file) => {
    const out = await git.run(['blame', '--incremental', cut.sha, '--', file], { cwd: repo, signal: options.signal });
    const summary = parseBlameIncremental(out, file, 1, 1);
    summary.endLine = Math.max(1, summary.totalLines);
    blames.set(file, summary);
  });
  return {
    name, repo, commits: cut.commits, cutoff: cut.sha, cutoffTime: cut.time, index, events,
    allEvents: all.length, allFiles: files.length, sampledFiles: sampled.size, blames,
  };
}
