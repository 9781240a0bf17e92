/**
 * Turns a history index (already folded through the directory's aliases) into an expertise
 * summary: every file and folder ranked with the expertise model, people shown as the identity
 * mode allows. Pure: the same index, directory and options always give the same summary.
 */
import type { OrgDirectory } from '../directory/orgDirectory';
import type { Placement } from '../directory/types';
import { defaultExpertModelOptions, isBot, rankExperts, type ExpertModelOptions } from '../experts';
import type { HistoryIndexData } from '../git/historyTypes';
import { presentPerson } from './identities';
import {
  SUMMARY_FORMAT_VERSION,
  SUMMARY_KIND,
  type ExpertiseSummary,
  type IdentityMode,
  type SummaryCommunity,
  type SummaryExpert,
  type SummaryPackage,
  type SummaryPath,
  type SummaryPerson,
} from './summaryTypes';

export const DEFAULT_SUMMARY_LIMIT = 5;
const FOLDER_FIRST_AUTHORS = 3;

/** The experts of one path: `[email, score 0..1000, changes, lastChange, created 0|1]`. */
export type RankedRow = Array<[string, number, number, number, number]>;
export type RankTarget = [path: string, kind: 'file' | 'folder'];

/** The model options of a summary: the defaults (or the given tunables) with "now" = `asOf`. */
export function summaryModel(asOf: number, model?: BuildSummaryInput['model']): ExpertModelOptions {
  return { ...defaultExpertModelOptions(asOf), ...model, now: asOf };
}

/**
 * Ranks each target with the expertise model. Pure and deterministic, so targets can be shared
 * out over worker threads (rankWorker.ts) and the rows put back together give the same summary.
 */
export function rankPaths(index: HistoryIndexData, targets: readonly RankTarget[], options: ExpertModelOptions, limit: number): RankedRow[] {
  const classify = (email: string) => ({ placement: { email }, relationship: 'unknown' as const });
  return targets.map(([path, kind]) =>
    rankExperts({ index, target: { path, kind }, options, classify, limit }).experts.map((e) => {
      const created = kind === 'file' ? e.evidence.created : (e.evidence.filesCreated ?? 0) > 0;
      return [e.email, Math.round(e.score * 1000), e.evidence.changes, e.evidence.lastChange ?? 0, created ? 1 : 0] as [string, number, number, number, number];
    }),
  );
}

/** Every file and folder a summary ranks, in a fixed order. */
export function summaryTargets(index: HistoryIndexData): RankTarget[] {
  const folders = new Set<string>();
  for (const path of index.files.keys()) for (const folder of parentsOf(path)) folders.add(folder);
  return [...[...index.files.keys()].map((p) => [p, 'file'] as RankTarget), ...[...folders].map((p) => [p, 'folder'] as RankTarget)];
}

export interface BuildSummaryInput {
  index: HistoryIndexData;
  directory: OrgDirectory;
  repository: { name: string; remote?: string; roots?: string[] };
  identities: IdentityMode;
  packages: SummaryPackage[];
  communities?: SummaryCommunity[];
  limit?: number;
  /** Model tunables other than `now` (which is the last commit's time). */
  model?: Partial<Omit<ExpertModelOptions, 'now'>>;
  generatedAt?: Date;
  /** Rows of `rankPaths(index, summaryTargets(index), …)` computed elsewhere (worker threads). */
  rankings?: RankedRow[];
  /** Logins known from no-reply addresses folded into an identity (see foldedNoreplyLogins); the directory's `github:` wins. */
  logins?: ReadonlyMap<string, string>;
}

interface PathFacts { changes: number; lastActivity: number; creators: Map<string, number> }

function parentsOf(path: string): string[] {
  const parts = path.split('/');
  const out = [''];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

/** Changes, last activity and creators per file and per folder, bots left out, in one pass. */
function pathFacts(index: HistoryIndexData, human: (email: string) => boolean): { files: Map<string, PathFacts>; folders: Map<string, PathFacts> } {
  const files = new Map<string, PathFacts>();
  const folders = new Map<string, PathFacts>();
  for (const [path, file] of index.files) {
    const facts: PathFacts = { changes: 0, lastActivity: 0, creators: new Map() };
    for (const [email, c] of file.contributions) {
      if (!human(email)) continue;
      facts.changes += c.changeTimes.length;
      const last = c.changeTimes[c.changeTimes.length - 1];
      if (last !== undefined && last > facts.lastActivity) facts.lastActivity = last;
    }
    if (file.creator !== undefined && human(file.creator)) facts.creators.set(file.creator, 1);
    files.set(path, facts);
    for (const folder of parentsOf(path)) {
      let f = folders.get(folder);
      if (!f) folders.set(folder, (f = { changes: 0, lastActivity: 0, creators: new Map() }));
      f.changes += facts.changes;
      f.lastActivity = Math.max(f.lastActivity, facts.lastActivity);
      for (const [creator] of facts.creators) f.creators.set(creator, (f.creators.get(creator) ?? 0) + 1);
    }
  }
  return { files, folders };
}

function topCreators(creators: Map<string, number>, count: number): string[] {
  return [...creators].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([email]) => email);
}

