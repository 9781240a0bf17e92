/** Who wrote a set of line ranges, across files and repositories: blame, merged through the directory. */
import type { BlameCache } from '../git/blame';
import type { GitRunner } from '../git/gitRunner';
import { resolveHead } from '../git/repository';
import { isBot } from '../experts/bots';
import type { Logger } from '../logger';
import type { LineRange } from '../util/lineRange';
import type { DirectoryCache } from './directoryCache';
import { mergeBlameAliases } from './identityMerge';

export interface BlamedRange extends LineRange {
  repository: string;
  /** Repository-relative, forward slashes. */
  path: string;
}

export interface RangeAuthor {
  /** The person's main email: aliases the directory knows are folded into it. */
  email: string;
  name: string;
  team?: string;
  /** Lines of the ranges they last changed. */
  lines: number;
  /** How many of the ranges they wrote some of. */
  ranges: number;
}

export interface BlameSummaryDeps {
  git: GitRunner;
  blameCache: BlameCache;
  directories: DirectoryCache;
  logger: Logger;
}

export async function summarizeBlame(deps: BlameSummaryDeps, ranges: readonly BlamedRange[], options: { extraBots?: readonly string[]; signal?: AbortSignal } = {}): Promise<RangeAuthor[]> {
  const byEmail = new Map<string, RangeAuthor>();
  const heads = new Map<string, Promise<string | undefined>>();
  for (const range of ranges) {
    if (options.signal?.aborted) break;
    let head = heads.get(range.repository);
    if (!head) {
      head = resolveHead(deps.git, range.repository, options.signal).catch(() => undefined);
      heads.set(range.repository, head);
    }
    const resolved = await head;
    if (!resolved) continue;
    try {
      const [raw, { directory }] = await Promise.all([
        deps.blameCache.get(deps.git, range.repository, resolved, range.path, { startLine: range.startLine, endLine: range.endLine, signal: options.signal }),
        deps.directories.get(range.repository),
      ]);
      const blame = mergeBlameAliases(raw, directory);
      for (const [email, lines] of blame.linesByPerson) {
        const blamedName = blame.names.get(email) ?? email;
        if (isBot(email, blamedName, options.extraBots ?? [])) continue;
        let entry = byEmail.get(email);
        if (!entry) {
          const placement = directory.placementOf({ email, name: blamedName });
          entry = { email, name: placement.name ?? blamedName, team: placement.team?.name, lines: 0, ranges: 0 };
          byEmail.set(email, entry);
        }
        entry.lines += lines;
        entry.ranges += 1;
      }
    } catch (error) {
      deps.logger.debug(`no blame for ${range.path}: ${(error as Error).message}`);
    }
  }
  return [...byEmail.values()].sort((a, b) => b.lines - a.lines || b.ranges - a.ranges || a.email.localeCompare(b.email));
}
