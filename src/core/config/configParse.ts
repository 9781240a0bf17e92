/**
 * Parsing `.constellation/directory.yml` and `communities.yml`, which can be large (a 20,000-person
 * directory is ~3 MB, and YAML parses at well under 10 MB/s): big texts are parsed in a worker
 * thread so the extension host keeps answering hovers, and each file's text is parsed once, until
 * it changes (a reload caused by another file reuses the last result).
 */
import { createHash } from 'crypto';
import { existsSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { parseCommunities, type CommunitiesConfig } from '../communities/parseCommunities';
import { parseDirectoryConfig, type DirectoryConfig } from '../directory/directoryConfig';
import type { ConfigDiagnostic } from '../directory/types';

export type ConfigKind = 'directory' | 'communities';

export interface ParsedConfig {
  directory: { config: DirectoryConfig; diagnostics: ConfigDiagnostic[] };
  communities: CommunitiesConfig;
}

/** Texts smaller than this parse in place (a few tens of milliseconds at most). */
export const OFF_THREAD_BYTES = 128 * 1024;
export const WORKER_FILE = 'configParseWorker.js';

/** How parses went (benchmarks and tests). */
export const configParseStats = { parses: 0, offThread: 0, reused: 0 };

export function parseConfigText<K extends ConfigKind>(kind: K, text: string, file: string): ParsedConfig[K] {
  return (kind === 'directory' ? parseDirectoryConfig(text, file) : parseCommunities(text, file)) as ParsedConfig[K];
}

/** The worker script: next to this module when compiled by tsc, next to the bundle (dist/) otherwise. */
function workerScript(): string | undefined {
  const file = path.join(__dirname, WORKER_FILE);
  return existsSync(file) ? file : undefined;
}

function parseInWorker<K extends ConfigKind>(script: string, kind: K, text: string, file: string): Promise<ParsedConfig[K]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { kind, text, file } });
    worker.once('message', (result: ParsedConfig[K]) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`config parse worker exited with code ${code}`)));
  });
}

/** Parses `text`, off the main thread when it is big (in place should the worker be unavailable). */
export async function parseConfig<K extends ConfigKind>(kind: K, text: string, file: string): Promise<ParsedConfig[K]> {
  configParseStats.parses++;
  const script = text.length >= OFF_THREAD_BYTES ? workerScript() : undefined;
  if (script) {
    try {
      const result = await parseInWorker(script, kind, text, file);
      configParseStats.offThread++;
      return result;
    } catch {
      // fall through: parse in place rather than lose the file
    }
  }
  return parseConfigText(kind, text, file);
}

interface CachedParse {
  hash: string;
  result: Promise<unknown>;
}

/** The last parse of each file, kept while its text stays the same. */
const lastParse = new Map<string, CachedParse>();
const MAX_CACHED_FILES = 32;

/** Like parseConfig, but a file whose text did not change since its last parse is not parsed again. */
export function parseConfigOnce<K extends ConfigKind>(kind: K, text: string, file: string): Promise<ParsedConfig[K]> {
  const key = `${kind}\0${path.resolve(file)}`;
  const hash = createHash('sha256').update(text).digest('hex');
  const cached = lastParse.get(key);
  if (cached?.hash === hash) {
    configParseStats.reused++;
    return cached.result as Promise<ParsedConfig[K]>;
  }
  const result = parseConfig(kind, text, file);
  lastParse.delete(key);
  if (lastParse.size >= MAX_CACHED_FILES) lastParse.delete(lastParse.keys().next().value as string);
  lastParse.set(key, { hash, result });
  result.catch(() => {
    if (lastParse.get(key)?.result === result) lastParse.delete(key);
  });
  return result;
}