/** The model's "now" for a summary: the last commit's time, so one head always gives one summary. */
export function summaryAsOf(index: HistoryIndexData): number {
  let latest = 0;
  for (const p of index.people.values()) if (p.lastActive > latest) latest = p.lastActive;
  return latest;
}

export function buildSummary(input: BuildSummaryInput): ExpertiseSummary {
  const { index, directory } = input;
  const asOf = summaryAsOf(index);
  const options = summaryModel(asOf, input.model);
  const limit = input.limit ?? DEFAULT_SUMMARY_LIMIT;
  const verdicts = new Map<string, boolean>();
  const human = (email: string): boolean => {
    let v = verdicts.get(email);
    if (v === undefined) verdicts.set(email, (v = !isBot(email, index.people.get(email)?.name ?? '', options.extraBots)));
    return v;
  };
  const placements = new Map<string, Placement>();
  const placementOf = (email: string, name?: string): Placement => {
    let p = placements.get(email);
    if (!p) {
      p = directory.placementOf({ email, name });
      const login = input.logins?.get(email);
      if (p.github === undefined && login !== undefined) p = { ...p, github: login };
      placements.set(email, p);
    }
    return p;
  };
  const used = new Set<string>();
  const rows: Array<{ path: string; kind: 'f' | 'd'; facts: PathFacts; first: string[]; experts: RankedRow }> = [];
  const { files, folders } = pathFacts(index, human);
  const targets = summaryTargets(index);
  const rankings = input.rankings ?? rankPaths(index, targets, options, limit);
  if (rankings.length !== targets.length) throw new Error(`${rankings.length} rankings for ${targets.length} paths`);
  targets.forEach(([path, kind], i) => {
    const facts = (kind === 'file' ? files : folders).get(path) as PathFacts;
    const experts = rankings[i];
    experts.forEach(([email]) => used.add(email));
    const first = topCreators(facts.creators, kind === 'file' ? 1 : FOLDER_FIRST_AUTHORS);
    first.forEach((email) => used.add(email));
    rows.push({ path, kind: kind === 'file' ? 'f' : 'd', facts, first, experts });
  });

  const people: SummaryPerson[] = [...used].map((email) => {
    const record = index.people.get(email);
    return presentPerson(email, record?.name ?? email, placementOf(email, record?.name), { commits: record?.commits ?? 0, lastActive: record?.lastActive ?? 0 }, input.identities);
  });
  // Two emails of one person can still meet here when only a hash tells them apart: keep one row per key.
  const order = [...people.keys()].sort((a, b) => (people[a].key < people[b].key ? -1 : people[a].key > people[b].key ? 1 : 0));
  const byKey = new Map<string, number>();
  const positionOfEmail = new Map<string, number>();
  const merged: SummaryPerson[] = [];
  const emails = [...used];
  for (const i of order) {
    const person = people[i];
    let at = byKey.get(person.key);
    if (at === undefined) {
      at = merged.length;
      byKey.set(person.key, at);
      merged.push(person);
    } else {
      merged[at].commits += person.commits;
      merged[at].lastActive = Math.max(merged[at].lastActive, person.lastActive);
    }
    positionOfEmail.set(emails[i], at);
  }
  const ref = (email: string): number => positionOfEmail.get(email) as number;
  const paths: SummaryPath[] = rows
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.kind < b.kind ? -1 : 1))
    .map((row) => [row.path, row.kind, row.facts.changes, row.facts.lastActivity, row.first.map(ref), row.experts.map(([email, ...rest]) => [ref(email), ...rest] as SummaryExpert)]);

  const summary: ExpertiseSummary = {
    kind: SUMMARY_KIND,
    formatVersion: SUMMARY_FORMAT_VERSION,
    repository: {
      name: input.repository.name,
      ...(input.repository.remote ? { remote: input.repository.remote } : {}),
      head: index.head,
      ...(input.repository.roots?.length ? { roots: input.repository.roots } : {}),
    },
    generatedAt: (input.generatedAt ?? new Date()).toISOString(),
    asOf,
    identities: input.identities,
    history: { commits: index.commitCount, shallow: index.shallow },
    limit,
    people: merged,
    paths,
    packages: input.packages,
  };
  if (input.communities) summary.communities = input.communities;
  return summary;
}
