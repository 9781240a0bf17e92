/**
 * Parsed pattern documents kept between loads of the same folders in one session (every save in a
 * library reloads it), so a reload reads and parses only the files that changed. An entry is used
 * only while the file's size, modification and change times and inode are those it was read at (the
 * change time cannot be set back by tools that copy times, and a file replaced by a rename has a new
 * inode); a file changed in the last few seconds is never kept, since a coarse file-system clock could
 * give its next edit the same times (the "racily clean" case git's index guards against).
 *
 * The cache is bounded (entries and bytes of source, least recently used out first), and a library
 * that leaves the configured set takes its entries with it (`retainSources`).
 */
import { LRUCache } from 'lru-cache';
import type { ParsedPattern } from '../frontMatter';

/** What `fs.stat` says about a file (a `Stats` object will do). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** Longer than the coarsest modification-time resolution in use (FAT: 2 s). */
export const RACY_WINDOW_MS = 5_000;

export interface ParsedFileCacheLimits {
  /** Files kept at most (default 20,000). */
  maxEntries?: number;
  /** Bytes of source kept at most, by the files' sizes (default 16 MiB). */
  maxBytes?: number;
}

export const DEFAULT_CACHE_LIMITS: Required<ParsedFileCacheLimits> = { maxEntries: 20_000, maxBytes: 16 * 1024 * 1024 };

interface Entry {
  stamp: FileStamp;
  parsed: ParsedPattern;
}

const sameStamp = (a: FileStamp, b: FileStamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

export class ParsedFileCache {
  private readonly entries: LRUCache<string, Entry>;

  /** `clock`: the time a file is read at (tests move it on instead of waiting). */
  constructor(private readonly clock: () => number = Date.now, limits: ParsedFileCacheLimits = {}) {
    const { maxEntries, maxBytes } = { ...DEFAULT_CACHE_LIMITS, ...limits };
    // A file's weight is its size (at least 1): an entry holds about that much text once parsed.
    this.entries = new LRUCache({ max: maxEntries, maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, entry.stamp.size) });
  }

  /** The document parsed from `file` for library `source`, if the file has not changed since. */
  get(file: string, source: string, stamp: FileStamp): ParsedPattern | undefined {
    const entry = this.entries.get(key(file, source));
    if (!entry || !sameStamp(entry.stamp, stamp)) return undefined;
    return entry.parsed;
  }

  /** Keeps `parsed`, read from `file` just now, after it had `stamp`. */
  set(file: string, source: string, stamp: FileStamp, parsed: ParsedPattern): void {
    const k = key(file, source);
    if (this.clock() - Math.max(stamp.mtimeMs, stamp.ctimeMs) < RACY_WINDOW_MS) {
      this.entries.delete(k);
      return;
    }
    // A file bigger than the whole budget is not kept (LRUCache would refuse it anyway).
    this.entries.set(k, { stamp: { size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, ino: stamp.ino }, parsed });
  }

  /** Forgets every library not in `sources`: the ones that left the configured set. */
  retainSources(sources: ReadonlySet<string>): void {
    for (const k of [...this.entries.keys()]) {
      if (!sources.has(splitKey(k)[0])) this.entries.delete(k);
    }
  }

  /** The libraries with entries, for tests and the log. */
  sources(): Set<string> {
    return new Set([...this.entries.keys()].map((k) => splitKey(k)[0]));
  }

  /** Forgets the files of `source` that a load no longer found. */
  retain(source: string, files: ReadonlySet<string>): void {
    for (const k of [...this.entries.keys()]) {
      const [entrySource, file] = splitKey(k);
      if (entrySource === source && !files.has(file)) this.entries.delete(k);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

const SEPARATOR = '\u0000';
const key = (file: string, source: string) => `${source}${SEPARATOR}${file}`;
const splitKey = (k: string): [string, string] => {
  const at = k.indexOf(SEPARATOR);
  return [k.slice(0, at), k.slice(at + 1)];
};
