/**
 * The org index a hub repository holds (`constellation hub merge`): one shard per repository (its
 * summary, as exported), and small inverted indexes that say which shards to open for a package,
 * a path term or a community, so a reader fetches a handful of files, never the whole hub.
 *
 *   hub.json                    manifest: repositories, their shard files and figures
 *   packages.json               `ecosystem:name` (and `module:name` for Python/Rust) → [[repo, path]]
 *   communities.json            community id → { name, areas: [[repo, glob]] }
 *   terms/NN.json               path term → repos; NN = termBucket(term) of TERM_BUCKETS
 *   people.json                 summary person key → the key of the person joined across repositories
 *   shards/<repo>.json          the repository's expertise summary
 */

export const HUB_KIND = 'constellation.hubIndex';
export const HUB_FORMAT_VERSION = 1;
export const HUB_MANIFEST = 'hub.json';
export const HUB_PACKAGES = 'packages.json';
export const HUB_COMMUNITIES = 'communities.json';
export const HUB_PEOPLE = 'people.json';
export const TERM_BUCKETS = 64;

export interface HubRepository {
  name: string;
  remote?: string;
  head: string;
  asOf: number;
  generatedAt: string;
  identities: string;
  /** Hub-relative file of the shard. */
  shard: string;
  paths: number;
  people: number;
  packages: number;
  bytes: number;
}

export interface HubManifest {
  kind: typeof HUB_KIND;
  formatVersion: number;
  generatedAt: string;
  termBuckets: number;
  /** Sorted by name; a repository's position is its number in the inverted indexes. */
  repositories: HubRepository[];
}

/** `ecosystem:name` → [repository number, package folder]. */
export type HubPackages = Record<string, Array<[number, string]>>;

export interface HubCommunity {
  name: string;
  /** [repository number, glob] for every repository whose summary lists the community. */
  areas: Array<[number, string]>;
}
export type HubCommunities = Record<string, HubCommunity>;

/**
 * Summary person key → the key of the person it is joined with across repositories (`@login`, or
 * an email), only for the keys a join changes (see hubJoins.ts). An index without the file (written
 * before it existed) joins nobody; readers that predate it ignore it, so the format stays 1.
 */
export type HubPeople = Record<string, string>;

/** Path term → repository numbers, ascending. */
export type HubTerms = Record<string, number[]>;

export function termFile(bucket: number): string {
  return `terms/${String(bucket).padStart(2, '0')}.json`;
}

/** FNV-1a: stable across runs and platforms, which a hub written in CI and read in the editor need. */
export function termBucket(term: string, buckets = TERM_BUCKETS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/**
 * The words of a path a person would search for: segments split at `.`, `-`, `_` and camelCase,
 * lower-cased, at least two characters, digits-only words dropped. `src/RetryPolicy/back-off.ts`
 * → src, retrypolicy, retry, policy, back, off, ts, back-off.
 */
export function pathTerms(path: string): string[] {
  const terms = new Set<string>();
  for (const segment of path.split('/')) {
    if (!segment) continue;
    const stem = segment.replace(/\.[^.]+$/, '');
    for (const whole of [segment, stem]) if (whole.length >= 2) terms.add(whole.toLowerCase());
    for (const part of stem.split(/[._\-\s]+/)) {
      if (part.length >= 2) terms.add(part.toLowerCase());
      for (const word of part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)) {
        if (word.length >= 2 && !/^\d+$/.test(word)) terms.add(word.toLowerCase());
      }
    }
    const ext = /\.([^.]+)$/.exec(segment)?.[1];
    if (ext && ext.length >= 2) terms.add(ext.toLowerCase());
  }
  return [...terms].filter((t) => !/^\d+$/.test(t));
}

/** The file name of a repository's shard: readable, unique, safe on every file system. */
export function shardFile(name: string): string {
  const safe = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '__').replace(/^[._]+/, '').slice(0, 150) || 'repository';
  return `shards/${safe}.json`;
}

/** Package keys a consumer's import can name. */
export function packageKeys(pkg: { ecosystem: string; name: string; modules?: string[] }): string[] {
  const keys = [`${pkg.ecosystem}:${pkg.ecosystem === 'npm' || pkg.ecosystem === 'go' ? pkg.name : pkg.name.toLowerCase()}`];
  for (const module of pkg.modules ?? []) keys.push(`module:${module.toLowerCase()}`);
  return keys;
}
