import { createHash } from 'crypto';
import { LRUCache } from 'lru-cache';
import { GitError, linesInFile } from './gitError';
import type { GitRunner } from './gitRunner';
import { personKey } from './historyReplay';
import type { BlameSummary } from './historyTypes';

export interface BlameRangeOptions {
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Blame as of this revision (ignored with `contents`: a buffer is blamed against HEAD). */
  rev?: string;
  /** The editor's unsaved buffer; its changed lines count as uncommitted. */
  contents?: string;
  signal?: AbortSignal;
}

const UNCOMMITTED = /^0+$/;

/**
 * Who last changed each surviving line of a range: `git blame --incremental` (no line text, so
 * little output). git blame applies .mailmap to author and author-mail itself.
 */
export async function blameRange(git: GitRunner, repoRoot: string, relPath: string, options: BlameRangeOptions): Promise<BlameSummary> {
  let start = Math.max(1, Math.floor(options.startLine));
  let end = Math.max(start, Math.floor(options.endLine));
  if (options.contents !== undefined) {
    const lineCount = countLines(options.contents);
    end = Math.min(end, lineCount);
    if (start > end) {
      return emptySummary(relPath, start, end);
    }
  }
  try {
    return await runBlame(git, repoRoot, relPath, start, end, options);
  } catch (err) {
    // The range runs past the end of the file on disk: blame what exists.
    const lineCount = err instanceof GitError ? linesInFile(err) : undefined;
    if (lineCount === undefined) {
      throw err;
    }
    end = Math.min(end, lineCount);
    start = Math.min(start, end);
    if (lineCount === 0 || start < 1) {
      return emptySummary(relPath, options.startLine, options.endLine);
    }
    return runBlame(git, repoRoot, relPath, start, end, options);
  }
}

async function runBlame(
  git: GitRunner,
  repoRoot: string,
  relPath: string,
  start: number,
  end: number,
  options: BlameRangeOptions,
): Promise<BlameSummary> {
  const args = ['blame', '--incremental', '-L', `${start},${end}`];
  if (options.contents !== undefined) {
    args.push('--contents', '-');
  } else if (options.rev) {
    args.push(options.rev);
  }
  args.push('--', relPath);
  const out = await git.run(args, { cwd: repoRoot, signal: options.signal, input: options.contents });
  return parseBlameIncremental(out, relPath, start, end);
}

/** One group of `git blame --incremental`: `lines` consecutive final lines from one commit. */
export interface BlameGroup {
  sha: string;
  /** 1-based line of the group's first line in the blamed version. */
  finalLine: number;
  lines: number;
  name: string;
  /** Author email as blame prints it (mailmapped), without angle brackets. */
  mail: string;
  time: number;
  /** The lines are not committed yet (dirty buffer or uncommitted changes). */
  uncommitted: boolean;
}

const GROUP_LINE = /^([0-9a-f]{40,64}) \d+ (\d+) (\d+)$/;

/** Parses `git blame --incremental` output into its groups (author details repeated on each group). */
export function parseBlameGroups(output: string): BlameGroup[] {
  const groups: BlameGroup[] = [];
  const commits = new Map<string, { name: string; mail: string; time: number }>();
  let current: BlameGroup | undefined;
  let info: { name: string; mail: string; time: number } | undefined;
  const close = (): void => {
    if (current && info) groups.push({ ...current, name: info.name, mail: info.mail, time: info.time });
    current = undefined;
  };
  for (const line of output.split('\n')) {
    const group = GROUP_LINE.exec(line);
    if (group) {
      close();
      const sha = group[1];
      info = commits.get(sha);
      if (!info) {
        info = { name: '', mail: '', time: 0 };
        commits.set(sha, info);
      }
      current = { sha, finalLine: Number(group[2]), lines: Number(group[3]), name: '', mail: '', time: 0, uncommitted: UNCOMMITTED.test(sha) };
      continue;
    }
    if (!current || !info) {
      continue;
    }
    const space = line.indexOf(' ');
    const key = space === -1 ? line : line.slice(0, space);
    const value = space === -1 ? '' : line.slice(space + 1);
    if (key === 'author') {
      info.name = value;
    } else if (key === 'author-mail') {
      info.mail = value.replace(/^<|>$/g, '');
    } else if (key === 'author-time') {
      info.time = Number(value) || 0;
    } else if (key === 'filename') {
      close();
    }
  }
  close();
  return groups;
}

/** Per-person line counts of the groups' lines that fall in `startLine..endLine` (1-based, inclusive). */
export function summarizeBlameGroups(groups: readonly BlameGroup[], path: string, startLine: number, endLine: number): BlameSummary {
  const summary = emptySummary(path, startLine, endLine);
  for (const g of groups) {
    const lines = Math.min(endLine, g.finalLine + g.lines - 1) - Math.max(startLine, g.finalLine) + 1;
    if (lines <= 0) {
      continue;
    }
    summary.totalLines += lines;
    if (g.uncommitted) {
      summary.uncommittedLines += lines;
      continue;
    }
    const key = personKey(g.mail, g.name);
    summary.linesByPerson.set(key, (summary.linesByPerson.get(key) ?? 0) + lines);
    summary.names.set(key, g.name);
    if (g.time > (summary.lastTimeByPerson.get(key) ?? -Infinity)) {
      summary.lastTimeByPerson.set(key, g.time);
    }
  }
  return summary;
}

/** Parses `git blame --incremental -L startLine,endLine` output into per-person line counts. */
export function parseBlameIncremental(output: string, path: string, startLine: number, endLine: number): BlameSummary {
  return summarizeBlameGroups(parseBlameGroups(output), path, startLine, endLine);
}

function emptySummary(path: string, startLine: number, endLine: number): BlameSummary {
  return {
    path,
    startLine,
    endLine,
    totalLines: 0,
    linesByPerson: new Map(),
    names: new Map(),
    lastTimeByPerson: new Map(),
    uncommittedLines: 0,
  };
}

function countLines(text: string): number {
  if (!text) {
    return 0;
  }
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return text.endsWith('\n') ? count : count + 1;
}

/**
 * Recent blame results per (repository, HEAD, path, contents, range). Results for a repository are
 * dropped when its HEAD moves (seen through `get` or told through `invalidate`).
 */
export class BlameCache {
  private readonly cache: LRUCache<string, BlameSummary>;
  private readonly heads = new Map<string, string>();

  constructor(maxEntries = 500) {
    this.cache = new LRUCache({ max: maxEntries });
  }

  get size(): number {
    return this.cache.size;
  }

  async get(git: GitRunner, repoRoot: string, head: string, relPath: string, options: BlameRangeOptions): Promise<BlameSummary> {
    if (this.heads.get(repoRoot) !== head) {
      this.invalidate(repoRoot);
      this.heads.set(repoRoot, head);
    }
    const contentKey = options.contents === undefined ? 'disk' : createHash('sha1').update(options.contents).digest('hex');
    const key = [repoRoot, head, relPath, contentKey, options.rev ?? '', options.startLine, options.endLine].join('\0');
    const hit = this.cache.get(key);
    if (hit) {
      return hit;
    }
    const summary = await blameRange(git, repoRoot, relPath, options);
    if (this.heads.get(repoRoot) === head) {
      this.cache.set(key, summary);
    }
    return summary;
  }

  /** Forgets every result for `repoRoot` (call when its HEAD changes). */
  invalidate(repoRoot: string): void {
    const prefix = repoRoot + '\0';
    for (const key of [...this.cache.keys()]) {
      if (key.startsWith(prefix)) {
        this.cache.delete(key);
      }
    }
    this.heads.delete(repoRoot);
  }
}
