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
const GROUP_HEADER = /^([0-9a-f]{40,64}) \d+ \d+ (\d+)$/;

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

interface CommitInfo {
  name: string;
  mail: string;
  time: number;
}

/** Parses `git blame --incremental` output into per-person line counts. */
export function parseBlameIncremental(output: string, path: string, startLine: number, endLine: number): BlameSummary {
  const summary = emptySummary(path, startLine, endLine);
  const commits = new Map<string, CommitInfo>();
  let sha = '';
  let lines = 0;
  let info: CommitInfo | undefined;
  const close = (): void => {
    if (!sha) {
      return;
    }
    summary.totalLines += lines;
    if (UNCOMMITTED.test(sha)) {
      summary.uncommittedLines += lines;
    } else if (info) {
      const key = personKey(info.mail, info.name);
      summary.linesByPerson.set(key, (summary.linesByPerson.get(key) ?? 0) + lines);
      summary.names.set(key, info.name);
      if (info.time > (summary.lastTimeByPerson.get(key) ?? -Infinity)) {
        summary.lastTimeByPerson.set(key, info.time);
      }
    }
    sha = '';
  };
  for (const line of output.split('\n')) {
    const group = GROUP_HEADER.exec(line);
    if (group) {
      close();
      sha = group[1];
      lines = Number(group[2]);
      info = commits.get(sha);
      if (!info) {
        info = { name: '', mail: '', time: 0 };
        commits.set(sha, info);
      }
      continue;
    }
    if (!sha || !info) {
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
  return summary;
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
