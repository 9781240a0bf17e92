import { ThreadBackendError } from './backendError';

interface HttpLikeError {
  status?: number;
  message?: string;
  name?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  errors?: Array<{ type?: string; message?: string }>;
  headers?: Record<string, string | undefined>;
}

export interface ErrorContext {
  /** The caller's signal: when aborted, the error is `aborted`. */
  signal?: AbortSignal;
  /** Our own request timeout fired: GitHub did not answer in time. */
  timedOut?: boolean;
  timeoutMs?: number;
  now?: () => number;
}

/** Turns whatever octokit threw into a ThreadBackendError with a kind the UI and drafts act on. */
export function toThreadBackendError(err: unknown, ctx: ErrorContext = {}): ThreadBackendError {
  if (err instanceof ThreadBackendError) {
    return err;
  }
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as HttpLikeError;
  const message = firstLine(e.message) || 'GitHub request failed';
  if (ctx.signal?.aborted) {
    return new ThreadBackendError('aborted', 'the request was cancelled', { cause: err });
  }
  if (ctx.timedOut) {
    return new ThreadBackendError('offline', `GitHub did not answer within ${Math.round((ctx.timeoutMs ?? 0) / 1000)} s`, { cause: err });
  }
  if (e.name === 'AbortError') {
    return new ThreadBackendError('aborted', 'the request was cancelled', { cause: err });
  }
  const headers = e.response?.headers ?? e.headers ?? {};
  const now = ctx.now ?? Date.now;
  const graphqlTypes = (e.errors ?? (e.response?.data as HttpLikeError | undefined)?.errors ?? []).map((x) => x.type);
  const rateLimited =
    headers['x-ratelimit-remaining'] === '0' ||
    graphqlTypes.includes('RATE_LIMITED') ||
    ((e.status === 403 || e.status === 429) && (headers['retry-after'] !== undefined || /rate limit/i.test(message)));
  if (rateLimited) {
    return new ThreadBackendError('rateLimited', `GitHub rate limit reached: ${message}`, { status: e.status, resetAt: resetTime(headers, now()), cause: err });
  }
  if (e.status !== undefined && e.response === undefined && e.name === 'HttpError') {
    // No response at all: DNS, refused connection, reset socket.
    return new ThreadBackendError('offline', `cannot reach GitHub: ${message}`, { cause: err });
  }
  if (graphqlTypes.length) {
    const kind = graphqlTypes.includes('NOT_FOUND') ? 'notFound' : graphqlTypes.includes('FORBIDDEN') ? 'forbidden' : 'invalid';
    return new ThreadBackendError(kind, message, { cause: err });
  }
  switch (e.status) {
    case 401:
      return new ThreadBackendError('unauthorized', 'GitHub rejected the token (401): sign in again', { status: 401, cause: err });
    case 403:
      return new ThreadBackendError('forbidden', `GitHub refused (403): ${message}`, { status: 403, cause: err });
    case 404:
    case 410:
      return new ThreadBackendError('notFound', `not found on GitHub (${e.status}): ${message}`, { status: e.status, cause: err });
    case 400:
    case 422:
      return new ThreadBackendError('invalid', `GitHub rejected the request (${e.status}): ${message}`, { status: e.status, cause: err });
    default:
      break;
  }
  if (e.status !== undefined && e.status >= 500) {
    return new ThreadBackendError('server', `GitHub server error (${e.status}): ${message}`, { status: e.status, cause: err });
  }
  return new ThreadBackendError('server', message, { status: e.status, cause: err });
}

function resetTime(headers: Record<string, string | undefined>, now: number): string {
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) {
    return new Date(reset * 1000).toISOString();
  }
  const retryAfter = Number(headers['retry-after']);
  return new Date(now + (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60) * 1000).toISOString();
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim();
}

/** Data that is not the JSON object GitHub always sends: a proxy page, a truncated body. */
export function malformed(what: string): ThreadBackendError {
  return new ThreadBackendError('server', `GitHub sent a malformed response to ${what}`);
}
