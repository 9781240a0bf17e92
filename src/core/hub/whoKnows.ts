/**
 * "Who knows…?" across the organisation, answered from a hub index: the people behind a package,
 * a path, a code area (a pattern's files) or a community, in every repository, ranked, each with
 * their team, business unit and relationship to you.
 */
import type { OrgDirectory } from '../directory/orgDirectory';
import { relationship } from '../directory/relationship';
import type { Placement, Relationship } from '../directory/types';
import { humaniseAge } from '../experts';
import type { HubIndex } from './hubIndex';
import { describePerson, fullerName, mergeKey, placementOfYou } from './hubPeople';
import { resolveTargets, type WhoKnowsQuery } from './hubTargets';

export type { WhoKnowsQuery, CodeAreaSpec } from './hubTargets';

export interface WhoKnowsContext {
  /** You, to tell each expert's relationship to you. */
  you?: { email?: string; login?: string };
  /** The org directory (directory.yml and GitHub teams): places people the summaries name. */
  directory?: OrgDirectory;
  /** Unix seconds; default now. */
  now?: number;
  /** No commit for this long → former, ranked down (default 180, as in the expertise model). */
  formerAfterDays?: number;
  limit?: number;
}

export interface OrgExpertRepository {
  name: string;
  /** The matched files and folders this person is an expert of. */
  paths: string[];
  changes: number;
  lastChange: number;
  created: boolean;
}

export interface OrgExpert {
  /** Merges one person across repositories: `@login`, else the email, else the summary's hash. */
  key: string;
  name: string;
  email?: string;
  login?: string;
  placement: Placement;
  relationship: Relationship;
  /** 0..1, the top expert of the answer = 1. */
  score: number;
  former: boolean;
  lastActive: number;
  repositories: OrgExpertRepository[];
  /** "14 changes in acme/http (packages/http), last 3 weeks ago · created it". */
  explanation: string;
}

export interface WhoKnowsAnswer {
  resolvedAs: string;
  /** The files and folders the answer draws on, `repository:path`. */
  matched: string[];
  experts: OrgExpert[];
}

const DAY = 86_400;
const FORMER_FACTOR = 0.2;

interface Accumulator {
  expert: Omit<OrgExpert, 'score' | 'explanation' | 'former' | 'relationship'>;
  score: number;
}

export async function whoKnows(hub: HubIndex, query: WhoKnowsQuery, context: WhoKnowsContext = {}): Promise<WhoKnowsAnswer> {
  const now = context.now ?? Date.now() / 1000;
  const formerAfter = (context.formerAfterDays ?? 180) * DAY;
  const { resolvedAs, targets } = await resolveTargets(hub, query);
  const byKey = new Map<string, Accumulator>();
  const matched: string[] = [];
  for (const { shard, row } of targets) {
    const [path, , , , , experts] = shard.summary.paths[row];
    matched.push(`${shard.repository.name}:${path}`);
    for (const [personIndex, score, changes, lastChange, flags] of experts) {
      const person = shard.summary.people[personIndex];
      const key = mergeKey(person, context.directory, hub.joins);
      let acc = byKey.get(key);
      if (!acc) {
        acc = { expert: { ...describePerson(key, person, context.directory), repositories: [] }, score: 0 };
        byKey.set(key, acc);
      } else {
        acc.expert.name = fullerName(acc.expert, person);
      }
      acc.score += score / 1000;
      acc.expert.lastActive = Math.max(acc.expert.lastActive, person.lastActive);
      let repo = acc.expert.repositories.find((r) => r.name === shard.repository.name);
      if (!repo) acc.expert.repositories.push((repo = { name: shard.repository.name, paths: [], changes: 0, lastChange: 0, created: false }));
      repo.paths.push(path);
      repo.changes += changes;
      repo.lastChange = Math.max(repo.lastChange, lastChange);
      repo.created ||= (flags & 1) === 1;
    }
  }
  const you = placementOfYou(context.you, context.directory);
  const ranked = [...byKey.values()].map((acc) => {
    const former = now - acc.expert.lastActive > formerAfter;
    return { acc, former, score: acc.score * (former ? FORMER_FACTOR : 1) };
  });
  ranked.sort((a, b) => b.score - a.score || (a.acc.expert.key < b.acc.expert.key ? -1 : 1));
  const top = ranked[0]?.score || 1;
  const experts = ranked.slice(0, context.limit ?? 10).map(({ acc, former, score }): OrgExpert => ({
    ...acc.expert,
    repositories: acc.expert.repositories.sort((a, b) => b.changes - a.changes || a.name.localeCompare(b.name)),
    score: score / top,
    former,
    relationship: you ? relationship(you, acc.expert.placement) : 'unknown',
    explanation: explain(acc.expert.repositories, now, former),
  }));
  return { resolvedAs, matched, experts };
}

function explain(repositories: OrgExpertRepository[], now: number, former: boolean): string {
  const parts = repositories.slice(0, 2).map((r) => {
    const where = r.paths.length === 1 ? (r.paths[0] || 'the whole repository') : `${r.paths.length} matching paths`;
    return `${r.changes} change${r.changes === 1 ? '' : 's'} in ${r.name} (${where})${r.lastChange ? `, last ${humaniseAge(r.lastChange, now)}` : ''}${r.created ? ' · created it' : ''}`;
  });
  if (repositories.length > 2) parts.push(`and ${repositories.length - 2} more repositories`);
  if (former) parts.push('former: no recent commit');
  return parts.join(' · ');
}
