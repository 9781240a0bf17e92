/** One taxonomy for every GitHub failure, whichever feature made the call. Messages never carry a token. */
export type GitHubErrorKind =
  | 'offline'
  | 'unauthorized'
  | 'forbidden'
  | 'rateLimited'
  | 'server'
  | 'notFound'
  | 'invalid'
  | 'aborted';

export class GitHubError extends Error {
  readonly kind: GitHubErrorKind;
  /** HTTP status, when there was a response. */
  readonly status?: number;
  /** For `rateLimited`: when the limit lifts. */
  readonly resetAt?: Date;

  constructor(kind: GitHubErrorKind, message: string, details: { status?: number; resetAt?: Date; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GitHubError';
    this.kind = kind;
    this.status = details.status;
    this.resetAt = details.resetAt;
  }
}

interface HttpLikeError {
  status?: number;
  message?: string;
  name?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  errors?: Array<{ type?: string; message?: string }>;
  headers?: Record<string, string | number | undefined>;
}

export interface ErrorContext {
  /** The caller's signal: when aborted, the error is `aborted`. */
  signal?: AbortSignal;
  /** Our own request timeout fired: GitHub did not answer in time. */
  timedOut?: boolean;
  timeoutMs?: number;
  now?: () => number;
}

const NETWORK = /fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|socket|network|other side closed/i;

/** Turns whatever octokit (or fetch) threw into a GitHubError with a kind callers act on. */
export function toGitHubError(err: unknown, ctx: ErrorContext = {}): GitHubError {
  if (err instanceof GitHubError) return err;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as HttpLikeError;
  const message = firstLine(e.message) || 'GitHub request failed';
  if (ctx.signal?.aborted) return new GitHubError('aborted', 'the request was cancelled', { cause: err });
  if (ctx.timedOut) return new GitHubError('offline', `GitHub did not answer within ${Math.round((ctx.timeoutMs ?? 0) / 1000)} s`, { cause: err });
  if (e.name === 'AbortError') return new GitHubError('aborted', 'the request was cancelled', { cause: err });
  const headers = e.response?.headers ?? e.headers ?? {};
  const now = ctx.now ?? Date.now;
  const graphqlTypes = (e.errors ?? (e.response?.data as HttpLikeError | undefined)?.errors ?? []).map((x) => x.type);
  const rateLimited =
    String(headers['x-ratelimit-remaining']) === '0' ||
    graphqlTypes.includes('RATE_LIMITED') ||
    ((e.status === 403 || e.status === 429) && (headers['retry-after'] !== undefined || /rate limit/i.test(message)));
  if (rateLimited) {
    return new GitHubError('rateLimited', `GitHub rate limit reached: ${message}`, { status: e.status, resetAt: resetTime(headers, now()), cause: err });
  }
  if (graphqlTypes.length) {
    const kind = graphqlTypes.includes('NOT_FOUND') ? 'notFound' : graphqlTypes.includes('FORBIDDEN') ? 'forbidden' : 'invalid';
    return new GitHubError(kind, message, { cause: err });
  }
  if (e.response === undefined && (e.name === 'HttpError' || NETWORK.test(message))) {
    // No response at all: DNS, refused connection, reset socket.
    return new GitHubError('offline', `cannot reach GitHub: ${message}`, { cause: err });
  }
  switch (e.status) {
    case 401:
      return new GitHubError('unauthorized', 'GitHub rejected the token (401): sign in again', { status: 401, cause: err });
    case 403:
      return new GitHubError('forbidden', `GitHub refused (403): ${message}`, { status: 403, cause: err });
    case 404:
    case 410:
      return new GitHubError('notFound', `not found on GitHub (${e.status}): ${message}`, { status: e.status, cause: err });
    case 400:
    case 422:
      return new GitHubError('invalid', `GitHub rejected the request (${e.status}): ${message}`, { status: e.status, cause: err });
    case undefined:
      return new GitHubError('server', message, { cause: err });
    default:
      return new GitHubError('server', `GitHub server error (${e.status}): ${message}`, { status: e.status, cause: err });
  }
}

/** Data that is not the JSON object GitHub always sends: a proxy page, a truncated body. */
export function malformed(what: string): GitHubError {
  return new GitHubError('server', `GitHub sent a malformed response to ${what}`);
}

function resetTime(headers: Record<string, string | number | undefined>, now: number): Date {
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return new Date(reset * 1000);
  const retryAfter = Number(headers['retry-after']);
  return new Date(now + (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60) * 1000);
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim().slice(0, 300);
}
