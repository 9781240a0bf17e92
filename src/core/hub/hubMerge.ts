/**
 * `constellation hub merge`: many repository summaries → one hub index (see hubFormat.ts).
 * Summaries are read one at a time and only their small inverted-index facts are kept, so memory
 * stays flat however many there are. The index is written to a fresh folder that replaces the
 * old one in one rename: readers never see half an index, and removed repositories disappear.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { tagged, type Logger } from '../logger';
import { readSummaryFile } from '../summary/summaryFile';
import type { ExpertiseSummary } from '../summary/summaryTypes';
import {
  HUB_COMMUNITIES,
  HUB_FORMAT_VERSION,
  HUB_KIND,
  HUB_MANIFEST,
  HUB_PACKAGES,
  HUB_PEOPLE,
  TERM_BUCKETS,
  packageKeys,
  pathTerms,
  shardFile,
  termBucket,
  termFile,
  type HubCommunities,
  type HubManifest,
  type HubPackages,
  type HubRepository,
  type HubTerms,
} from './hubFormat';
import { joinPeople, personFacts, type PersonFacts } from './hubJoins';

interface RepositoryFacts {
  /** The summary file it was read from. */
  file: string;
  roots?: readonly string[];
  record: HubRepository;
  packages: Array<[string, string]>;
  communities: Array<{ id: string; name: string; globs: string[] }>;
  terms: Set<string>;
  people: PersonFacts[];
}

export interface MergeResult {
  manifest: HubManifest;
  skipped: Array<{ file: string; reason: string }>;
  /** Older summaries of a repository that a newer one replaced (`hub merge HUB new.json` does this). */
  replaced: Array<{ repository: string; file: string; by: string }>;
  /** Total bytes written. */
  bytes: number;
}

