import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Logger } from '../logger';
import { writeFileAtomic } from '../util/atomicWrite';
import { checkCoChange, type CoChangeData } from './coChange';
import type { FileContribution, FileHistory, HistoryIndexData, PersonRecord } from './historyTypes';

/** Bumped on any incompatible change of the persisted form (older files are rebuilt). */
export const HISTORY_INDEX_FORMAT_VERSION = 2;
export const HISTORY_INDEX_KIND = 'constellation.historyIndex';

/**
 * Persisted form, compact so loading a 50k-commit index stays fast:
 * - people: `[email, name, commits, firstActive, lastActive]`, referenced by position;
 * - files: `[path, creatorIndex (-1: none), totalChanges, ...contributions]` where each
 *   contribution is `personIndex, created (0|1), count, firstTime, delta, delta...`;
 * - coChange (version 2): `paths`, commit `times` as first time then deltas, `sizes` (files per
 *   commit) and the concatenated `fileIds`.
 */
interface StoredIndex {
  kind: string;
  formatVersion: number;
  repository: string;
  head: string;
  shallow: boolean;
  commitCount: number;
  updatedAt: number;
  people: [string, string, number, number, number][];
  files: (string | number)[][];
  coChange?: { paths: string[]; times: number[]; sizes: number[]; fileIds: number[] };
}

/** One history index file per repository in a storage folder. */
export class HistoryIndexStore {
  constructor(
    /** The folder holding the index files. */
    readonly storageDir: string,
    private readonly logger: Logger,
  ) {}

  /** How many times `load` read a file (tests: a command must not read a big index twice). */
  loads = 0;

  /** The file that holds the index of `repoRoot`. */
  fileFor(repoRoot: string): string {
    const hash = createHash('sha256').update(path.resolve(repoRoot)).digest('hex').slice(0, 24);
    return path.join(this.storageDir, `history-${hash}.json`);
  }

  /** The stored index, or undefined when missing, unreadable, corrupt, foreign or of another version. */
  async load(repoRoot: string): Promise<HistoryIndexData | undefined> {
    const file = this.fileFor(repoRoot);
    let text: string;
    try {
      this.loads++;
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn(`Cannot read history index ${file}: ${(err as Error).message}`);
      }
      return undefined;
    }
    try {
      const stored = JSON.parse(text) as StoredIndex;
      if (!stored || typeof stored !== 'object' || stored.kind !== HISTORY_INDEX_KIND) {
        this.logger.warn(`Ignoring ${file}: not a Constellation history index`);
        return undefined;
      }
      if (stored.formatVersion !== HISTORY_INDEX_FORMAT_VERSION) {
        this.logger.info(`Ignoring ${file}: format version ${stored.formatVersion}, expected ${HISTORY_INDEX_FORMAT_VERSION}`);
        return undefined;
      }
      if (typeof stored.repository !== 'string' || path.resolve(stored.repository) !== path.resolve(repoRoot)) {
        this.logger.warn(`Ignoring ${file}: it belongs to ${String(stored.repository)}`);
        return undefined;
      }
      return decode(stored);
    } catch (err) {
      this.logger.warn(`Ignoring corrupt history index ${file}: ${(err as Error).message}`);
      return undefined;
    }
  }

  async save(index: HistoryIndexData): Promise<void> {
    const file = this.fileFor(index.repository);
    await writeFileAtomic(file, JSON.stringify(encode(index)));
    this.logger.debug(`Saved history index of ${index.repository} (${index.commitCount} commits) to ${file}`);
  }
}

