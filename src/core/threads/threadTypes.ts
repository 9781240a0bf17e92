import type { Anchor } from './anchor';

/** Where a community's threads live. `files` paths are absolute once loaded (see communities/loadCommunities). */
export type Venue =
  | { backend: 'github-discussions'; repository: string; category: string }
  | { backend: 'github-issues'; repository: string; labels?: string[] }
  | { backend: 'files'; path: string };

export type BackendKind = 'github-discussions' | 'github-issues' | 'files';

/** A person as a backend knows them: GitHub gives a login, the file store a name/email. */
export interface ThreadPerson {
  name?: string;
  email?: string;
  login?: string;
}

export interface ThreadComment {
  id: string;
  author: ThreadPerson;
  body: string;
  /** ISO 8601. */
  createdAt: string;
  /** The comment this one answers (GitHub allows one level of nesting). */
  replyTo?: string;
}

export type ThreadState = 'open' | 'closed';

export interface Thread {
  id: string;
  /** The backend that actually holds it (a discussions venue may fall back to issues). */
  backend: BackendKind;
  venue: Venue;
  title: string;
  url?: string;
  author: ThreadPerson;
  createdAt: string;
  anchor?: Anchor;
  body: string;
  comments: ThreadComment[];
  state: ThreadState;
}

/** What a person writes before the backend has it. */
export interface ThreadDraftContent {
  title: string;
  /** Full Markdown body, normally from composeThreadBody (anchor already embedded). */
  body: string;
  anchor?: Anchor;
  /** Who writes it; the file store records it, GitHub uses the token's user. */
  author?: ThreadPerson;
}

export interface BackendCallOptions {
  signal?: AbortSignal;
}

/** Options of adding a comment: which comment it answers, and who wrote it (file store). */
export type AddCommentOptions = BackendCallOptions & { replyTo?: string; author?: ThreadPerson };

export interface ThreadBackend {
  listThreads(venue: Venue, options?: BackendCallOptions): Promise<Thread[]>;
  createThread(venue: Venue, draft: ThreadDraftContent, options?: BackendCallOptions): Promise<Thread>;
  addComment(
    venue: Venue,
    threadId: string,
    body: string,
    options?: AddCommentOptions,
  ): Promise<ThreadComment>;
}
