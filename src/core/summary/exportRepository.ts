/**
 * `constellation export`: the expertise summary of one repository. With the previous summary and
 * the persisted history index, only the commits since the previous head are read (the ranking is
 * recomputed, so the result equals a full export) and the manifests are re-read only if one changed.
 */
import { loadCommunities } from '../communities/loadCommunities';
import type { OrgDirectory } from '../directory/orgDirectory';
import { loadDirectory, type LoadDirectoryOptions } from '../directory/orgDirectory';
import { HistoryIndexManager, type IndexUpdateKind } from '../engine/historyIndexManager';
import { mergeDirectoryAliases, mergeInferredAliases } from '../engine/identityMerge';
import type { GitRunner } from '../git/gitRunner';
import type { HistoryIndexData } from '../git/historyTypes';
import type { HistoryIndexStore } from '../git/indexStore';
import { isAncestor, rootCommits } from '../git/repository';
import { tagged, type Logger } from '../logger';
import { MANIFEST_FILES } from '../manifests/manifestParsers';
import { listTree, readPublishedPackages } from '../manifests/readManifests';
import { repositoryIdentity, sameRepositoryName, type RepositoryIdentity } from '../repositories/repositoryName';
import { buildSummary, DEFAULT_SUMMARY_LIMIT, summaryAsOf, summaryModel, summaryTargets } from './buildSummary';
import { defaultRankWorkers, PARALLEL_MIN_PATHS, rankPathsInParallel } from './parallelRanking';
import { foldedNoreplyLogins, stricterMode } from './identities';
import type { ExpertiseSummary, IdentityMode, SummaryCommunity, SummaryPackage } from './summaryTypes';

/**
 * The seam for the communities feature: the communities touching this repository, with their
 * figures. The default lists the communities of `.constellation/communities.yml` whose code areas
 * apply here, without figures.
 */
export type CommunityFiguresProvider = (context: { root: string; repository: RepositoryIdentity; index: HistoryIndexData; logger: Logger }) => Promise<SummaryCommunity[]>;

export interface ExportOptions {
  git: GitRunner;
  /** Work tree or bare git directory. */
  root: string;
  /** The repository's name in the hub instead of the remote's `owner/name` or the folder's name. */
  name?: string;
  /** Where history indexes persist between runs (CI: a cached folder); without it every export is cold. */
  store?: HistoryIndexStore;
  logger: Logger;
  /** The previous summary, or a lookup by repository name (a hub folder whose shard is the previous summary). */
  previous?: ExpertiseSummary | ((repositoryName: string) => Promise<ExpertiseSummary | undefined>);
  /** What the caller asks for; the directory's `export.identities` may make it stricter. */
  identities?: IdentityMode;
  limit?: number;
  /** Directory options (its path; a GitHub snapshot once wired). */
  directory?: LoadDirectoryOptions;
  communities?: CommunityFiguresProvider;
  /** Threads to rank a large repository in, this one included (default: the cores, at most 4; 1 = this thread only). */
  workers?: number;
  signal?: AbortSignal;
}

export interface ExportResult {
  summary: ExpertiseSummary;
  /** `incremental` when the persisted index was brought forward from the previous head. */
  mode: 'incremental' | 'full' | 'unchanged';
  indexUpdate?: IndexUpdateKind;
  packagesReused: boolean;
  directory: OrgDirectory;
  /** Threads the paths were ranked in. */
  threads: number;
}

