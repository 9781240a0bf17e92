/**
 * A community's figures from the organisation's hub index, for its code areas on repositories not
 * cloned in the workspace, merged with the figures its clones give: a person who takes part here
 * and in a hub-only repository is one person. No editor import (the view, the pages and the unit
 * tests read it as plain data).
 */
import type { CodeArea, Community } from '../../core/communities/communityTypes';
import type { CommunityReport } from '../../core/communities/reportTypes';
import type { HubAreaActivity, HubAreaPerson, HubAreaRepository } from '../../core/hub';
import { sameRepositoryName } from '../../core/repositories/repositoryName';

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
  /** Also a member in the figures from the workspace's clones (counted once). */
  alsoLocal: boolean;
}

interface Common {
  /** The code areas on repositories not cloned here, as communities.yml writes them. */
  areas: string[];
  /** The hub repository setting (`owner/name[/folder]`); empty when none is set. */
  hub: string;
}

export type CommunityHubFigures =
  | (Common & { state: 'off' })
  | (Common & { state: 'loading' })
  | (Common & { state: 'unavailable'; message: string })
  | (Common & {
      state: 'ready';
      /** When the hub index was generated (ISO), when it says. */
      generatedAt?: string;
      perArea: HubAreaFigures[];
      repositories: HubAreaRepository[];
      files: number;
      /** Most changes first. */
      people: HubFiguresPerson[];
      /** Hub people who are not already members from the clones: what the hub adds to the count. */
      added: number;
    });

export function areaText(area: CodeArea): string {
  return area.repo ? `${area.repo}:${area.glob}` : area.glob;
}

/** The community's code areas naming a repository that no clone of the workspace is. */
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

export interface HubAnswer {
  hub: string;
  generatedAt?: string;
  /** Every hub area at once (a file two areas name counts once). */
  combined: HubAreaActivity;
  /** Each area alone, in the order of `areas`. */
  perArea: HubAreaActivity[];
}

/** The ready figures: the hub's people marked when the clones already count them, and what each area matched. */
export function mergeHubFigures(report: CommunityReport, communityId: string, areas: readonly CodeArea[], answer: HubAnswer): CommunityHubFigures {
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

/** People taking part: the clones' members plus the hub's people they do not already count. */
export function peopleTakingPart(localMembers: number, hub: CommunityHubFigures | undefined): number {
  return localMembers + (hub?.state === 'ready' ? hub.added : 0);
}

/** "today", "3 days ago": how old a Unix-seconds time is. */
export function ageText(unixSeconds: number, nowMs = Date.now()): string {
  const days = Math.floor((nowMs / 1000 - unixSeconds) / 86_400);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** One line saying where the hub's figures stand, for the view's tooltip and the page. */
export function hubFiguresLine(hub: CommunityHubFigures, nowMs = Date.now()): string {
  const areas = hub.areas.join(', ');
  switch (hub.state) {
    case 'off':
      return `Code areas on repositories not cloned here (${areas}): no hub is configured — set constellation.hub.repository to count their people from the organisation's hub index.`;
    case 'loading':
      return `Code areas on repositories not cloned here (${areas}): reading the hub index ${hub.hub}…`;
    case 'unavailable':
      return `Code areas on repositories not cloned here (${areas}): the hub index ${hub.hub} is unavailable (${hub.message}).`;
    case 'ready': {
      const generated = hub.generatedAt && !Number.isNaN(Date.parse(hub.generatedAt)) ? `, generated ${hub.generatedAt.slice(0, 10)} (${ageText(Date.parse(hub.generatedAt) / 1000, nowMs)})` : '';
      const empty = hub.perArea.filter((a) => a.files === 0).map((a) => a.area);
      const none = empty.length ? ` No figures in the hub for ${empty.join(', ')}.` : '';
      const people = hub.people.length === 1 ? '1 person' : `${hub.people.length} people`;
      return `From the hub index ${hub.hub}${generated}: ${people} in ${areas}, ${hub.added} of them not already counted from the clones here.${none}`;
    }
  }
}
