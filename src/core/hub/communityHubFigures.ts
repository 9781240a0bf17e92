/**
 * A community's figures from the organisation's hub index, for its code areas on repositories no
 * clone here is, merged with the figures the clones give: a person who takes part in a clone and
 * in a hub-only repository is one person. Shared by the editor (view, page) and the CLI.
 */
import type { CodeArea, Community } from '../communities/communityTypes';
import type { CommunityReport } from '../communities/reportTypes';
import { sameRepositoryName } from '../repositories/repositoryName';
import { hubAreaActivity, type HubAreaActivity, type HubAreaContext, type HubAreaPerson, type HubAreaRepository } from './areaActivity';
import type { HubIndex } from './hubIndex';

/** One code area the hub answered for (`repo:glob`), and what it matched there. */
export interface HubAreaFigures {
  area: string;
  /** Matched files in the hub's summaries (0: the hub has no figures for it). */
  files: number;
  people: number;
  /** The summaries' "now" (their last commit), Unix seconds, per repository matched. */
  repositories: Array<{ name: string; asOf: number }>;
}

export interface HubFiguresPerson extends HubAreaPerson {
  /** Also a member in the figures from the clones (counted once). */
  alsoLocal: boolean;
}

/** What the hub says about one community's hub-only areas. */
export interface ReadyHubFigures {
  state: 'ready';
  /** The code areas on repositories not cloned here, as communities.yml writes them. */
  areas: string[];
  /** Where the hub is read from (the editor's setting, the CLI's folder). */
  hub: string;
  /** When the hub index was generated (ISO), when it says. */
  generatedAt?: string;
  perArea: HubAreaFigures[];
  repositories: HubAreaRepository[];
  files: number;
  /** Most changes first. */
  people: HubFiguresPerson[];
  /** Hub people who are not already members from the clones: what the hub adds to the count. */
  added: number;
}

export interface HubAnswer {
  hub: string;
  generatedAt?: string;
  /** Every hub area at once (a file two areas name counts once). */
  combined: HubAreaActivity;
  /** Each area alone, in the order of `areas`. */
  perArea: HubAreaActivity[];
}

export function areaText(area: CodeArea): string {
  return area.repo ? `${area.repo}:${area.glob}` : area.glob;
}

/** The community's code areas naming a repository that no clone here is. */
export function areasBeyondWorkspace(community: Community, localRepositories: readonly string[]): CodeArea[] {
  return community.codeAreas.filter((a) => a.repo !== undefined && !localRepositories.some((name) => sameRepositoryName(a.repo as string, name)));
}

/** The people the report already counts as members of the community, by email and GitHub login. */
function localIdentities(report: CommunityReport, communityId: string): Set<string> {
  const ids = new Set<string>();
  const community = report.communities.find((c) => c.id === communityId);
  for (const member of community?.members ?? []) {
    const person = report.people[member.person];
    ids.add(member.person.toLowerCase());
    if (person?.email) ids.add(person.email.toLowerCase());
    if (person?.github) ids.add(`@${person.github.toLowerCase()}`);
  }
  return ids;
}

function isLocal(person: HubAreaPerson, ids: Set<string>): boolean {
  return ids.has(person.key.toLowerCase()) || (!!person.email && ids.has(person.email.toLowerCase())) || (!!person.login && ids.has(`@${person.login.toLowerCase()}`));
}

/** The ready figures: the hub's people marked when the clones already count them, and what each area matched. */
export function mergeHubFigures(report: CommunityReport, communityId: string, areas: readonly CodeArea[], answer: HubAnswer): ReadyHubFigures {
  const ids = localIdentities(report, communityId);
  const people = answer.combined.people.map((p): HubFiguresPerson => ({ ...p, alsoLocal: isLocal(p, ids) }));
  const perArea = areas.map((area, i): HubAreaFigures => {
    const activity = answer.perArea[i];
    return { area: areaText(area), files: activity?.files ?? 0, people: activity?.people.length ?? 0, repositories: (activity?.repositories ?? []).map((r) => ({ name: r.name, asOf: r.asOf })) };
  });
  return {
    state: 'ready',
    areas: areas.map(areaText),
    hub: answer.hub,
    ...(answer.generatedAt ? { generatedAt: answer.generatedAt } : {}),
    perArea,
    repositories: answer.combined.repositories,
    files: answer.combined.files,
    people,
    added: people.filter((p) => !p.alsoLocal).length,
  };
}

/**
 * The community's hub figures straight from an open index (the CLI; the editor goes through the
 * org feature's contract). `context.skipRepositories` should name every clone: they are never
 * counted again from the hub.
 */
export async function communityHubFigures(hub: HubIndex, hubName: string, report: CommunityReport, communityId: string, areas: readonly CodeArea[], context: HubAreaContext): Promise<ReadyHubFigures> {
  const combined = await hubAreaActivity(hub, areas, context);
  const perArea: HubAreaActivity[] = [];
  for (const area of areas) perArea.push(await hubAreaActivity(hub, [area], context));
  return mergeHubFigures(report, communityId, areas, { hub: hubName, generatedAt: hub.manifest.generatedAt, combined, perArea });
}

/** People taking part: the clones' members plus the hub's people they do not already count. */
export function peopleTakingPart<T extends { state: string }>(localMembers: number, hub: T | ReadyHubFigures | undefined): number {
  return localMembers + (hub && isReady(hub) ? hub.added : 0);
}

function isReady(hub: { state: string }): hub is ReadyHubFigures {
  return hub.state === 'ready';
}

/** "today", "3 days ago": how old a Unix-seconds time is. */
export function ageText(unixSeconds: number, nowMs = Date.now()): string {
  const days = Math.floor((nowMs / 1000 - unixSeconds) / 86_400);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}
