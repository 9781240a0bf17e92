/** A pattern library in a local folder: the workspace or any path outside it. */
import { promises as fs, readFile, stat } from 'fs';
import { promisify } from 'util';
import * as path from 'path';
import type { Logger } from '../../logger';
import { silentLogger } from '../../logger';
import type { PatternLibrary } from '../patternTypes';
import { parsePatternDocument, type ParsedPattern } from '../frontMatter';
import { createLibrary } from '../library';
import { diag } from '../diagnostics';
import { mapLimited, patternFileFilter, type FileSelection } from './libraryFiles';
import type { ParsedFileCache } from './parsedFileCache';

/** The callback `readFile`: for a thousand small files it costs the main thread less than `fs.promises`. */
const readText = promisify(readFile);
const statFile = promisify(stat);

export interface FolderSourceOptions extends FileSelection {
  /** Absolute path of the library folder. */
  root: string;
  /** Library name; default `folder:<root>`. */
  name?: string;
  logger?: Logger;
  /** Files read at once (default 32). */
  concurrency?: number;
  /** Documents parsed by earlier loads: unchanged files are not read or parsed again. */
  cache?: ParsedFileCache;
}

/** Loads every pattern document under `root`. A missing folder gives an empty library with a diagnostic. */
export async function loadFolderLibrary(options: FolderSourceOptions): Promise<PatternLibrary> {
  const root = path.resolve(options.root);
  const name = options.name ?? `folder:${root}`;
  const logger = options.logger ?? silentLogger;
  const started = performance.now();
  let files: string[];
  try {
    files = await listFiles(root, patternFileFilter(options));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : String((error as Error).message);
    logger.warn(`pattern library ${root}: ${reason}`);
    return createLibrary(name, [], [diag(root, 1, 1, 'source-unavailable', `pattern library ${root}: ${reason}`)]);
  }
  const { cache } = options;
  const parsed = await mapLimited(files, options.concurrency ?? 32, async (relative): Promise<ParsedPattern> => {
    const file = path.join(root, relative);
    try {
      if (cache) return await readThroughCache(cache, file, name);
      return parsePatternDocument(await readText(file, 'utf8'), { file, source: name });
    } catch (error) {
      return { diagnostics: [diag(file, 1, 1, 'source-unavailable', `cannot read ${file}: ${(error as Error).message}`)] };
    }
  });
  cache?.retain(name, new Set(files.map((relative) => path.join(root, relative))));
  const library = createLibrary(name, parsed);
  logger.info(`loaded ${library.patterns.length} patterns from ${root} (${library.diagnostics.length} problems) [${Math.round(performance.now() - started)}ms]`);
  return library;
}

/** Stat first, then read: content read after the stat is never older than the stamp it is kept under. */
async function readThroughCache(cache: ParsedFileCache, file: string, source: string): Promise<ParsedPattern> {
  const stamp = await statFile(file);
  const cached = cache.get(file, source, stamp);
  if (cached) return cached;
  const parsed = parsePatternDocument(await readText(file, 'utf8'), { file, source });
  cache.set(file, source, stamp, parsed);
  return parsed;
}

/** Paths (relative, forward slashes, sorted) of the files under `root` that pass `accept`. */
async function listFiles(root: string, accept: (relative: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, relativeDir), { withFileTypes: true });
    const dirs: string[] = [];
    for (const entry of entries) {
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') dirs.push(relative);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && accept(relative)) {
        out.push(relative);
      }
    }
    await Promise.all(dirs.map(walk));
  };
  await walk('');
  return out.sort();
}
