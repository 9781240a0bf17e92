/**
 * `constellation communities --hub DIR`: each community's figures for its code areas on
 * repositories not given with `--repo`, from the hub index, through the same core code as the
 * editor's page (core/hub/communityHubFigures). Without a hub, or when it cannot be read, it says
 * so and the report stands on the clones alone.
 */
import type { Community } from '../../core/communities/communityTypes';
import type { CommunityReport } from '../../core/communities/reportTypes';
import type { OrgDirectory } from '../../core/directory/orgDirectory';
import { areasBeyondWorkspace, areaText, communityHubFigures, peopleTakingPart, type ReadyHubFigures } from '../../core/hub/communityHubFigures';
import { HUB_OPTION, openHubFolder } from '../hubOption';

export type CliHubStatus =
  | { state: 'off'; message: string }
  | { state: 'unavailable'; source: string; message: string }
  | { state: 'ready'; source: string; generatedAt: string; repositories: Array<{ name: string; asOf: number }> };

interface CommunityCommon {
  community: string;
  /** The clones' members plus the hub's people they do not already count. */
  takingPart: number;
}

export type CliCommunityHub = CommunityCommon & (
  | { state: 'off'; areas: string[] }
  | { state: 'unavailable'; areas: string[]; message: string }
  | ReadyHubFigures
);

export interface CliHubFigures {
  hub: CliHubStatus;
  /** Only communities with code areas on repositories the clones are not. */
  communities: CliCommunityHub[];
}

export interface HubFiguresInput {
  /** `--hub DIR`; undefined: no hub configured. */
  hubFolder?: string;
  report: CommunityReport;
  communities: readonly Community[];
  /** The clones' names (`--repo`): never counted again from the hub. */
  localRepositories: readonly string[];
  /** The report's directory: relationships and teams agree with the report's. */
  directory?: OrgDirectory;
  you?: { email?: string };
  now: number;
  formerAfterDays?: number;
}

export const NO_HUB_MESSAGE = `no hub configured (give ${HUB_OPTION}, a hub index folder, to count code areas on repositories not given with --repo)`;

export async function hubFiguresOfReport(input: HubFiguresInput): Promise<CliHubFigures> {
  const wanted = input.communities.map((c) => ({ community: c, areas: areasBeyondWorkspace(c, input.localRepositories) })).filter((w) => w.areas.length > 0);
  const members = (id: string): number => input.report.communities.find((c) => c.id === id)?.members.length ?? 0;
  if (!input.hubFolder) {
    return { hub: { state: 'off', message: NO_HUB_MESSAGE }, communities: wanted.map(({ community, areas }) => ({ community: community.id, state: 'off', areas: areas.map(areaText), takingPart: members(community.id) })) };
  }
  const opened = await openHubFolder(input.hubFolder);
  if (!opened.ok) {
    const { source, message } = opened;
    return { hub: { state: 'unavailable', source, message }, communities: wanted.map(({ community, areas }) => ({ community: community.id, state: 'unavailable', areas: areas.map(areaText), message, takingPart: members(community.id) })) };
  }
  const { index, source } = opened;
  const context = {
    ...(input.directory ? { directory: input.directory } : {}),
    ...(input.you ? { you: input.you } : {}),
    skipRepositories: input.localRepositories,
    now: input.now,
    ...(input.formerAfterDays !== undefined ? { formerAfterDays: input.formerAfterDays } : {}),
  };
  const communities: CliCommunityHub[] = [];
  for (const { community, areas } of wanted) {
    try {
      const figures = await communityHubFigures(index, source, input.report, community.id, areas, context);
      communities.push({ community: community.id, ...figures, takingPart: peopleTakingPart(members(community.id), figures) });
    } catch (err) {
      // A shard missing or damaged: this community's hub areas go uncounted, the rest still answers.
      communities.push({ community: community.id, state: 'unavailable', areas: areas.map(areaText), message: (err as Error).message, takingPart: members(community.id) });
    }
  }
  const repositories = index.manifest.repositories.map((r) => ({ name: r.name, asOf: r.asOf }));
  return { hub: { state: 'ready', source, generatedAt: index.manifest.generatedAt, repositories }, communities };
}
