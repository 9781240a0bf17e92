import { HistoryReplay } from '../git/historyReplay';
import type { BlameSummary, HistoryIndexData } from '../git/historyTypes';
import type { OrgDirectory } from '../directory/orgDirectory';

const mergedIndexes = new WeakMap<HistoryIndexData, { directory: OrgDirectory; merged: HistoryIndexData }>();

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
  let merged = index;
  if (moves.length > 0) {
    const replay = new HistoryReplay(new Map(index.files), new Map(index.people), index.shallow, true);
    for (const [from, to] of moves) replay.remapPerson(from, to, directory.personByEmail(to)?.name ?? '');
    merged = { ...index, files: replay.files, people: replay.people };
  }
  mergedIndexes.set(index, { directory, merged });
  return merged;
}

/** The same folding for the lines of a blame. */
export function mergeBlameAliases(blame: BlameSummary, directory: OrgDirectory): BlameSummary {
  if (![...blame.linesByPerson.keys()].some((email) => directory.canonicalEmail(email) !== email)) return blame;
  const linesByPerson = new Map<string, number>();
  const names = new Map<string, string>();
  const lastTimeByPerson = new Map<string, number>();
  for (const [email, lines] of blame.linesByPerson) {
    const key = directory.canonicalEmail(email);
    linesByPerson.set(key, (linesByPerson.get(key) ?? 0) + lines);
    names.set(key, directory.personByEmail(key)?.name ?? names.get(key) ?? blame.names.get(email) ?? key);
    const time = blame.lastTimeByPerson.get(email);
    if (time !== undefined) lastTimeByPerson.set(key, Math.max(lastTimeByPerson.get(key) ?? 0, time));
  }
  return { ...blame, linesByPerson, names, lastTimeByPerson };
}
