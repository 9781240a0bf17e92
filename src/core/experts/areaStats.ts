import type { FileHistory, HistoryIndexData } from '../git/historyTypes';
import { isBot } from './bots';
import { decayWeight, plateauDecayWeight } from './scoring';

/** One person's activity under a folder. */
export interface AreaPerson {
  /** Σ 2^(−age/halfLife) over the person's changes to files under the folder. */
  recency: number;
  changes: number;
  lastChange: number;
  /** Files under the folder the person added. */
  created: number;
}

export interface FolderStats {
  /** Folder path without trailing slash; '' is the repository. */
  folder: string;
  files: number;
  /** Non-bot changes to files under the folder (a commit touching two files counts twice). */
  changes: number;
  recency: number;
  people: Map<string, AreaPerson>;
}

/** Everything a query needs beyond one file's own history, computed once per index and settings. */
export interface AreaStats {
  /** The newest change in the index: the reference time of every recency figure. */
  reference: number;
  folders: Map<string, FolderStats>;
  /** Person → recency-weighted commits anywhere in the repository (activity half-life). */
  activity: Map<string, number>;
  maxActivity: number;
  /** The same with the long activity half-life. */
  longActivity: Map<string, number>;
  maxLongActivity: number;
  /**
   * Person → return affinity: the share of p's changes to a file p had first changed at least
   * RETURN_GAP_DAYS earlier (coming back to one's files, not one burst), smoothed towards
   * `baseReturnAffinity` with RETURN_SMOOTHING changes, so one change says little. Empty unless
   * the settings ask for it (`returnAffinity`).
   */
  returnAffinity: Map<string, number>;
  /** Everyone's share: the affinity of a person with no changes. */
  baseReturnAffinity: number;
  /** Each file's recency-weighted changes by people (the c(f) of scoring.ts). */
  fileRecency: Map<string, number>;
  human: (email: string) => boolean;
}

/** A change counts as a return when the person first changed the file at least this long before. */
export const RETURN_GAP_DAYS = 7;
/** Strength of the return affinity's prior, in changes. */
export const RETURN_SMOOTHING = 5;
const DAY = 86_400;

export interface AreaSettings {
  halfLifeDays: number;
  activityHalfLifeDays: number;
  /** Full weight for commits of the last so many days in the activity term (0: none). */
  activityPlateauDays?: number;
  /** Count active days rather than commits in the (short) activity term (default false). */
  activityDays?: boolean;
  longActivityHalfLifeDays: number;
  extraBots: readonly string[];
  /** Compute the return affinity (default false: the ranking's default leaves it out, so no index pays for it). */
  returnAffinity?: boolean;
}

const cache = new WeakMap<HistoryIndexData, Map<string, AreaStats>>();

/** Parent folders of a path, nearest first, ending with the repository (''). */
export function parentFolders(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = parts.length - 1; i >= 1; i--) out.push(parts.slice(0, i).join('/'));
  out.push('');
  return out;
}

/** Predicate "this email key is a person, not a bot", verdicts cached. */
export function humanFilter(index: HistoryIndexData, extraBots: readonly string[], names?: ReadonlyMap<string, string>): (email: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (email) => {
    let human = verdicts.get(email);
    if (human === undefined) {
      human = !isBot(email, index.people.get(email)?.name ?? names?.get(email) ?? '', extraBots);
      verdicts.set(email, human);
    }
    return human;
  };
}

/** The file's own changes as area figures (one entry per non-bot contributor). */
export function fileStats(file: FileHistory | undefined, reference: number, halfLifeDays: number, human: (email: string) => boolean): FolderStats {
  const stats: FolderStats = { folder: file?.path ?? '', files: file ? 1 : 0, changes: 0, recency: 0, people: new Map() };
  if (!file) return stats;
  for (const [email, c] of file.contributions) {
    if (!human(email) || (c.changeTimes.length === 0 && !c.created)) continue;
    let recency = 0;
    for (const t of c.changeTimes) recency += decayWeight(t, reference, halfLifeDays);
    const last = c.changeTimes.length > 0 ? c.changeTimes[c.changeTimes.length - 1] : -Infinity;
    stats.people.set(email, { recency, changes: c.changeTimes.length, lastChange: last, created: c.created ? 1 : 0 });
    stats.changes += c.changeTimes.length;
    stats.recency += recency;
  }
  return stats;
}

