/**
 * Reading history when some objects are absent: a damaged snapshot, or a partial clone whose blobs
 * live on a promisor remote. Indexing never fetches (git would contact the remote for every blob
 * rename detection wants); a missing blob costs rename detection for its paths only.
 */
import type { GitError } from './gitError';
import type { GitRunner } from './gitRunner';
import { LOG_FORMAT, LogStreamParser, type FileChange } from './logParser';

/**
 * No lazy fetch from a promisor remote: GIT_NO_LAZY_FETCH where git knows it (2.44+), and for
 * older gits (2.39 here) no transport allowed at all, which turns a fetch into an immediate error.
 */
export const NO_FETCH_ENV: Readonly<Record<string, string>> = {
  GIT_NO_LAZY_FETCH: '1',
  GIT_ALLOW_PROTOCOL: 'constellation-indexing-never-fetches',
};

const MISSING = [
  /unable to read ([0-9a-f]{40,64})\b/i,
  /could not fetch ([0-9a-f]{40,64}) from promisor remote/i,
  /missing (?:blob|tree) object '?([0-9a-f]{40,64})/i,
  /bad object ([0-9a-f]{40,64})\b/i,
];

/** The object git could not read, when that is why it failed. */
export function missingObjectOf(error: GitError): string | undefined {
  for (const pattern of MISSING) {
    const found = pattern.exec(error.stderr);
    if (found) return found[1].toLowerCase();
  }
  return undefined;
}

/** `-- :(top,literal)p …` to read only these paths, or `-- :(top) :(exclude,top,literal)p …` to skip them. */
export function pathspec(paths: readonly string[], mode: 'only' | 'exclude'): string[] {
  return mode === 'only' ? paths.map((p) => `:(top,literal)${p}`) : [':(top)', ...paths.map((p) => `:(exclude,top,literal)${p}`)];
}

/** Objects of `range` absent from the repository (`rev-list --missing=print` reads trees only, never fetches). */
async function missingObjects(git: GitRunner, root: string, range: string, signal?: AbortSignal): Promise<Set<string>> {
  const missing = new Set<string>();
  const parser = new LineSplitter((line) => {
    if (line.startsWith('?')) missing.add(line.slice(1).trim().toLowerCase());
  });
  await git.stream(['rev-list', '--objects', '--missing=print', range, '--'], { cwd: root, signal, timeoutMs: 0, env: NO_FETCH_ENV }, (chunk) => parser.push(chunk));
  parser.end();
  return missing;
}

/**
 * The paths rename detection would need a missing blob for: in a commit that deletes and adds
 * files, a deleted file whose old blob or an added file whose new blob is absent.
 */
export async function pathsNeedingMissingBlobs(git: GitRunner, root: string, range: string, signal?: AbortSignal): Promise<{ paths: string[]; missingObjects: number }> {
  const missing = await missingObjects(git, root, range, signal);
  const paths = new Set<string>();
  if (missing.size === 0) return { paths: [], missingObjects: 0 };
  let deleted: Array<[string, string]> = [];
  let added: Array<[string, string]> = [];
  const flush = (): void => {
    if (deleted.length > 0 && added.length > 0) {
      for (const [oid, file] of [...deleted, ...added]) if (missing.has(oid)) paths.add(file);
    }
    deleted = [];
    added = [];
  };
  let meta: string[] | undefined;
  const tokens = new TokenSplitter('\0', (raw) => {
    const token = raw.replace(/^\n+/, '');
    if (meta) {
      // `:oldmode newmode oldoid newoid status` then the path.
      if (meta[4] === 'D') deleted.push([meta[2], token]);
      else if (meta[4] === 'A') added.push([meta[3], token]);
      meta = undefined;
    } else if (token.startsWith('\x1e')) {
      flush();
    } else if (token.startsWith(':')) {
      meta = token.slice(1).split(' ');
    }
  });
  const args = ['log', '--raw', '--no-abbrev', '--no-renames', '-z', '--diff-merges=off', '--root', '--format=%x1e%H', range, '--'];
  await git.stream(args, { cwd: root, signal, timeoutMs: 0, env: NO_FETCH_ENV }, (chunk) => tokens.push(chunk));
  tokens.end();
  flush();
  return { paths: [...paths].sort(), missingObjects: missing.size };
}

/** Cuts a stream into `separator`-terminated tokens. */
class TokenSplitter {
  private pending = '';
  constructor(private readonly separator: string, private readonly onToken: (token: string) => void) {}

  push(chunk: string): void {
    const parts = (this.pending + chunk).split(this.separator);
    this.pending = parts.pop() ?? '';
    parts.forEach(this.onToken);
  }

  end(): void {
    if (this.pending !== '') this.onToken(this.pending);
    this.pending = '';
  }
}

class LineSplitter extends TokenSplitter {
  constructor(onLine: (line: string) => void) {
    super('\n', onLine);
  }
}

/** Every change to `paths` in `range`, without rename detection, by commit. */
export async function changesOfPaths(git: GitRunner, root: string, range: string, paths: readonly string[], signal?: AbortSignal): Promise<Map<string, FileChange[]>> {
  const byCommit = new Map<string, FileChange[]>();
  const parser = new LogStreamParser((commit) => {
    if (commit.changes.length > 0) byCommit.set(commit.sha, commit.changes);
  });
  const args = ['log', '-z', '--name-status', '--no-renames', '--no-ext-diff', '--diff-merges=off', '--root', '--full-history', `--format=${LOG_FORMAT}`, range, '--', ...pathspec(paths, 'only')];
  await git.stream(args, { cwd: root, signal, timeoutMs: 0, env: NO_FETCH_ENV }, (chunk) => parser.push(chunk));
  parser.end();
  return byCommit;
}
