import type { GitRunner } from '../../src/core/git/gitRunner';

const DAY = 86_400;

/** Where the history is cut: the model sees `cutoff` and before; the events come up to `end`. */
export interface EvalWindow {
  tip: { sha: string; time: number };
  cutoff: { sha: string; time: number };
  /** The last first-parent commit of the event window (the tip without `windowDays`). */
  end: { sha: string; time: number };
  cutoffDays: number;
  windowDays?: number;
  firstParentCommits: number;
}

export interface WindowOptions {
  /** Days between the cut-off and the tip (365: the primary window; 730: the tuning window). */
  cutoffDays: number;
  /** Days of events after the cut-off; up to the tip when absent. */
  windowDays?: number;
  /** The revision whose first-parent line is cut (HEAD by default). */
  revision?: string;
}

/**
 * Picks the cut-off on the first-parent line by committer time: the newest commit at least
 * `cutoffDays` before the tip. The window's end is the newest commit at most `windowDays` after
 * the cut-off, so the tuning window (cut-off two years back, one year of events) ends exactly where
 * the primary window's history begins, and their events never overlap.
 */
export async function pickWindow(git: GitRunner, repo: string, options: WindowOptions): Promise<EvalWindow | undefined> {
  const out = await git.run(['log', '--first-parent', '--format=%H%x1f%ct', options.revision ?? 'HEAD', '--'], { cwd: repo, timeoutMs: 0 });
  const line = out.split('\n').filter(Boolean).map((l) => {
    const [sha, ct] = l.split('\x1f');
    return { sha, time: Number(ct) };
  });
  if (line.length < 2) return undefined;
  const tip = line[0];
  const cutoff = line.find((c) => c.time <= tip.time - options.cutoffDays * DAY);
  if (!cutoff || cutoff === tip) return undefined;
  let end = tip;
  if (options.windowDays !== undefined) {
    const limit = cutoff.time + options.windowDays * DAY;
    end = line.find((c) => c.time <= limit) ?? cutoff;
  }
  if (end === cutoff) return undefined;
  return { tip, cutoff, end, cutoffDays: options.cutoffDays, windowDays: options.windowDays, firstParentCommits: line.length };
}
