/**
 * GitHub's GraphQL API for Discussions, served by the loopback server: every document is checked
 * with @octokit/graphql-schema's `validate` and then really executed (graphql-js) against GitHub's
 * published schema over an in-memory state, so answers have exactly the shape GitHub would give.
 */
import { buildClientSchema, graphql, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { Route, RouteResponse } from './githubServer';

export interface FakeComment {
  id: string;
  body: string;
  createdAt: string;
  author: string;
  replies: FakeComment[];
}

export interface FakeDiscussion {
  id: string;
  number: number;
  title: string;
  body: string;
  createdAt: string;
  closed: boolean;
  author: string;
  categoryId: string;
  comments: FakeComment[];
}

export interface FakeRepository {
  owner: string;
  name: string;
  id: string;
  hasDiscussionsEnabled: boolean;
  categories: Array<{ id: string; name: string; slug: string }>;
  discussions: FakeDiscussion[];
}

export interface GraphqlSchemaTools {
  schema: GraphQLSchema;
  /** @octokit/graphql-schema's validate: the errors of a document against GitHub's schema. */
  validate(document: string): ReadonlyArray<{ message: string }>;
}

let tools: Promise<GraphqlSchemaTools> | undefined;

/** @octokit/graphql-schema is ESM-only: load it with a real dynamic import (not compiled to require). */
export function loadGraphqlSchema(): Promise<GraphqlSchemaTools> {
  const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
    validate: GraphqlSchemaTools['validate'];
    schema: { json: IntrospectionQuery };
  }>;
  tools ??= importEsm('@octokit/graphql-schema').then((mod) => ({ schema: buildClientSchema(mod.schema.json), validate: mod.validate }));
  return tools;
}

export class FakeDiscussionsHub {
  readonly repositories: FakeRepository[] = [];
  /** Every GraphQL document received, in order. */
  readonly documents: string[] = [];
  private sequence = 0;

  constructor(readonly options: { token: string; viewer: string; webBase?: string }) {}

  addRepository(repo: Omit<FakeRepository, 'id' | 'discussions'> & { discussions?: FakeDiscussion[] }): FakeRepository {
    const full = { ...repo, id: this.nextId('R'), discussions: repo.discussions ?? [] };
    this.repositories.push(full);
    return full;
  }

  /** A discussion in the store, as if someone had created it on GitHub. */
  addDiscussion(repo: FakeRepository, fields: { title: string; body: string; categoryId: string; author: string; createdAt: string }): FakeDiscussion {
    const discussion: FakeDiscussion = { ...fields, id: this.nextId('D'), number: repo.discussions.length + 1, closed: false, comments: [] };
    repo.discussions.push(discussion);
    return discussion;
  }

  addComment(parent: FakeDiscussion | FakeComment, fields: { body: string; author: string; createdAt: string }): FakeComment {
    const comment: FakeComment = { ...fields, id: this.nextId('DC'), replies: [] };
    if ('comments' in parent) parent.comments.push(comment);
    else parent.replies.push(comment);
    return comment;
  }

  nextId(prefix: string): string {
    return `${prefix}_kwDO${(++this.sequence).toString(36).padStart(6, '0')}`;
  }