/** One time per UTC day with commits (that day's latest), so ten commits of one afternoon count once. */
function activeDays(times: Iterable<number>): number[] {
  const byDay = new Map<number, number>();
  for (const t of times) {
    const day = Math.floor(t / DAY);
    byDay.set(day, Math.max(byDay.get(day) ?? -Infinity, t));
  }
  return [...byDay.values()];
}

function build(index: HistoryIndexData, settings: AreaSettings): AreaStats {
  const human = humanFilter(index, settings.extraBots);
  let reference = -Infinity;
  for (const file of index.files.values()) {
    for (const c of file.contributions.values()) {
      const last = c.changeTimes[c.changeTimes.length - 1];
      if (last !== undefined && last > reference) reference = last;
    }
  }
  if (!Number.isFinite(reference)) reference = index.updatedAt;
  const folders = new Map<string, FolderStats>();
  // A commit shows as the same author time on every file it changed: distinct times approximate commits.
  const commitTimes = new Map<string, Set<number>>();
  const returns = new Map<string, { changes: number; returns: number }>();
  const fileRecency = new Map<string, number>();
  for (const [path, file] of index.files) {
    const own = fileStats(file, reference, settings.halfLifeDays, human);
    fileRecency.set(path, own.recency);
    for (const [email, c] of file.contributions) {
      if (!own.people.has(email)) continue;
      let times = commitTimes.get(email);
      if (!times) commitTimes.set(email, (times = new Set()));
      for (const t of c.changeTimes) times.add(t);
      if (!settings.returnAffinity) continue;
      let r = returns.get(email);
      if (!r) returns.set(email, (r = { changes: 0, returns: 0 }));
      const first = c.changeTimes[0];
      for (const t of c.changeTimes) if (t - first >= RETURN_GAP_DAYS * DAY) r.returns++;
      r.changes += c.changeTimes.length;
    }
    for (const folder of parentFolders(path)) {
      let stats = folders.get(folder);
      if (!stats) folders.set(folder, (stats = { folder, files: 0, changes: 0, recency: 0, people: new Map() }));
      stats.files++;
      stats.changes += own.changes;
      stats.recency += own.recency;
      for (const [email, p] of own.people) {
        const q = stats.people.get(email);
        if (!q) stats.people.set(email, { ...p });
        else {
          q.recency += p.recency;
          q.changes += p.changes;
          q.created += p.created;
          if (p.lastChange > q.lastChange) q.lastChange = p.lastChange;
        }
      }
    }
  }
  const weighted = (halfLifeDays: number, plateauDays = 0, byDay = false): { byPerson: Map<string, number>; max: number } => {
    const byPerson = new Map<string, number>();
    let max = 0;
    for (const [email, times] of commitTimes) {
      let a = 0;
      for (const t of byDay ? activeDays(times) : times) a += plateauDecayWeight(t, reference, halfLifeDays, plateauDays);
      byPerson.set(email, a);
      if (a > max) max = a;
    }
    return { byPerson, max };
  };
  const short = weighted(settings.activityHalfLifeDays, settings.activityPlateauDays ?? 0, settings.activityDays ?? false);
  const long = weighted(settings.longActivityHalfLifeDays);
  let allChanges = 0;
  let allReturns = 0;
  for (const r of returns.values()) {
    allChanges += r.changes;
    allReturns += r.returns;
  }
  const base = allChanges > 0 ? allReturns / allChanges : 0;
  const returnAffinity = new Map<string, number>();
  for (const [email, r] of returns) returnAffinity.set(email, (r.returns + RETURN_SMOOTHING * base) / (r.changes + RETURN_SMOOTHING));
  return { reference, folders, activity: short.byPerson, maxActivity: short.max, longActivity: long.byPerson, maxLongActivity: long.max, returnAffinity, baseReturnAffinity: base, fileRecency, human };
}

/**
 * Folder figures and activity for `index`, built in one pass on first use and memoised per index
 * object and settings, so a warm query costs map lookups. Bots are left out.
 */
export function areaStats(index: HistoryIndexData, settings: AreaSettings): AreaStats {
  let bySettings = cache.get(index);
  if (!bySettings) cache.set(index, (bySettings = new Map()));
  const key = [settings.halfLifeDays, settings.activityHalfLifeDays, settings.activityPlateauDays ?? 0, settings.activityDays ? 1 : 0, settings.longActivityHalfLifeDays, settings.returnAffinity ? 1 : 0, settings.extraBots.join('\u0001')].join('\u0000');
  let stats = bySettings.get(key);
  if (!stats) bySettings.set(key, (stats = build(index, settings)));
  return stats;
}
