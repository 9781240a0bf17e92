import type { FileHistory, HistoryIndexData } from '../git/historyTypes';
import { isBot } from './bots';
import { degreeOfAuthorship, normalized, recencyWeight } from './scoring';

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

/** A roll-up being summed: files are added in the index's order, so every way of building one gives the same figures. */
class RollupBuilder {
  private readonly people = new Map<string, FolderPerson>();
  private readonly timesByPerson = new Map<string, number[]>();
  private fileCount = 0;
  private totalChanges = 0;
  private latest = -Infinity;

  constructor(private readonly folder: string) {}

  add(file: FileHistory, authorship: ReadonlyMap<string, number>, human: (email: string) => boolean): void {
    this.fileCount++;
    for (const [email, c] of file.contributions) {
      if (!human(email)) continue;
      let p = this.people.get(email);
      if (!p) {
        p = { changes: 0, lastChange: -Infinity, recency: 0, authorship: 0, created: 0 };
        this.people.set(email, p);
        this.timesByPerson.set(email, []);
      }
      const times = this.timesByPerson.get(email) as number[];
      for (const t of c.changeTimes) {
        times.push(t);
        if (t > p.lastChange) p.lastChange = t;
        if (t > this.latest) this.latest = t;
      }
      p.changes += c.changeTimes.length;
      this.totalChanges += c.changeTimes.length;
      p.authorship += authorship.get(email) ?? 0;
      if (c.created) p.created++;
    }
  }

  finish(halfLifeDays: number): FolderRollup {
    for (const [email, p] of this.people) p.recency = recencyWeight(this.timesByPerson.get(email) as number[], this.latest, halfLifeDays);
    return { folder: this.folder, fileCount: this.fileCount, totalChanges: this.totalChanges, people: this.people };
  }
}

function build(index: HistoryIndexData, folder: string, settings: RollupSettings, human: (email: string) => boolean): FolderRollup {
  const prefix = folderPrefix(folder);
  const builder = new RollupBuilder(folder);
  for (const [path, file] of index.files) {
    if (prefix && !path.startsWith(prefix)) continue;
    builder.add(file, fileAuthorship(file, human), human);
  }
  return builder.finish(settings.halfLifeDays);
}

function cacheFor(index: HistoryIndexData, settings: RollupSettings): Map<string, FolderRollup> {
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
  return byFolder;
}

/**
 * Computes the roll-up of every folder (the root too) in one pass over the files, instead of one
 * pass per folder: ranking every path of a large repository (an export) needs them all. Figures
 * equal those `folderRollup` computes one at a time.
 */
export function prepareAllFolderRollups(index: HistoryIndexData, settings: RollupSettings): void {
  const byFolder = cacheFor(index, settings);
  const human = humanFilter(index, settings.extraBots);
  const builders = new Map<string, RollupBuilder>();
  for (const [path, file] of index.files) {
    let authorship: Map<string, number> | undefined;
    for (const folder of parentFolders(path)) {
      if (byFolder.has(folder)) continue;
      let builder = builders.get(folder);
      if (!builder) builders.set(folder, (builder = new RollupBuilder(folder)));
      builder.add(file, (authorship ??= fileAuthorship(file, human)), human);
    }
  }
  for (const [folder, builder] of builders) byFolder.set(folder, builder.finish(settings.halfLifeDays));
}

/**
 * The roll-up of `folder`, computed on first use and memoised per index object and settings,
 * so warm queries cost a map lookup. Bots are left out.
 */
export function folderRollup(index: HistoryIndexData, folder: string, settings: RollupSettings): FolderRollup {
  const byFolder = cacheFor(index, settings);
  let rollup = byFolder.get(folder);
  if (!rollup) {
    rollup = build(index, folder, settings, humanFilter(index, settings.extraBots));
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
