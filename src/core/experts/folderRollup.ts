import type { FileHistory, HistoryIndexData } from '../git/historyTypes';
import { isBot } from './bots';
import { decayWeight, degreeOfAuthorship, normalized } from './scoring';

/** One person's activity under a folder. */
export interface FolderPerson {
  changes: number;
  lastChange: number;
  /** Recency-weighted changes, referenced to the folder's latest change (see `recencyWeight`). */
  recency: number;
  /** Σ of the person's normalized DOA over the folder's files. */
  authorship: number;
  created: number;
}

export interface FolderRollup {
  /** Folder path without trailing slash; '' is the repository root. */
  folder: string;
  fileCount: number;
  /** Changes by non-bots to files under the folder (a commit touching two files counts twice). */
  totalChanges: number;
  people: Map<string, FolderPerson>;
}

export interface RollupSettings {
  halfLifeDays: number;
  extraBots: readonly string[];
}

type RollupCache = Map<string, Map<string, FolderRollup>>;

/** Per index object: settings key → folder → roll-up. Dropped with the index. */
const cache = new WeakMap<HistoryIndexData, RollupCache>();

export function folderPrefix(folder: string): string {
  return folder === '' ? '' : `${folder}/`;
}

/** Normalised DOA (DOA / max DOA in the file) of every non-bot contributor of `file`. */
export function fileAuthorship(file: FileHistory, humans: ReadonlySet<string> | ((email: string) => boolean)): Map<string, number> {
  const keep = typeof humans === 'function' ? humans : (e: string) => humans.has(e);
  const raw = new Map<string, number>();
  let max = 0;
  for (const [email, c] of file.contributions) {
    if (!keep(email)) continue;
    const doa = degreeOfAuthorship(c.created, c.changeTimes.length, file.totalChanges - c.changeTimes.length);
    raw.set(email, doa);
    if (doa > max) max = doa;
  }
  for (const [email, doa] of raw) raw.set(email, normalized(doa, max));
  return raw;
}

function build(index: HistoryIndexData, folder: string, settings: RollupSettings, human: (email: string) => boolean): FolderRollup {
  const prefix = folderPrefix(folder);
  const people = new Map<string, FolderPerson>();
  // Each person's change-time lists, by reference (no copy): recency needs the folder's latest change first.
  const timesByPerson = new Map<string, number[][]>();
  let fileCount = 0;
  let totalChanges = 0;
  let latest = -Infinity;
  for (const [path, file] of index.files) {
    if (prefix && !path.startsWith(prefix)) continue;
    fileCount++;
    // fileAuthorship's normalised DOA, without a map per file: the highest DOA first, then each share.
    let maxDoa = 0;
    for (const [email, c] of file.contributions) {
      if (!human(email)) continue;
      const doa = degreeOfAuthorship(c.created, c.changeTimes.length, file.totalChanges - c.changeTimes.length);
      if (doa > maxDoa) maxDoa = doa;
    }
    for (const [email, c] of file.contributions) {
      if (!human(email)) continue;
      let p = people.get(email);
      let lists = timesByPerson.get(email);
      if (!p || !lists) {
        p = { changes: 0, lastChange: -Infinity, recency: 0, authorship: 0, created: 0 };
        people.set(email, p);
        timesByPerson.set(email, (lists = []));
      }
      lists.push(c.changeTimes);
      for (const t of c.changeTimes) {
        if (t > p.lastChange) p.lastChange = t;
        if (t > latest) latest = t;
      }
      p.changes += c.changeTimes.length;
      totalChanges += c.changeTimes.length;
      p.authorship += normalized(degreeOfAuthorship(c.created, c.changeTimes.length, file.totalChanges - c.changeTimes.length), maxDoa);
      if (c.created) p.created++;
    }
  }
  for (const [email, p] of people) {
    // Summed in the order the changes were met, as one list would be.
    let recency = 0;
    for (const times of timesByPerson.get(email)!) for (const t of times) recency += decayWeight(t, latest, settings.halfLifeDays);
    p.recency = recency;
  }
  return { folder, fileCount, totalChanges, people };
}

/**
 * The roll-up of `folder`, computed on first use and memoised per index object and settings,
 * so warm queries cost a map lookup. Bots are left out.
 */
export function folderRollup(index: HistoryIndexData, folder: string, settings: RollupSettings): FolderRollup {
  let bySettings = cache.get(index);
  if (!bySettings) {
    bySettings = new Map();
    cache.set(index, bySettings);
  }
  const key = `${settings.halfLifeDays}\u0000${settings.extraBots.join('\u0001')}`;
  let byFolder = bySettings.get(key);
  if (!byFolder) {
    byFolder = new Map();
    bySettings.set(key, byFolder);
  }
  let rollup = byFolder.get(folder);
  if (!rollup) {
    const human = humanFilter(index, settings.extraBots);
    rollup = build(index, folder, settings, human);
    byFolder.set(folder, rollup);
  }
  return rollup;
}

/** Predicate "this email key is a person, not a bot", with verdicts cached for one query or build. */
export function humanFilter(index: HistoryIndexData, extraBots: readonly string[]): (email: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (email) => {
    let human = verdicts.get(email);
    if (human === undefined) {
      human = !isBot(email, index.people.get(email)?.name ?? '', extraBots);
      verdicts.set(email, human);
    }
    return human;
  };
}

/** Parent folders of a file path, nearest first, ending with the root (''). */
export function parentFolders(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = parts.length - 1; i >= 1; i--) out.push(parts.slice(0, i).join('/'));
  out.push('');
  return out;
}
