import { isBot } from '../../src/core/experts/bots';
import type { GitRunner } from '../../src/core/git/gitRunner';
import { historyLogArgs } from '../../src/core/git/historyIndexBuilder';
import { personKey } from '../../src/core/git/historyReplay';
import { LogStreamParser } from '../../src/core/git/logParser';

/** Commits touching more files than this are bulk changes (reformatting, licence headers, vendoring). */
export const BULK_COMMIT_FILES = 100;

/** A later commit by a person, with the files it changed named by their path at the cut-off. */
export interface LaterCommit {
  sha: string;
  /** First parent (the version the change was made on). */
  parent: string;
  author: string;
  authorName: string;
  time: number;
  /** Files that existed at the cut-off and were changed: path at the cut-off, path before and after the commit. */
  changes: Array<{ origin: string; before: string; after: string }>;
}

/** Someone changed a file (named by its path at the cut-off) after the cut-off. */
export interface EvalEvent {
  author: string;
  file: string;
  time: number;
  /** The commit of the first such change: events are clustered by commit for the intervals. */
  commit: string;
}

export interface LaterHistory {
  commits: LaterCommit[];
  /** Commits left out, by reason. */
  skipped: { merges: number; bots: number; bulk: number };
  /** Every identity seen after the cut-off (key → name), to merge aliases with the index's. */
  names: Map<string, string>;
}

/**
 * Reads `cutoff..end` with the index builder's own `git log` arguments and parser, following
 * renames forward from the paths at the cut-off. Merges (no diff), bots and bulk commits are out.
 */
export async function readLaterHistory(git: GitRunner, repo: string, cutoff: string, end: string, filesAtCutoff: ReadonlySet<string>, extraBots: readonly string[] = []): Promise<LaterHistory> {
  const origin = new Map<string, string>();
  for (const f of filesAtCutoff) origin.set(f, f);
  const result: LaterHistory = { commits: [], skipped: { merges: 0, bots: 0, bulk: 0 }, names: new Map() };
  const parser = new LogStreamParser((commit) => {
    const author = personKey(commit.authorEmail, commit.authorName);
    result.names.set(author, commit.authorName);
    const changes: LaterCommit['changes'] = [];
    for (const change of commit.changes) {
      if (change.status === 'R' && change.oldPath !== undefined) {
        const o = origin.get(change.oldPath);
        origin.delete(change.oldPath);
        if (o !== undefined) {
          origin.set(change.path, o);
          changes.push({ origin: o, before: change.oldPath, after: change.path });
        }
      } else if (change.status === 'D' || change.status === 'A' || change.status === 'C') {
        // A deleted file is gone; a file added or copied to a path is a new file there.
        origin.delete(change.path);
      } else {
        const o = origin.get(change.path);
        if (o !== undefined) changes.push({ origin: o, before: change.path, after: change.path });
      }
    }
    if (commit.parents.length > 1) result.skipped.merges++;
    else if (isBot(commit.authorEmail, commit.authorName, extraBots)) result.skipped.bots++;
    else if (commit.changes.length > BULK_COMMIT_FILES) result.skipped.bulk++;
    else if (changes.length > 0) result.commits.push({ sha: commit.sha, parent: commit.parents[0] ?? '', author, authorName: commit.authorName, time: commit.authorTime, changes });
  });
  await git.stream(historyLogArgs(`${cutoff}..${end}`), { cwd: repo, timeoutMs: 0 }, (chunk) => parser.push(chunk));
  parser.end();
  return result;
}

/** One event per (author, file at the cut-off): the first time that person changed it. */
export function fileEvents(commits: readonly LaterCommit[], canonical: (key: string) => string): EvalEvent[] {
  const seen = new Set<string>();
  const events: EvalEvent[] = [];
  for (const c of commits) {
    const author = canonical(c.author);
    for (const change of c.changes) {
      const key = `${author}\0${change.origin}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push({ author, file: change.origin, time: c.time, commit: c.sha });
    }
  }
  return events;
}
