/** Why a backend call failed; drafts and the UI branch on `kind`, never on message text. */
export type ThreadBackendErrorKind =
  | 'offline'
  | 'unauthorized'
  | 'forbidden'
  | 'rateLimited'
  | 'server'
  | 'notFound'
  | 'invalid'
  | 'aborted';

export class ThreadBackendError extends Error {
  readonly kind: ThreadBackendErrorKind;
  /** When a rate limit lifts (ISO 8601), for `rateLimited`. */
  readonly resetAt?: string;
  /** HTTP status, when there was a response. */
  readonly status?: number;

  constructor(kind: ThreadBackendErrorKind, message: string, details: { resetAt?: string; status?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ThreadBackendError';
    this.kind = kind;
    this.resetAt = details.resetAt;
    this.status = details.status;
  }
}

export function isThreadBackendError(value: unknown): value is ThreadBackendError {
  return value instanceof ThreadBackendError;
}
