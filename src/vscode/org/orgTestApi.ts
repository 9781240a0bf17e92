/** The part of the organisation feature exposed on the extension API in test mode, for integration tests. */
import type { CodeArea } from '../../core/communities/communityTypes';
import type { WorkspaceRepository } from '../../core/engine/multiRepoExperts';
import type { HubAreaActivity } from '../../core/hub';
import type { CodeTarget, PersonToAsk, StartResult } from '../contracts';
import type { GitHubDirectoryService, GitHubDirectoryStatus } from '../platform/githubDirectory';
import type { HubStatus } from './hubService';
import type { HubActivityOptions, OrgFeature } from './orgFeature';

export interface OrgPersonShown {
  name: string;
  email?: string;
  login?: string;
  relationship: string;
  team?: string;
  businessUnit?: string;
  score: number;
  repositories: string[];
}

export interface ShownItem {
  label: string;
  description?: string;
  detail?: string;
}

export interface OrgTestApi {
  hubStatus(): HubStatus;
  /** Resolves with the status once the hub index is open (or failed to open). */
  loadHub(): Promise<HubStatus>;
  /** What the timer does: one conditional check of the hub on GitHub, reopening the index if it changed. */
  refreshHub(): Promise<HubStatus>;
  /** Forgets the open index and opens it again: from GitHub when it answers, else from the disk cache. */
  reopenHub(): Promise<HubStatus>;
  search(text: string): Promise<{ resolvedAs: string; people: OrgPersonShown[] } | string>;
  /** Runs "Who Knows…?" with a first query and resolves with the items it shows for it. */
  openWhoKnows(query: string): Promise<ShownItem[]>;
  /** Types into the open picker, as a person would, and resolves with the items shown then. */
  typeInWhoKnows(text: string): Promise<ShownItem[]>;
  /** Makes the first item whose label contains `label` active and presses Enter; resolves with what is shown next. */
  acceptInWhoKnows(label: string): Promise<ShownItem[]>;
  whoKnowsOpen(): boolean;
  githubDirectory(): GitHubDirectoryStatus;
  refreshGitHubDirectory(): Promise<GitHubDirectoryStatus>;
  repositories(): Promise<WorkspaceRepository[]>;
  hubActivity(areas: CodeArea[], options?: HubActivityOptions): Promise<HubAreaActivity | undefined>;
  /** What "Ask" does, with the venue given (the command asks for it). */
  ask(person: PersonToAsk, target: CodeTarget | undefined, topic: string | undefined, community: string): Promise<StartResult | undefined>;
}

export function orgTestApi(feature: OrgFeature, directory: GitHubDirectoryService): OrgTestApi {
  const shown = (): ShownItem[] => (feature.picker?.pick.items ?? []).map((i) => ({ label: i.label, ...(i.description ? { description: i.description } : {}), ...(i.detail ? { detail: i.detail } : {}) }));
  const open = (): NonNullable<OrgFeature['picker']> => {
    if (!feature.picker) throw new Error('"Who Knows…?" is not open');
    return feature.picker;
  };
  return {
    hubStatus: () => feature.hub.status(),
    loadHub: async () => {
      await feature.hub.load();
      return feature.hub.status();
    },
    refreshHub: async () => {
      await feature.hub.refresh(true);
      return feature.hub.status();
    },
    reopenHub: async () => {
      await feature.hub.reopen();
      return feature.hub.status();
    },
    search: async (text) => {
      const answer = await feature.search(text);
      if (typeof answer === 'string') return answer;
      return {
        resolvedAs: answer.resolvedAs,
        people: answer.experts.map((e) => ({
          name: e.name, relationship: e.relationship, score: e.score, repositories: e.repositories.map((r) => r.name),
          ...(e.email ? { email: e.email } : {}), ...(e.login ? { login: e.login } : {}),
          ...(e.placement.team ? { team: e.placement.team.name } : {}), ...(e.placement.businessUnit ? { businessUnit: e.placement.businessUnit.name } : {}),
        })),
      };
    },
    openWhoKnows: async (query) => {
      const picker = feature.showWhoKnows(query);
      await picker.settled();
      return shown();
    },
    typeInWhoKnows: async (text) => {
      const picker = open();
      picker.type(text);
      await picker.settled();
      return shown();
    },
    acceptInWhoKnows: async (label) => {
      const picker = open();
      const item = picker.pick.items.find((i) => i.label.includes(label));
      if (!item) throw new Error(`no item "${label}" in ${JSON.stringify(shown().map((i) => i.label))}`);
      picker.pick.activeItems = [item];
      await picker.accept();
      return picker.isOpen ? shown() : [];
    },
    whoKnowsOpen: () => feature.picker?.isOpen === true,
    githubDirectory: () => directory.status(),
    refreshGitHubDirectory: async () => {
      await directory.refresh();
      return directory.status();
    },
    repositories: () => feature.repositories(),
    hubActivity: (areas, options) => feature.hubActivity(areas, options),
    ask: async (person, target, topic, community) => (await feature.ask(person, target, topic, community)) as StartResult | undefined,
  };
}
