import { HistoryReplay } from '../git/historyReplay';
import type { BlameSummary, HistoryIndexData } from '../git/historyTypes';
import type { OrgDirectory } from '../directory/orgDirectory';
import { inferAliases } from './identityAliases';

const mergedIndexes = new WeakMap<HistoryIndexData, { directory: OrgDirectory; merged: HistoryIndexData }>();
const inferredIndexes = new WeakMap<HistoryIndexData, { merged: HistoryIndexData; aliases: ReadonlyMap<string, string> }>();

function remapped(index: HistoryIndexData, moves: ReadonlyArray<readonly [string, string]>, nameOf: (email: string) => string): HistoryIndexData {
  if (moves.length === 0) return index;
  const replay = new HistoryReplay(new Map(index.files), new Map(index.people), index.shallow, true);
  for (const [from, to] of moves) replay.remapPerson(from, to, nameOf(to));
  return { ...index, files: replay.files, people: replay.people };
}

/**
 * Folds the GitHub no-reply addresses of one person into one identity (see `inferAliases`, without
 * name-only merges), copy-on-write and cached per index. Returns the aliases too, for blame.
 */
export function mergeInferredAliases(index: HistoryIndexData): { index: HistoryIndexData; aliases: ReadonlyMap<string, string> } {
  const cached = inferredIndexes.get(index);
  if (cached) return { index: cached.merged, aliases: cached.aliases };
  const aliases = inferAliases([...index.people.values()].map((p) => ({ email: p.email, name: p.name, commits: p.commits })));
  const merged = remapped(index, [...aliases], (email) => index.people.get(email)?.name ?? '');
  inferredIndexes.set(index, { merged, aliases });
  return { index: merged, aliases };
}

/** The blame with aliases folded into the identity they belong to. */
export function foldBlameAliases(blame: BlameSummary, canonical: (email: string) => string, nameOf: (email: string) => string | undefined = () => undefined): BlameSummary {
  if (![...blame.linesByPerson.keys()].some((email) => canonical(email) !== email)) return blame;
  const linesByPerson = new Map<string, number>();
  const names = new Map<string, string>();
  const lastTimeByPerson = new Map<string, number>();
  for (const [email, lines] of blame.linesByPerson) {
    const key = canonical(email);
    linesByPerson.set(key, (linesByPerson.get(key) ?? 0) + lines);
    names.set(key, nameOf(key) ?? names.get(key) ?? blame.names.get(email) ?? key);
    const time = blame.lastTimeByPerson.get(email);
    if (time !== undefined) lastTimeByPerson.set(key, Math.max(lastTimeByPerson.get(key) ?? 0, time));
  }
  return { ...blame, linesByPerson, names, lastTimeByPerson };
}

/**
 * Folds identities the directory says are one person (aliases, GitHub no-reply addresses) into
 * that person's main email, on top of what `.mailmap` already merged. Copy-on-write: files of
 * people without aliases are shared with the original index; the result is cached per pair.
 */
export function mergeDirectoryAliases(index: HistoryIndexData, directory: OrgDirectory): HistoryIndexData {
  const cached = mergedIndexes.get(index);
  if (cached?.directory === directory) return cached.merged;
  const moves = [...index.people.keys()]
    .map((email) => [email, directory.canonicalEmail(email)] as const)
    .filter(([from, to]) => from !== to);
  const merged = remapped(index, moves, (to) => directory.personByEmail(to)?.name ?? '');
  mergedIndexes.set(index, { directory, merged });
  return merged;
}

/** The same folding for the lines of a blame. */
export function mergeBlameAliases(blame: BlameSummary, directory: OrgDirectory): BlameSummary {
  return foldBlameAliases(blame, (email) => directory.canonicalEmail(email), (key) => directory.personByEmail(key)?.name);
}
