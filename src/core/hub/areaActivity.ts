/**
 * What people did in code areas that span repositories (`repo:glob`), from the hub's shards: the
 * figures a community gets for repositories nobody has cloned. Each matched file counts the
 * changes of the people its summary lists (a file's top experts), so the figures are a lower
 * bound of the real activity, exact for the people who matter most.
 */
import picomatch from 'picomatch';
import type { OrgDirectory } from '../directory/orgDirectory';
import { relationship } from '../directory/relationship';
import type { Relationship } from '../directory/types';
import { sameRepositoryName } from '../repositories/repositoryName';
import { pathTerms } from './hubFormat';
import type { HubIndex } from './hubIndex';
import { describePerson, fullerName, mergeKey, placementOfYou, type HubPerson } from './hubPeople';
import { literalPrefix, type CodeAreaSpec } from './hubTargets';

export interface HubAreaPerson extends HubPerson {
  relationship: Relationship;
  /** Changes to the matched files. */
  changes: number;
  /** Unix seconds of the person's last change to a matched file. */
  lastChange: number;
  /** Matched files listing this person among their experts. */
  files: number;
  /** Matched files this person created. */
  filesCreated: number;
  /** No commit in their repositories for `formerAfterDays`. */
  former: boolean;
  repositories: string[];
}

export interface HubAreaRepository {
  name: string;
  /** The summary's "now" (its last commit), Unix seconds. */
  asOf: number;
  files: number;
  /** Changes to the matched files by anyone, bots left out. */
  changes: number;
  lastActivity: number;
}

export interface HubAreaActivity {
  repositories: HubAreaRepository[];
  files: number;
  /** Most changes first. */
  people: HubAreaPerson[];
}

export interface HubAreaContext {
  directory?: OrgDirectory;
  you?: { email?: string; login?: string };
  /** Repositories whose figures come from elsewhere (clones in the workspace): left out. */
  skipRepositories?: readonly string[];
  /** Unix seconds; default now. */
  now?: number;
  formerAfterDays?: number;
}

const DAY = 86_400;
const MAX_REPOSITORIES = 200;

async function repositoriesFor(hub: HubIndex, area: CodeAreaSpec): Promise<number[]> {
  const all = hub.manifest.repositories.map((r, i) => [r, i] as const);
  if (area.repo !== undefined) return all.filter(([r]) => sameRepositoryName(area.repo as string, r.name)).map(([, i]) => i);
  const prefix = literalPrefix(area.glob.replace(/^\.?\/+/, ''));
  const word = prefix ? pathTerms(prefix.split('/').pop() ?? '')[0] : undefined;
  const numbers = word ? await hub.repositoriesWithTerm(word) : all.map(([, i]) => i);
  return numbers.slice(0, MAX_REPOSITORIES);
}

export async function hubAreaActivity(hub: HubIndex, areas: readonly CodeAreaSpec[], context: HubAreaContext = {}): Promise<HubAreaActivity> {
  const now = context.now ?? Date.now() / 1000;
  const formerAfter = (context.formerAfterDays ?? 180) * DAY;
  const skipped = context.skipRepositories ?? [];
  const you = placementOfYou(context.you, context.directory);
  const people = new Map<string, HubAreaPerson>();
  const repositories = new Map<number, HubAreaRepository>();
  const counted = new Set<string>();
  for (const area of areas) {
    const matches = picomatch(area.glob.replace(/^\.?\/+/, ''), { dot: true });
    for (const number of await repositoriesFor(hub, area)) {
      const shard = await hub.shard(number);
      if (!shard || skipped.some((name) => sameRepositoryName(name, shard.repository.name))) continue;
      const name = shard.repository.name;
      for (const [path, kind, changes, lastActivity, , experts] of shard.summary.paths) {
        // Two areas naming the same file count it once.
        if (kind !== 'f' || counted.has(`${number}\0${path}`) || !matches(path)) continue;
        counted.add(`${number}\0${path}`);
        let repo = repositories.get(number);
        if (!repo) repositories.set(number, (repo = { name, asOf: shard.summary.asOf, files: 0, changes: 0, lastActivity: 0 }));
        repo.files++;
        repo.changes += changes;
        repo.lastActivity = Math.max(repo.lastActivity, lastActivity);
        // A person can be listed twice for one file (two emails only a hash told apart at export).
        const inFile = new Map<string, boolean>();
        for (const [personIndex, , personChanges, lastChange, flags] of experts) {
          const person = shard.summary.people[personIndex];
          if (!person) continue;
          const key = mergeKey(person, context.directory, hub.joins);
          let entry = people.get(key);
          if (!entry) {
            const described = describePerson(key, person, context.directory);
            entry = { ...described, relationship: you ? relationship(you, described.placement) : 'unknown', changes: 0, lastChange: 0, files: 0, filesCreated: 0, former: false, repositories: [] };
            people.set(key, entry);
          } else {
            entry.name = fullerName(entry, person);
          }
          entry.changes += personChanges;
          entry.lastChange = Math.max(entry.lastChange, lastChange);
          entry.lastActive = Math.max(entry.lastActive, person.lastActive);
          const created = (flags & 1) === 1;
          if (!inFile.has(key)) entry.files++;
          if (created && !inFile.get(key)) entry.filesCreated++;
          inFile.set(key, (inFile.get(key) ?? false) || created);
          if (!entry.repositories.includes(name)) entry.repositories.push(name);
        }
      }
    }
  }
  const list = [...people.values()];
  for (const person of list) person.former = now - person.lastActive > formerAfter;
  list.sort((a, b) => b.changes - a.changes || b.lastChange - a.lastChange || (a.key < b.key ? -1 : 1));
  const repos = [...repositories.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { repositories: repos, files: repos.reduce((n, r) => n + r.files, 0), people: list };
}
