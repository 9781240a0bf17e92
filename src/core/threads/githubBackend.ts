import { tagged } from '../logger';
import { GitHubClient, type GitHubClientOptions } from '../github/client';
import { asThreadBackendCall, ThreadBackendError } from './backendError';
import { DiscussionsApi, type RepoRef } from './githubDiscussions';
import { IssuesApi } from './githubIssues';
import type { GqlRepository } from './githubQueries';
import type { AddCommentOptions, BackendCallOptions, Thread, ThreadBackend, ThreadComment, ThreadDraftContent, Venue } from './threadTypes';

/** The session's client, or the options to build one (CLI, tests). */
export type GitHubThreadBackendOptions = (GitHubClientOptions | { client: GitHubClient; logger: GitHubClientOptions['logger'] }) & {
  /** How long a repository's Discussions settings are trusted (default 5 min). */
  repositoryCacheMs?: number;
};

/**
 * Threads on GitHub: Discussions (GraphQL) in the venue's category, or Issues (REST) when the
 * venue asks for them or the repository has Discussions turned off. Thread ids are discussion
 * node ids, or issue numbers for issues.
 */
export class GitHubThreadBackend implements ThreadBackend {
  private readonly discussions: DiscussionsApi;
  private readonly issues: IssuesApi;
  private readonly cacheMs: number;
  private readonly repositories = new Map<string, { info: GqlRepository; at: number }>();

  constructor(options: GitHubThreadBackendOptions) {
    const logger = tagged(options.logger, 'github');
    const client = 'client' in options ? options.client : new GitHubClient({ ...options, logger });
    this.discussions = new DiscussionsApi(client, logger);
    this.issues = new IssuesApi(client, logger);
    this.cacheMs = options.repositoryCacheMs ?? 5 * 60_000;
  }

  listThreads(venue: Venue, options: BackendCallOptions = {}): Promise<Thread[]> {
    return asThreadBackendCall(async () => {
      const target = await this.resolve(venue, options.signal);
      return target.kind === 'discussions'
        ? this.discussions.list(venue, target.repo, target.categoryId, options.signal)
        : this.issues.list(venue, target.repo, target.labels, options.signal);
    });
  }

  createThread(venue: Venue, draft: ThreadDraftContent, options: BackendCallOptions = {}): Promise<Thread> {
    return asThreadBackendCall(async () => {
      const target = await this.resolve(venue, options.signal);
      return target.kind === 'discussions'
        ? this.discussions.create(venue, target.repositoryId, target.categoryId, draft, options.signal)
        : this.issues.create(venue, target.repo, target.labels, draft, options.signal);
    });
  }

  addComment(venue: Venue, threadId: string, body: string, options: AddCommentOptions = {}): Promise<ThreadComment> {
    return asThreadBackendCall(async () => {
      const repo = parseRepository(venue);
      if (/^\d+$/.test(threadId)) {
        return this.issues.comment(repo, Number(threadId), body, options.replyTo, options.signal);
      }
      if (venue.backend !== 'github-discussions') {
        throw new ThreadBackendError('invalid', `${threadId} is not an issue number`);
      }
      return this.discussions.comment(threadId, body, options.replyTo, options.signal);
    });
  }

  private async resolve(
    venue: Venue,
    signal?: AbortSignal,
  ): Promise<{ kind: 'discussions'; repo: RepoRef; repositoryId: string; categoryId: string } | { kind: 'issues'; repo: RepoRef; labels: string[] }> {
    const repo = parseRepository(venue);
    if (venue.backend === 'github-issues') {
      return { kind: 'issues', repo, labels: venue.labels ?? [] };
    }
    if (venue.backend !== 'github-discussions') {
      throw new ThreadBackendError('invalid', 'not a GitHub venue');
    }
    const info = await this.repository(repo, signal);
    if (!info.hasDiscussionsEnabled) {
      return { kind: 'issues', repo, labels: [] };
    }
    const wanted = venue.category.trim().toLowerCase();
    const categories = (info.discussionCategories?.nodes ?? []).filter((c): c is NonNullable<typeof c> => c !== null);
    const category = categories.find((c) => c.name.toLowerCase() === wanted || c.slug.toLowerCase() === wanted);
    if (!category) {
      const known = categories.map((c) => c.name).join(', ') || 'none';
      throw new ThreadBackendError('invalid', `no discussion category "${venue.category}" in ${repo.owner}/${repo.name} (categories: ${known})`);
    }
    return { kind: 'discussions', repo, repositoryId: info.id, categoryId: category.id };
  }

  private async repository(repo: RepoRef, signal?: AbortSignal): Promise<GqlRepository> {
    const key = `${repo.owner}/${repo.name}`.toLowerCase();
    const cached = this.repositories.get(key);
    if (cached && Date.now() - cached.at < this.cacheMs) {
      return cached.info;
    }
    const info = await this.discussions.repository(repo, signal);
    this.repositories.set(key, { info, at: Date.now() });
    return info;
  }
}

function parseRepository(venue: Venue): RepoRef {
  if (venue.backend === 'files') {
    throw new ThreadBackendError('invalid', 'a files venue is not on GitHub');
  }
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(venue.repository.trim());
  if (!match) {
    throw new ThreadBackendError('invalid', `"${venue.repository}" is not an owner/repo name`);
  }
  return { owner: match[1], name: match[2] };
}