function encode(index: HistoryIndexData): StoredIndex {
  const position = new Map<string, number>();
  const people: StoredIndex['people'] = [];
  for (const p of index.people.values()) {
    position.set(p.email, people.length);
    people.push([p.email, p.name, p.commits, p.firstActive, p.lastActive]);
  }
  const personIndex = (key: string): number => {
    let i = position.get(key);
    if (i === undefined) {
      // A contributor without a people record (should not happen): keep the data anyway.
      i = people.length;
      position.set(key, i);
      people.push([key, key, 0, 0, 0]);
    }
    return i;
  };
  const files: StoredIndex['files'] = [];
  for (const f of index.files.values()) {
    const row: (string | number)[] = [f.path, f.creator === undefined ? -1 : personIndex(f.creator), f.totalChanges];
    for (const [key, c] of f.contributions) {
      row.push(personIndex(key), c.created ? 1 : 0, c.changeTimes.length);
      let previous = 0;
      c.changeTimes.forEach((t, i) => {
        row.push(i === 0 ? t : t - previous);
        previous = t;
      });
    }
    files.push(row);
  }
  return {
    kind: HISTORY_INDEX_KIND,
    formatVersion: HISTORY_INDEX_FORMAT_VERSION,
    repository: index.repository,
    head: index.head,
    shallow: index.shallow,
    commitCount: index.commitCount,
    updatedAt: index.updatedAt,
    people,
    files,
    ...(index.coChange ? { coChange: encodeCoChange(index.coChange) } : {}),
  };
}

function encodeCoChange(data: CoChangeData): NonNullable<StoredIndex['coChange']> {
  const times = data.times.map((t, i) => (i === 0 ? t : t - data.times[i - 1]));
  const sizes = data.times.map((_, i) => data.offsets[i + 1] - data.offsets[i]);
  return { paths: data.paths, times, sizes, fileIds: data.fileIds };
}

function decodeCoChange(stored: NonNullable<StoredIndex['coChange']>): CoChangeData {
  expect(Array.isArray(stored.times) && Array.isArray(stored.sizes) && stored.times.length === stored.sizes.length, 'co-change');
  const times: number[] = [];
  const offsets = [0];
  stored.times.forEach((delta, i) => {
    times.push(i === 0 ? delta : times[i - 1] + delta);
    offsets.push(offsets[i] + stored.sizes[i]);
  });
  const data = { paths: stored.paths, times, offsets, fileIds: stored.fileIds };
  checkCoChange(data);
  return data;
}

function decode(s: StoredIndex): HistoryIndexData {
  expect(typeof s.head === 'string' && typeof s.shallow === 'boolean', 'head/shallow');
  expect(isInt(s.commitCount) && isInt(s.updatedAt), 'counts');
  expect(Array.isArray(s.people) && Array.isArray(s.files), 'people/files');
  const keys: string[] = [];
  const people = new Map<string, PersonRecord>();
  for (const row of s.people) {
    expect(Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string', 'person');
    expect(isInt(row[2]) && isInt(row[3]) && isInt(row[4]), 'person numbers');
    keys.push(row[0]);
    people.set(row[0], { email: row[0], name: row[1], commits: row[2], firstActive: row[3], lastActive: row[4] });
  }
  const keyAt = (value: unknown): string => {
    expect(isInt(value) && value >= 0 && value < keys.length, 'person reference');
    return keys[value as number];
  };
  const files = new Map<string, FileHistory>();
  for (const row of s.files) {
    expect(Array.isArray(row) && typeof row[0] === 'string' && isInt(row[1]) && isInt(row[2]), 'file');
    const contributions = new Map<string, FileContribution>();
    let i = 3;
    while (i < row.length) {
      const key = keyAt(row[i]);
      const count = row[i + 2];
      expect(isInt(count) && count >= 0 && i + 3 + count <= row.length, 'contribution');
      const changeTimes = new Array<number>(count);
      let t = 0;
      for (let k = 0; k < count; k++) {
        const v = row[i + 3 + k];
        expect(isInt(v), 'change time');
        t = k === 0 ? v : t + v;
        changeTimes[k] = t;
      }
      contributions.set(key, { changeTimes, created: row[i + 1] === 1 });
      i += 3 + count;
    }
    const creator = row[1] === -1 ? undefined : keyAt(row[1]);
    files.set(row[0], { path: row[0], creator, totalChanges: row[2] as number, contributions });
  }
  return {
    formatVersion: s.formatVersion,
    repository: s.repository,
    head: s.head,
    shallow: s.shallow,
    commitCount: s.commitCount,
    people,
    files,
    ...(s.coChange !== undefined ? { coChange: decodeCoChange(s.coChange) } : {}),
    updatedAt: s.updatedAt,
  };
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function expect(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error(`bad ${what}`);
  }
}
