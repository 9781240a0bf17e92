import type { Logger } from '../logger';
import { parseAnchor } from './anchor';
import type { GitHubClient } from '../github/client';
import { GitHubError, malformed } from '../github/errors';
import {
  ADD_COMMENT_MUTATION,
  CREATE_DISCUSSION_MUTATION,
  DISCUSSIONS_QUERY,
  MORE_COMMENTS_QUERY,
  REPOSITORY_QUERY,
  type GqlComment,
  type GqlCommentConnection,
  type GqlDiscussion,
  type GqlRepository,
} from './githubQueries';
import type { Thread, ThreadComment, ThreadDraftContent, Venue } from './threadTypes';

export interface RepoRef {
  owner: string;
  name: string;
}

/** Stops listing after this many discussions, newest first. */
const MAX_DISCUSSIONS = 500;
const MAX_COMMENT_PAGES = 20;

/** GitHub Discussions through GraphQL. */
export class DiscussionsApi {
  constructor(private readonly client: GitHubClient, private readonly logger: Logger) {}

  async repository(repo: RepoRef, signal?: AbortSignal): Promise<GqlRepository> {
    const data = await this.query<{ repository: GqlRepository | null }>('repository', REPOSITORY_QUERY, { owner: repo.owner, name: repo.name }, signal);
    if (!isObject(data) || !('repository' in data)) {
      throw malformed('the repository query');
    }
    if (!data.repository) {
      throw new GitHubError('notFound', `repository ${repo.owner}/${repo.name} not found or not visible with this token`);
    }
    return data.repository;
  }

  async list(venue: Venue, repo: RepoRef, categoryId: string, signal?: AbortSignal): Promise<Thread[]> {
    const threads: Thread[] = [];
    let after: string | null = null;
    do {
      type Page = { repository: { discussions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<GqlDiscussion | null> } } | null };
      const data: Page = await this.query<Page>('discussions', DISCUSSIONS_QUERY, { owner: repo.owner, name: repo.name, categoryId, after }, signal);
      const page = data?.repository?.discussions;
      if (!page || !Array.isArray(page.nodes)) {
        throw malformed('the discussions query');
      }
      for (const node of page.nodes) {
        if (node) {
          const comments = node.comments ? await this.allComments(node.id, node.comments, signal) : [];
          threads.push(toThread(node, venue, comments));
        }
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      if (threads.length >= MAX_DISCUSSIONS && after) {
        this.logger.info(`listed the newest ${threads.length} discussions of ${repo.owner}/${repo.name}; older ones skipped`);
        break;
      }
    } while (after);
    return threads;
  }

  async create(venue: Venue, repositoryId: string, categoryId: string, draft: ThreadDraftContent, signal?: AbortSignal): Promise<Thread> {
    const data = await this.query<{ createDiscussion: { discussion: GqlDiscussion | null } | null }>(
      'createDiscussion',
      CREATE_DISCUSSION_MUTATION,
      { repositoryId, categoryId, title: draft.title, body: draft.body },
      signal,
      true,
    );
    const discussion = data?.createDiscussion?.discussion;
    if (!discussion || typeof discussion.id !== 'string') {
      throw malformed('createDiscussion');
    }
    return toThread(discussion, venue, []);
  }

  async comment(discussionId: string, body: string, replyTo: string | undefined, signal?: AbortSignal): Promise<ThreadComment> {
    const data = await this.query<{ addDiscussionComment: { comment: GqlComment | null } | null }>(
      'addDiscussionComment',
      ADD_COMMENT_MUTATION,
      { discussionId, body, replyToId: replyTo ?? null },
      signal,
      true,
    );
    const comment = data?.addDiscussionComment?.comment;
    if (!comment || typeof comment.id !== 'string') {
      throw malformed('addDiscussionComment');
    }
    return toComment(comment, comment.replyTo?.id ?? undefined);
  }

  /** The first page came with the discussion; later pages are fetched per discussion. */
  private async allComments(discussionId: string, first: GqlCommentConnection, signal?: AbortSignal): Promise<ThreadComment[]> {
    const comments = flatten(first);
    let page = first;
    for (let n = 1; page.pageInfo?.hasNextPage && page.pageInfo.endCursor && n < MAX_COMMENT_PAGES; n++) {
      const data = await this.query<{ node: { comments?: GqlCommentConnection } | null }>('discussion comments', MORE_COMMENTS_QUERY, { id: discussionId, after: page.pageInfo.endCursor }, signal);
      const next = data?.node?.comments;
      if (!next || !Array.isArray(next.nodes)) {
        throw malformed('the discussion comments query');
      }
      comments.push(...flatten(next));
      page = next;
    }
    return comments;
  }

  /** `write`: a mutation, never resent automatically (a resent create makes a second discussion). */
  private query<T>(what: string, document: string, variables: Record<string, unknown>, signal?: AbortSignal, write = false): Promise<T> {
    return this.client.call(what, signal, async (request) => {
      const data: unknown = await this.client.octokit.graphql<T>(document, { ...variables, request });
      if (!isObject(data)) {
        throw malformed(what);
      }
      return data as T;
    }, { write });
  }
}

function flatten(connection: GqlCommentConnection): ThreadComment[] {
  const out: ThreadComment[] = [];
  for (const node of connection.nodes ?? []) {
    if (!node) continue;
    out.push(toComment(node));
    for (const reply of node.replies?.nodes ?? []) {
      if (reply) out.push(toComment(reply, node.id));
    }
  }
  return out;
}

function toComment(c: GqlComment, replyTo?: string): ThreadComment {
  return { id: c.id, author: c.author ? { login: c.author.login } : {}, body: c.body ?? '', createdAt: c.createdAt, ...(replyTo ? { replyTo } : {}) };
}

function toThread(d: GqlDiscussion, venue: Venue, comments: ThreadComment[]): Thread {
  return {
    id: d.id,
    backend: 'github-discussions',
    venue,
    title: d.title,
    url: d.url,
    author: d.author ? { login: d.author.login } : {},
    createdAt: d.createdAt,
    anchor: parseAnchor(d.body),
    body: d.body ?? '',
    comments,
    state: d.closed ? 'closed' : 'open',
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