  /** The POST route serving this hub at `path` (`/graphql`, or `/api/graphql` for Enterprise). */
  route(path = '/graphql'): Route {
    return {
      method: 'POST',
      path,
      handler: async (request, body) => {
        const auth = request.headers.authorization ?? '';
        if (!/^(token|bearer) /i.test(auth) || auth.split(' ')[1] !== this.options.token) {
          return { status: 401, json: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' } };
        }
        const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
        this.documents.push(query);
        return this.execute(query, variables ?? {});
      },
    };
  }

  private async execute(source: string, variableValues: Record<string, unknown>): Promise<RouteResponse> {
    const { schema, validate } = await loadGraphqlSchema();
    const invalid = validate(source);
    if (invalid.length) {
      return { json: { errors: invalid.map((e) => ({ message: e.message })) } };
    }
    const result = await graphql({ schema, source, variableValues, rootValue: this.rootValue() });
    const errors = result.errors?.map((e) => ({ type: (e.originalError as { type?: string } | undefined)?.type, message: e.message, path: e.path }));
    return { json: errors ? { data: result.data ?? null, errors } : { data: result.data } };
  }

  private rootValue(): Record<string, unknown> {
    return {
      repository: ({ owner, name }: { owner: string; name: string }) => {
        const repo = this.findRepo(owner, name);
        if (!repo) throw typed('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
        return this.repositoryObject(repo);
      },
      node: ({ id }: { id: string }) => {
        for (const repo of this.repositories) {
          const d = repo.discussions.find((x) => x.id === id);
          if (d) return this.discussionObject(repo, d);
        }
        return null;
      },
      createDiscussion: ({ input }: { input: { repositoryId: string; categoryId: string; title: string; body: string } }) => {
        const repo = this.repositories.find((r) => r.id === input.repositoryId);
        if (!repo) throw typed('NOT_FOUND', `Could not resolve to a node with the global id of '${input.repositoryId}'`);
        if (!repo.hasDiscussionsEnabled || !repo.categories.some((c) => c.id === input.categoryId)) {
          throw typed('UNPROCESSABLE', 'Category is not valid for this repository');
        }
        const d = this.addDiscussion(repo, { title: input.title, body: input.body, categoryId: input.categoryId, author: this.options.viewer, createdAt: new Date().toISOString() });
        return { discussion: this.discussionObject(repo, d) };
      },
      addDiscussionComment: ({ input }: { input: { discussionId: string; body: string; replyToId?: string } }) => {
        for (const repo of this.repositories) {
          const d = repo.discussions.find((x) => x.id === input.discussionId);
          if (!d) continue;
          let parent: FakeComment | undefined;
          if (input.replyToId) {
            parent = d.comments.find((c) => c.id === input.replyToId);
            if (!parent) throw typed('UNPROCESSABLE', 'replyToId must be a top-level comment of this discussion');
          }
          const comment = this.addComment(parent ?? d, { body: input.body, author: this.options.viewer, createdAt: new Date().toISOString() });
          return { comment: this.commentObject(repo, d, comment, parent) };
        }
        throw typed('NOT_FOUND', `Could not resolve to a node with the global id of '${input.discussionId}'`);
      },
    };
  }

  private findRepo(owner: string, name: string): FakeRepository | undefined {
    return this.repositories.find((r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase());
  }

  private repositoryObject(repo: FakeRepository): Record<string, unknown> {
    return {
      __typename: 'Repository',
      id: repo.id,
      hasDiscussionsEnabled: repo.hasDiscussionsEnabled,
      discussionCategories: (args: PageArgs) => connection(repo.categories, args, (c) => ({ __typename: 'DiscussionCategory', ...c })),
      discussions: (args: PageArgs & { categoryId?: string; orderBy?: { field: string; direction: string } }) => {
        const chosen = repo.discussions.filter((d) => !args.categoryId || d.categoryId === args.categoryId);
        const sorted = [...chosen].sort((a, b) => a.createdAt.localeCompare(b.createdAt) * (args.orderBy?.direction === 'ASC' ? 1 : -1));
        return connection(sorted, args, (d) => this.discussionObject(repo, d));
      },
    };
  }

  private discussionObject(repo: FakeRepository, d: FakeDiscussion): Record<string, unknown> {
    return {
      __typename: 'Discussion',
      id: d.id,
      number: d.number,
      title: d.title,
      url: `${this.webBase()}/${repo.owner}/${repo.name}/discussions/${d.number}`,
      body: d.body,
      createdAt: d.createdAt,
      closed: d.closed,
      author: actor(d.author),
      comments: (args: PageArgs) => connection(d.comments, args, (c) => this.commentObject(repo, d, c)),
    };
  }

  private commentObject(repo: FakeRepository, d: FakeDiscussion, c: FakeComment, parent?: FakeComment): Record<string, unknown> {
    return {
      __typename: 'DiscussionComment',
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      url: `${this.webBase()}/${repo.owner}/${repo.name}/discussions/${d.number}#discussioncomment-${c.id}`,
      author: actor(c.author),
      replyTo: parent ? this.commentObject(repo, d, parent) : null,
      replies: (args: PageArgs) => connection(c.replies, args, (r) => this.commentObject(repo, d, r, c)),
    };
  }

  private webBase(): string {
    return this.options.webBase ?? 'https://github.com';
  }
}

interface PageArgs {
  first?: number;
  after?: string;
}

/** A Relay connection with GitHub's rules: `first` is required and at most 100. */
function connection<T>(items: readonly T[], args: PageArgs, map: (item: T) => Record<string, unknown>): Record<string, unknown> {
  if (args.first === undefined || args.first < 0 || args.first > 100) {
    throw typed('INVALID_ARGUMENTS', 'You must provide a `first` or `last` value between 0 and 100 to properly paginate the connection.');
  }
  const start = args.after ? Number(Buffer.from(args.after, 'base64').toString('utf8').split(':')[1]) + 1 : 0;
  const slice = items.slice(start, start + args.first);
  const cursor = (i: number): string => Buffer.from(`cursor:${start + i}`).toString('base64');
  return {
    totalCount: items.length,
    pageInfo: { hasNextPage: start + slice.length < items.length, hasPreviousPage: start > 0, endCursor: slice.length ? cursor(slice.length - 1) : null, startCursor: slice.length ? cursor(0) : null },
    nodes: slice.map(map),
    edges: slice.map((item, i) => ({ cursor: cursor(i), node: map(item) })),
  };
}

function actor(login: string): Record<string, unknown> {
  return { __typename: 'User', login };
}

function typed(type: string, message: string): Error {
  return Object.assign(new Error(message), { type });
}
