/**
 * Which directory and which "you" community figures are read against: the home repository's (the
 * one whose communities.yml declares the communities, as the report is computed), never the
 * repository of whatever file happens to be open. The report (gatherInputs) and the hub's figures
 * (OrgApi.hubActivity) both go through `communityDirectory`, so one person has one team and one
 * relationship on a community's page.
 */
import type { OrgDirectory } from '../directory/orgDirectory';
import { hubAreaActivity, type HubAreaActivity } from './areaActivity';
import type { HubIndex } from './hubIndex';
import type { CodeAreaSpec } from './hubTargets';
import type { CodeArea } from '../communities/communityTypes';

export interface DirectoryOfRepository {
  /** The repository's loaded directory (the platform's OrgDirectoryService, a DirectoryCache). */
  get(root: string): Promise<{ directory: OrgDirectory }>;
}

/** The directory a community report places people with: its home repository's. */
export async function communityDirectory(directories: DirectoryOfRepository, home: { root: string } | undefined): Promise<OrgDirectory | undefined> {
  if (!home) return undefined;
  return (await directories.get(home.root).catch(() => undefined))?.directory;
}

export interface CommunityHubContext {
  directories: DirectoryOfRepository;
  /** `git config user.email` of a repository. */
  userEmail(root: string): Promise<string | undefined>;
  /** The GitHub account of the session, if signed in. */
  login?: string;
}

export interface CommunityHubOptions {
  /** The report's home: unprefixed globs apply to it, and its directory places people. */
  home?: { root: string; name: string };
  /** Whose directory and identity to use without a home (the workspace's first repository). */
  fallback?: { root: string };
  /** Repositories whose figures come from their clones (left out of the hub's). */
  skipRepositories?: readonly string[];
}

/** The hub's figures for a community's code areas, relationships from the report's own directory. */
export async function communityHubActivity(index: HubIndex, areas: readonly CodeArea[], context: CommunityHubContext, options: CommunityHubOptions): Promise<HubAreaActivity> {
  const specs: CodeAreaSpec[] = areas.map((a) => ({ repo: a.repo ?? options.home?.name, glob: a.glob }));
  const placedBy = options.home ?? options.fallback;
  const [directory, email] = await Promise.all([
    communityDirectory(context.directories, placedBy),
    placedBy ? context.userEmail(placedBy.root).catch(() => undefined) : undefined,
  ]);
  return hubAreaActivity(index, specs, {
    ...(directory ? { directory } : {}),
    you: { ...(email ? { email } : {}), ...(context.login ? { login: context.login } : {}) },
    ...(options.skipRepositories ? { skipRepositories: options.skipRepositories } : {}),
  });
}
