import { GitHubError, type GitHubErrorKind } from '../github/errors';

/** Why a backend call failed; drafts and the UI branch on `kind`, never on message text. Same kinds as GitHub's. */
export type ThreadBackendErrorKind = GitHubErrorKind;

export class ThreadBackendError extends Error {
  readonly kind: ThreadBackendErrorKind;
  /** When a rate limit lifts, for `rateLimited`. */
  readonly resetAt?: Date;
  /** HTTP status, when there was a response. */
  readonly status?: number;

  constructor(kind: ThreadBackendErrorKind, message: string, details: { resetAt?: Date; status?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ThreadBackendError';
    this.kind = kind;
    this.resetAt = details.resetAt;
    this.status = details.status;
  }

  /** The same failure, as a thread backend reports it. */
  static fromGitHub(error: GitHubError): ThreadBackendError {
    return new ThreadBackendError(error.kind, error.message, { resetAt: error.resetAt, status: error.status, cause: error });
  }
}

export function isThreadBackendError(value: unknown): value is ThreadBackendError {
  return value instanceof ThreadBackendError;
}

/** Runs backend work, reporting GitHub failures as ThreadBackendError. */
export async function asThreadBackendCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof GitHubError ? ThreadBackendError.fromGitHub(err) : err;
  }
}
