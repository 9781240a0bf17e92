import { GitHubError, type GitHubErrorKind } from '../github/errors';

/** Why a backend call failed; drafts and the UI branch on `kind`, never on message text. Same kinds as GitHub's. */
export type ThreadBackendErrorKind = GitHubErrorKind;

/** A GitHubError by another name: every venue (files included) fails in the one taxonomy. */
export class ThreadBackendError extends GitHubError {
  declare readonly kind: ThreadBackendErrorKind;

  constructor(kind: ThreadBackendErrorKind, message: string, details: { resetAt?: Date; status?: number; cause?: unknown } = {}) {
    super(kind, message, details);
    this.name = 'ThreadBackendError';
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
    throw err instanceof GitHubError && !(err instanceof ThreadBackendError) ? ThreadBackendError.fromGitHub(err) : err;
  }
}
