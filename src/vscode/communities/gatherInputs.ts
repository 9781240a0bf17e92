/**
 * What the community report is computed from, gathered through the other features' narrow APIs:
 * every repository of the registry (nested ones too) with its history index (ExpertsApi), the
 * communities config and every venue's threads (ThreadsApi), the pattern catalogue (PatternsApi),
 * and the org directory of the home repository (the platform). The cache key says when two
 * gatherings would give the same report.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { CommunityIndex } from '../../core/communities/communityIndex';
import type { Community } from '../../core/communities/communityTypes';
import { DAY } from '../../core/communities/reportInputs';
import type { CommunityInputs, CommunityReportOptions, RepositoryHistory } from '../../core/communities/reportInputs';
import type { OrgDirectory } from '../../core/directory/orgDirectory';
import { parseRemoteUrl } from '../../core/threads/permalink';
import type { ExpertsApi } from '../experts/expertsFeature';
import { communityDirectory } from '../../core/hub/communityContext';
import type { PatternsApi } from '../patterns/patternsApi';
import { setting } from '../platform/configuration';
import type { Platform } from '../platform/platform';
import type { GitRepository } from '../platform/repositories';
import type { ThreadsApi } from '../threads/threadsApi';
import type { GatheredContext, WorkspaceRepository } from './snapshot';

export interface InputDeps {
  platform: Platform;
  experts: ExpertsApi;
  patterns: PatternsApi;
  threads: ThreadsApi;
}

export interface Gathered {
  key: string;
  inputs: CommunityInputs;
  options: CommunityReportOptions;
  context: GatheredContext;
}

export async function gatherInputs(deps: InputDeps, signal: AbortSignal): Promise<Gathered> {
  const { platform } = deps;
  const found = (await platform.repositories.discover({ signal })).repositories;
  const repositories = await nameRepositories(found);
  const notes: string[] = [];
  const configs = await deps.threads.communityConfigs(repositories.map((r) => r.root));
  const declaring = configs.filter((c) => c.file);
  const home = repositories.find((r) => r.root === declaring[0]?.root) ?? repositories[0];
  const communities: Community[] = [];
  const firstFile = new Map<string, string>();
  for (const config of declaring) {
    const repo = repositories.find((r) => r.root === config.root)!;
    for (const community of config.communities) {
      const earlier = firstFile.get(community.id);
      if (earlier) {
        notes.push(`${config.file}: community "${community.id}" is already declared in ${earlier}; that one is used`);
        continue;
      }
      firstFile.set(community.id, config.file!);
      // Unprefixed globs of another repository's config apply to that repository only.
      communities.push(repo === home ? community : { ...community, codeAreas: community.codeAreas.map((a) => ({ ...a, repo: a.repo ?? repo.name })) });
    }
  }

  const histories: RepositoryHistory[] = [];
  for (const repo of repositories) {
    const index = await deps.experts.historyIndex(repo.root, signal);
    if (index) histories.push({ name: repo.name, index });
    else notes.push(`${repo.root}: no history to read`);
  }
  // The same directory the hub's figures place people with (OrgApi.hubActivity with this home).
  const directory = await communityDirectory(platform.directory, home);
  const patterns = deps.patterns.catalogue()?.patterns ?? [];
  const threads = deps.threads.venueThreads();
  const inputs: CommunityInputs = {
    communities,
    repositories: histories,
    ...(home ? { homeRepository: home.name } : {}),
    patterns,
    threads: threads.map((t) => ({ community: t.community, threads: t.threads })),
    ...(directory ? { directory } : {}),
  };
  const now = Date.now() / 1000;
  const options: CommunityReportOptions = {
    now,
    windowDays: Math.max(1, setting('communities.windowDays')),
    formerAfterDays: setting('experts.formerAfterDays'),
    extraBots: setting('experts.extraBots'),
  };
  const key = cacheKey(inputs, options, directory);
  const context: GatheredContext = {
    repositories, home, configFiles: declaring.map((c) => c.file!), communities, index: new CommunityIndex(communities, home?.name), patterns, threads, directory, notes,
  };
  return { key, inputs, options, context };
}

/** Same heads, config, directory, patterns, threads, settings and day: same report. */
function cacheKey(inputs: CommunityInputs, options: CommunityReportOptions, directory: OrgDirectory | undefined): string {
  const hash = createHash('sha1');
  const part = (value: unknown): void => {
    hash.update(JSON.stringify(value) ?? 'undefined');
    hash.update('\0');
  };
  part(inputs.repositories.map((r) => [r.name, r.index.repository, r.index.head, r.index.commitCount]));
  part(inputs.communities);
  part(inputs.homeRepository);
  part(directory?.toConfig());
  part((inputs.patterns ?? []).map((p) => [p.id, p.community, p.status, p.maintainers, p.file]));
  part((inputs.threads ?? []).map((t) => [t.community, t.threads.map((th) => [th.id, th.state, th.author, th.comments.map((c) => [c.author, c.createdAt])])]));
  part([options.windowDays, options.formerAfterDays, options.extraBots, Math.floor(options.now / DAY)]);
  return hash.digest('hex');
}

/** `owner/name` of origin (else the first remote), else the folder's name; a clash gets the folder name appended. */
async function nameRepositories(repositories: readonly GitRepository[]): Promise<WorkspaceRepository[]> {
  const named: WorkspaceRepository[] = [];
  for (const repository of repositories) {
    const config = await repository.config();
    const origin = config.remotes.find((r) => r.name === 'origin') ?? config.remotes[0];
    const remote = origin && parseRemoteUrl(origin.url);
    let name = remote ? `${remote.owner}/${remote.name}` : path.basename(repository.root);
    if (named.some((r) => r.name.toLowerCase() === name.toLowerCase())) name = `${name}@${path.basename(repository.root)}`;
    named.push({ root: repository.root, name });
  }
  return named;
}
