/**
 * A hub index opened for queries: the manifest and the small inverted indexes load once; shards
 * and term buckets load on first use and stay in a bounded LRU, so a lookup touches only the
 * repositories it needs.
 */
import { LRUCache } from 'lru-cache';
import type { ExpertiseSummary } from '../summary/summaryTypes';
import { validateSummary } from '../summary/summaryFile';
import {
  HUB_COMMUNITIES,
  HUB_FORMAT_VERSION,
  HUB_KIND,
  HUB_MANIFEST,
  HUB_PACKAGES,
  HUB_PEOPLE,
  pathTerms,
  termBucket,
  termFile,
  type HubCommunities,
  type HubManifest,
  type HubPackages,
  type HubPeople,
  type HubRepository,
  type HubTerms,
} from './hubFormat';
import type { HubSource } from './hubSource';

export class HubIndexError extends Error {}

/** One repository's summary with lookups the queries need. */
export interface LoadedShard {
  repository: HubRepository;
  summary: ExpertiseSummary;
  /** path → row index, files and folders (a folder key is its path with kind 'd'). */
  rowOf(path: string, kind?: 'f' | 'd'): number | undefined;
  /** Rows whose own name (last segment) has the term (see pathTerms); built on first use. */
  rowsNamed(term: string): readonly number[];
}

export class HubIndex {
  private readonly shards: LRUCache<number, LoadedShard>;
  private readonly buckets = new Map<number, HubTerms>();

  private constructor(
    private readonly source: HubSource,
    readonly manifest: HubManifest,
    readonly packages: HubPackages,
    readonly communities: HubCommunities,
    /** Summary person key → the key of the person joined across repositories (people.json). */
    readonly joins: ReadonlyMap<string, string>,
    maxShards: number,
  ) {
    this.shards = new LRUCache({ max: maxShards });
  }

  static async open(source: HubSource, options: { maxShards?: number } = {}): Promise<HubIndex> {
    const manifest = parse<HubManifest>(await source.read(HUB_MANIFEST), source, HUB_MANIFEST);
    if (!manifest || manifest.kind !== HUB_KIND) throw new HubIndexError(`${source.name}: no hub index (${HUB_MANIFEST} missing or foreign)`);
    if (manifest.formatVersion !== HUB_FORMAT_VERSION) {
      throw new HubIndexError(`${source.name}: hub index format ${manifest.formatVersion}, this Constellation reads ${HUB_FORMAT_VERSION}`);
    }
    if (!Array.isArray(manifest.repositories)) throw new HubIndexError(`${source.name}: ${HUB_MANIFEST} lists no repositories`);
    const packages = parse<HubPackages>(await source.read(HUB_PACKAGES), source, HUB_PACKAGES) ?? {};
    const communities = parse<HubCommunities>(await source.read(HUB_COMMUNITIES), source, HUB_COMMUNITIES) ?? {};
    const joins = peopleJoins(parse<unknown>(await source.read(HUB_PEOPLE), source, HUB_PEOPLE), source);
    return new HubIndex(source, manifest, packages, communities, joins, options.maxShards ?? 256);
  }

  get sourceName(): string {
    return this.source.name;
  }

  repositoryNumber(name: string): number | undefined {
    const lower = name.toLowerCase();
    const exact = this.manifest.repositories.findIndex((r) => r.name.toLowerCase() === lower);
    if (exact >= 0) return exact;
    const short = this.manifest.repositories.findIndex((r) => r.name.toLowerCase().endsWith(`/${lower}`));
    return short >= 0 ? short : undefined;
  }

  /** Repositories whose paths contain the term (see pathTerms). */
  async repositoriesWithTerm(term: string): Promise<number[]> {
    const bucket = termBucket(term.toLowerCase(), this.manifest.termBuckets);
    let terms = this.buckets.get(bucket);
    if (!terms) {
      terms = parse<HubTerms>(await this.source.read(termFile(bucket)), this.source, termFile(bucket)) ?? {};
      this.buckets.set(bucket, terms);
    }
    return Object.prototype.hasOwnProperty.call(terms, term.toLowerCase()) ? terms[term.toLowerCase()] : [];
  }

  async shard(number: number): Promise<LoadedShard | undefined> {
    const cached = this.shards.get(number);
    if (cached) return cached;
    const repository = this.manifest.repositories[number];
    if (!repository) return undefined;
    const text = await this.source.read(repository.shard);
    if (text === undefined) throw new HubIndexError(`${this.source.name}: shard ${repository.shard} of ${repository.name} is missing`);
    let summary: ExpertiseSummary;
    try {
      summary = validateSummary(JSON.parse(text), `${this.source.name}/${repository.shard}`);
    } catch (err) {
      throw new HubIndexError((err as Error).message);
    }
    const rows = new Map<string, number>();
    summary.paths.forEach((row, i) => rows.set(`${row[1]}\u0000${row[0]}`, i));
    let named: Map<string, number[]> | undefined;
    const loaded: LoadedShard = {
      repository,
      summary,
      rowOf: (path, kind) => (kind ? rows.get(`${kind}\u0000${path}`) : rows.get(`f\u0000${path}`) ?? rows.get(`d\u0000${path}`)),
      rowsNamed: (term) => {
        if (!named) {
          named = new Map();
          summary.paths.forEach((row, i) => {
            const name = row[0].slice(row[0].lastIndexOf('/') + 1);
            if (!name) return;
            for (const t of pathTerms(name)) {
              const list = named!.get(t);
              if (list) list.push(i);
              else named!.set(t, [i]);
            }
          });
        }
        return named.get(term.toLowerCase()) ?? [];
      },
    };
    this.shards.set(number, loaded);
    return loaded;
  }
}

/** An index written before people.json existed joins nobody. */
function peopleJoins(data: unknown, source: HubSource): Map<string, string> {
  if (data === undefined) return new Map();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new HubIndexError(`${source.name}/${HUB_PEOPLE}: not a table of keys`);
  const joins = new Map<string, string>();
  for (const [key, joined] of Object.entries(data as HubPeople)) {
    if (typeof joined !== 'string' || !joined) throw new HubIndexError(`${source.name}/${HUB_PEOPLE}: ${key} maps to ${joined === '' ? 'an empty key' : `a ${typeof joined}`}, not a key`);
    joins.set(key, joined);
  }
  return joins;
}

function parse<T>(text: string | undefined, source: HubSource, file: string): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new HubIndexError(`${source.name}/${file}: not JSON (${(err as Error).message})`);
  }
}
