import type { BlameCache } from '../git/blame';
import type { GitRunner } from '../git/gitRunner';
import type { BlameSummary, HistoryIndexData } from '../git/historyTypes';
import { currentUserEmail } from '../git/repositoryConfig';
import type { Placement, Relationship } from '../directory/types';
import { rankExperts } from '../experts/ranking';
import type { ExpertModelOptions, ExpertRanking } from '../experts/types';
import type { Logger } from '../logger';
import type { DirectoryCache } from './directoryCache';
import type { HistoryIndexManager } from './historyIndexManager';
import { foldBlameAliases, mergeBlameAliases, mergeDirectoryAliases, mergeInferredAliases } from './identityMerge';
import { PromiseCache } from '../util/promiseCache';

export interface ExpertQuery {
  repository: string;
  /** Repo-relative path with forward slashes; a folder when `kind` is 'folder'. */
  path: string;
  kind: 'lines' | 'file' | 'folder';
  startLine?: number;
  endLine?: number;
  /** The editor's unsaved text, so blame matches what the user sees. */
  contents?: string;
  limit?: number;
  signal?: AbortSignal;
  /**
   * Wait at most this long for the org directory, then classify with the one loaded now (the
   * hover: a big directory.yml being parsed must not hold it up). Default: wait until it is loaded.
   */
  directoryWaitMs?: number;
}

export interface ExpertQueryContext {
  /** Blame at this revision instead of the work tree (CLI `--at`). */
  revision?: string;
  /** Use this index instead of the managed one (CLI `--at`). */
  index?: HistoryIndexData;
}

/**
 * Answers "who knows this code?" from what is already known: the current history index
 * (never waiting for a build), blame for the range (cached), and the org directory.
 */
export class ExpertQueryService {
  private readonly youByRepo = new PromiseCache<string | undefined>();

  constructor(
    private readonly git: GitRunner,
    private readonly indexes: HistoryIndexManager,
    private readonly blameCache: BlameCache,
    private readonly directories: DirectoryCache,
    private readonly modelOptions: () => ExpertModelOptions,
    private readonly logger: Logger,
    /** Who "you" are in a repository; the editor's repository registry knows and caches it. */
    private readonly userEmail?: (repository: string) => Promise<string | undefined>,
  ) {}

  async rank(query: ExpertQuery, context: ExpertQueryContext = {}): Promise<ExpertRanking | undefined> {
    const rawIndex = context.index ?? this.indexes.current(query.repository);
    const partial = !context.index && this.indexes.state(query.repository) !== 'ready';
    if (!rawIndex) {
      // Nothing to rank yet: start the directory meanwhile, so it is ready with the index.
      if (query.directoryWaitMs !== undefined) this.directories.current(query.repository);
      return undefined;
    }
    const [{ directory }, youEmail] = await Promise.all([
      query.directoryWaitMs === undefined ? this.directories.get(query.repository) : this.directories.within(query.repository, query.directoryWaitMs),
      this.you(query.repository),
    ]);
    const inferred = mergeInferredAliases(rawIndex);
    const index = mergeDirectoryAliases(inferred.index, directory);
    const rawBlame = query.kind === 'lines' ? await this.blame(query, rawIndex, context) : undefined;
    const blame = rawBlame && mergeBlameAliases(foldBlameAliases(rawBlame, (email) => inferred.aliases.get(email) ?? email), directory);
    const you: Placement = youEmail ? directory.placementOf({ email: youEmail }) : { email: '' };
    const classify = (email: string, name: string): { placement: Placement; relationship: Relationship } => {
      const placement = directory.placementOf({ email, name });
      return { placement, relationship: youEmail ? directory.relationship(you, placement) : 'unknown' };
    };
    const ranking = rankExperts({
      index,
      target: { path: query.path, kind: query.kind, startLine: query.startLine, endLine: query.endLine },
      blame,
      options: this.modelOptions(),
      classify,
      limit: query.limit,
      partial,
    });
    const owners = directory.codeownersOf(query.path).map((handle) => directory.teamByGitHubHandle(handle)?.name ?? handle);
    return owners.length > 0 ? { ...ranking, owners } : ranking;
  }

  /** Forget cached identities (git config may have changed). */
  invalidateYou(): void {
    this.youByRepo.clear();
  }

  private you(repository: string): Promise<string | undefined> {
    if (this.userEmail) return this.userEmail(repository).catch(() => undefined);
    return this.youByRepo.get(repository, () => currentUserEmail(this.git, repository).catch(() => undefined));
  }

  private async blame(query: ExpertQuery, index: HistoryIndexData, context: ExpertQueryContext): Promise<BlameSummary | undefined> {
    if (query.startLine === undefined || query.endLine === undefined) return undefined;
    try {
      return await this.blameCache.get(this.git, query.repository, context.revision ?? index.head, query.path, {
        startLine: query.startLine,
        endLine: query.endLine,
        rev: context.revision,
        contents: query.contents,
        signal: query.signal,
      });
    } catch (err) {
      // A new file or a range past the end has no blame; the file's history still ranks.
      this.logger.debug(`blame unavailable for ${query.path}: ${(err as Error).message}`);
      return undefined;
    }
  }
}
