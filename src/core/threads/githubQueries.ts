/** The GraphQL documents the Discussions backend sends; tests validate each against GitHub's schema. */

export const REPOSITORY_QUERY = `query ConstellationRepository($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    id
    hasDiscussionsEnabled
    discussionCategories(first: 50) {
      nodes { id name slug }
    }
  }
}`;

const COMMENT_FIELDS = `id body createdAt url author { login }`;

const COMMENTS_CONNECTION = `totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        ${COMMENT_FIELDS}
        replies(first: 50) { totalCount nodes { ${COMMENT_FIELDS} } }
      }`;

export const DISCUSSIONS_QUERY = `query ConstellationDiscussions($owner: String!, $name: String!, $categoryId: ID, $after: String) {
  repository(owner: $owner, name: $name) {
    discussions(first: 50, after: $after, categoryId: $categoryId, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id number title url body createdAt closed
        author { login }
        comments(first: 50) {
      ${COMMENTS_CONNECTION}
        }
      }
    }
  }
}`;

export const MORE_COMMENTS_QUERY = `query ConstellationDiscussionComments($id: ID!, $after: String) {
  node(id: $id) {
    ... on Discussion {
      comments(first: 50, after: $after) {
      ${COMMENTS_CONNECTION}
      }
    }
  }
}`;

export const CREATE_DISCUSSION_MUTATION = `mutation ConstellationCreateDiscussion($repositoryId: ID!, $categoryId: ID!, $title: String!, $body: String!) {
  createDiscussion(input: { repositoryId: $repositoryId, categoryId: $categoryId, title: $title, body: $body }) {
    discussion { id number title url body createdAt closed author { login } }
  }
}`;

export const ADD_COMMENT_MUTATION = `mutation ConstellationAddDiscussionComment($discussionId: ID!, $body: String!, $replyToId: ID) {
  addDiscussionComment(input: { discussionId: $discussionId, body: $body, replyToId: $replyToId }) {
    comment { ${COMMENT_FIELDS} replyTo { id } }
  }
}`;

export interface GqlActor {
  login: string;
}

export interface GqlComment {
  id: string;
  body: string;
  createdAt: string;
  url: string;
  author: GqlActor | null;
  replyTo?: { id: string } | null;
}

export interface GqlCommentConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<(GqlComment & { replies: { totalCount: number; nodes: GqlComment[] } }) | null>;
}

export interface GqlDiscussion {
  id: string;
  number: number;
  title: string;
  url: string;
  body: string;
  createdAt: string;
  closed: boolean;
  author: GqlActor | null;
  comments?: GqlCommentConnection;
}

export interface GqlRepository {
  id: string;
  hasDiscussionsEnabled: boolean;
  discussionCategories: { nodes: Array<{ id: string; name: string; slug: string } | null> };
}