export async function exportRepository(options: ExportOptions): Promise<ExportResult> {
  const logger = tagged(options.logger, 'export');
  const { git, root, signal } = options;
  const found = await repositoryIdentity(git, root, signal);
  const identity: RepositoryIdentity = options.name ? { ...found, name: options.name } : found;
  let previous = typeof options.previous === 'function' ? await options.previous(identity.name) : options.previous;
  if (previous && !sameRepositoryName(previous.repository.name, identity.name)) {
    logger.warn(`the previous summary is of ${previous.repository.name}, not ${identity.name}: ignored`);
    previous = undefined;
  }
  const manager = new HistoryIndexManager(git, options.store, logger);
  const rawIndex = await manager.ensureFresh(root, signal);
  if (!rawIndex) throw new Error(`no history in ${root}`);
  const indexUpdate = manager.lastUpdate(root);
  const { directory, diagnostics } = await loadDirectory(root, { logger: options.logger, ...options.directory });
  diagnostics.forEach((d) => logger.warn(`${d.file}:${d.line}:${d.column}: ${d.message}`));
  // One person, one identity, as the editor ranks: inferred aliases, then the directory's.
  const inferred = mergeInferredAliases(rawIndex);
  const index = mergeDirectoryAliases(inferred.index, directory);
  const logins = foldedNoreplyLogins(inferred.aliases, (email) => rawIndex.people.get(email)?.commits ?? 0, (email) => directory.canonicalEmail(email));
  const identities = stricterMode(options.identities ?? 'full', directory.exportIdentities());
  if (options.identities && identities !== options.identities) logger.info(`the directory allows identities "${identities}" only (asked: "${options.identities}")`);

  const reusable = previous && (await previousPackagesStillValid(git, root, previous, rawIndex.head, signal));
  const files = reusable ? undefined : await listTree(git, root, rawIndex.head, signal);
  const packages: SummaryPackage[] = reusable && previous ? previous.packages : await readPublishedPackages(git, root, rawIndex.head, logger, { files, signal });
  const communities = await (options.communities ?? defaultCommunities)({ root, repository: identity, index, logger });
  const limit = options.limit ?? DEFAULT_SUMMARY_LIMIT;
  const targets = summaryTargets(index);
  const workers = options.workers ?? defaultRankWorkers();
  const rankings = targets.length >= PARALLEL_MIN_PATHS || (options.workers ?? 0) > 1
    ? await rankPathsInParallel(index, targets, summaryModel(summaryAsOf(index)), limit, workers, logger)
    : undefined;
  // A shallow clone's roots are only where it was cut: they would tell one repository from itself.
  const sameHead = previous?.repository.head === rawIndex.head && previous.repository.roots !== undefined;
  const roots = rawIndex.shallow ? undefined : sameHead ? previous?.repository.roots : await rootCommits(git, root, rawIndex.head, signal);
  const summary = buildSummary({ index, directory, repository: { ...identity, roots }, identities, packages, communities, limit, rankings, logins });
  const mode = !previous ? 'full' : previous.repository.head === rawIndex.head ? 'unchanged' : indexUpdate === 'incremental' || indexUpdate === 'unchanged' || indexUpdate === 'loaded' ? 'incremental' : 'full';
  logger.info(`${identity.name} at ${rawIndex.head.slice(0, 10)}: ${summary.paths.length} paths, ${summary.people.length} people, ${packages.length} packages (${mode}, history index ${indexUpdate ?? 'built'})`);
  return { summary, mode, indexUpdate, packagesReused: Boolean(reusable), directory, threads: rankings ? workers : 1 };
}

/** The previous packages hold when its head is an ancestor and no manifest changed since. */
async function previousPackagesStillValid(git: GitRunner, root: string, previous: ExpertiseSummary, head: string, signal?: AbortSignal): Promise<boolean> {
  const before = previous.repository.head;
  if (!before || !/^[0-9a-f]{40,64}$/i.test(before)) return false;
  if (before === head) return true;
  try {
    if (!(await isAncestor(git, root, before, head, signal))) return false;
    const out = await git.run(['diff', '--name-only', '-z', '--no-renames', before, head, '--'], { cwd: root, signal, timeoutMs: 0 });
    return !out.split('\0').some((p) => MANIFEST_FILES[p.slice(p.lastIndexOf('/') + 1)] !== undefined);
  } catch {
    return false; // the previous head is not in this clone (shallow, rewritten): read the manifests
  }
}

const defaultCommunities: CommunityFiguresProvider = async ({ root, repository, logger }) => {
  const { communities } = await loadCommunities(root, logger);
  return communities
    .map((c) => ({ id: c.id, name: c.name, codeAreas: c.codeAreas.filter((a) => a.repo === undefined || sameRepositoryName(a.repo, repository.name)).map((a) => a.glob) }))
    .filter((c) => c.codeAreas.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
};