export async function mergeSummaries(files: readonly string[], outDir: string, logger: Logger, now = new Date()): Promise<MergeResult> {
  const log = tagged(logger, 'hub');
  const target = path.resolve(outDir);
  await assertReplaceable(target);
  const staging = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.mkdir(path.join(staging, 'shards'), { recursive: true });
  await fs.mkdir(path.join(staging, 'terms'), { recursive: true });
  const byName = new Map<string, RepositoryFacts>();
  const usedShards = new Map<string, string>();
  const skipped: MergeResult['skipped'] = [];
  const replaced: MergeResult['replaced'] = [];
  let bytes = 0;
  try {
    for (const file of files) {
      let summary: ExpertiseSummary;
      try {
        summary = await readSummaryFile(file);
      } catch (err) {
        skipped.push({ file, reason: (err as Error).message });
        log.warn(`skipped ${(err as Error).message}`);
        continue;
      }
      const name = summary.repository.name;
      const key = name.toLowerCase();
      const existing = byName.get(key);
      if (existing && !sameLineage(existing.roots, summary.repository.roots)) {
        // Two clones named `repo` with no remote: replacing one by the other would lose it silently.
        const reason = `${file}: another repository is also named "${name}" (${existing.file}; no root commit in common); export one of them with --name NAME`;
        skipped.push({ file, reason });
        log.warn(`skipped ${reason}`);
        continue;
      }
      if (existing && existing.record.generatedAt >= summary.generatedAt) {
        replaced.push({ repository: name, file, by: existing.file });
        log.info(`${name}: ${existing.file} replaces the older ${file}`);
        continue;
      }
      const shard = existing?.record.shard ?? uniqueShard(name, usedShards);
      const text = JSON.stringify(summary);
      await fs.writeFile(path.join(staging, shard), text);
      const facts = factsOf(summary, file, shard, Buffer.byteLength(text));
      if (existing) {
        replaced.push({ repository: name, file: existing.file, by: file });
        log.info(`${name}: ${file} replaces the older ${existing.file}`);
      }
      byName.set(key, facts);
    }
    const repositories = [...byName.values()].sort((a, b) => (a.record.name.toLowerCase() < b.record.name.toLowerCase() ? -1 : 1));
    // Keys come from paths and ids (`constructor.ts`, `__proto__`): no prototype to collide with.
    const packages: HubPackages = Object.create(null);
    const communities: HubCommunities = Object.create(null);
    const buckets: HubTerms[] = Array.from({ length: TERM_BUCKETS }, () => Object.create(null));
    repositories.forEach((repo, number) => {
      for (const [pkgKey, folder] of repo.packages) (packages[pkgKey] ??= []).push([number, folder]);
      for (const c of repo.communities) {
        const entry = (communities[c.id] ??= { name: c.name, areas: [] });
        for (const glob of c.globs) entry.areas.push([number, glob]);
      }
      for (const term of repo.terms) (buckets[termBucket(term)][term] ??= []).push(number);
    });
    const write = async (file: string, data: unknown): Promise<void> => {
      const text = JSON.stringify(data);
      bytes += Buffer.byteLength(text);
      await fs.writeFile(path.join(staging, file), text);
    };
    await write(HUB_PACKAGES, sortKeys(packages));
    await write(HUB_COMMUNITIES, sortKeys(communities));
    await write(HUB_PEOPLE, sortKeys(joinPeople(repositories.map((r) => r.people))));
    for (let b = 0; b < TERM_BUCKETS; b++) await write(termFile(b), sortKeys(buckets[b]));
    const manifest: HubManifest = { kind: HUB_KIND, formatVersion: HUB_FORMAT_VERSION, generatedAt: now.toISOString(), termBuckets: TERM_BUCKETS, repositories: repositories.map((r) => r.record) };
    await write(HUB_MANIFEST, manifest);
    bytes += repositories.reduce((sum, r) => sum + r.record.bytes, 0);
    await replaceFolder(staging, target);
    log.info(`merged ${repositories.length} repositories into ${target} (${skipped.length} skipped, ${bytes} bytes)`);
    return { manifest, skipped, replaced, bytes };
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Summaries of one repository share a root commit; without roots on either side (shallow, older summaries) they are taken to. */
function sameLineage(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a?.length || !b?.length) return true;
  return a.some((root) => b.includes(root));
}

function factsOf(summary: ExpertiseSummary, file: string, shard: string, bytes: number): RepositoryFacts {
  const terms = new Set<string>();
  for (const row of summary.paths) for (const term of pathTerms(row[0])) terms.add(term);
  for (const term of pathTerms(summary.repository.name)) terms.add(term);
  const packages: Array<[string, string]> = [];
  for (const pkg of summary.packages) for (const key of packageKeys(pkg)) packages.push([key, pkg.path]);
  const record: HubRepository = {
    name: summary.repository.name,
    head: summary.repository.head,
    asOf: summary.asOf,
    generatedAt: summary.generatedAt,
    identities: summary.identities,
    shard,
    paths: summary.paths.length,
    people: summary.people.length,
    packages: summary.packages.length,
    bytes,
  };
  if (summary.repository.remote) record.remote = summary.repository.remote;
  const communities = (summary.communities ?? []).map((c) => ({ id: c.id, name: c.name, globs: c.codeAreas }));
  const people = summary.people.map(personFacts).filter((p): p is PersonFacts => p !== undefined);
  return { file, roots: summary.repository.roots, record, packages, communities, terms, people };
}

function uniqueShard(name: string, used: Map<string, string>): string {
  let file = shardFile(name);
  for (let n = 2; used.has(file) && used.get(file) !== name.toLowerCase(); n++) file = shardFile(`${name}-${n}`);
  used.set(file, name.toLowerCase());
  return file;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
}

/** Swaps the staged folder in: the old index is renamed away first, then removed. */
async function replaceFolder(staging: string, target: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const old = `${target}.${process.pid}.old`;
  const hadOld = await fs.rename(target, old).then(() => true, (err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return false;
    throw err;
  });
  try {
    await fs.rename(staging, target);
  } catch (err) {
    if (hadOld) await fs.rename(old, target).catch(() => undefined);
    throw err;
  }
  if (hadOld) await fs.rm(old, { recursive: true, force: true });
}

/** Only an empty folder or an earlier hub index may be replaced: `--out .` must never wipe a checkout. */
async function assertReplaceable(target: string): Promise<void> {
  const entries = await fs.readdir(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  if (entries.length > 0 && !entries.includes(HUB_MANIFEST)) {
    throw new Error(`${target} is neither empty nor a hub index (no ${HUB_MANIFEST}); refusing to replace it`);
  }
}
