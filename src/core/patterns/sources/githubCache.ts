/** The offline copy of a GitHub pattern library: one JSON file per library, written atomically. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { writeFileAtomic } from '../../util/atomicWrite';
import type { GitHubRepoSpec } from './githubSpec';
import { formatGitHubSpec } from './githubSpec';

export interface CachedFile {
  /** Repository path. */
  path: string;
  /** Git blob sha from the tree listing: unchanged sha = unchanged content, no need to fetch. */
  sha: string;
  text: string;
}

export interface GitHubLibraryCache {
  version: 1;
  /** The spec as written, plus the API base, to avoid mixing up two servers. */
  key: string;
  fetchedAt: string;
  /** The ref actually listed (the default branch when the spec has none). */
  ref: string;
  repoEtag?: string;
  treeEtag?: string;
  files: CachedFile[];
}

export function cacheKey(baseUrl: string, spec: GitHubRepoSpec): string {
  return `${baseUrl.replace(/\/+$/, '')} ${formatGitHubSpec(spec)}`;
}

export function cacheFile(cacheDir: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 24);
  return path.join(cacheDir, 'github-patterns', `${hash}.json`);
}

/** Reads the cache; a missing, unreadable or foreign file counts as no cache. */
export async function readCache(cacheDir: string, key: string): Promise<GitHubLibraryCache | undefined> {
  try {
    const data = JSON.parse(await fs.readFile(cacheFile(cacheDir, key), 'utf8')) as GitHubLibraryCache;
    return data.version === 1 && data.key === key && Array.isArray(data.files) ? data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCache(cacheDir: string, cache: GitHubLibraryCache): Promise<void> {
  await writeFileAtomic(cacheFile(cacheDir, cache.key), JSON.stringify(cache));
}
