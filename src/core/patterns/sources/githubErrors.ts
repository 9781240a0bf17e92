/** Turns an Octokit failure into a message a person can act on. Never includes the token. */

export type GitHubFailureKind = 'not-found' | 'auth' | 'forbidden' | 'rate-limit' | 'network' | 'server';

export interface GitHubFailure {
  kind: GitHubFailureKind;
  message: string;
  /** For `rate-limit`: when the limit resets. */
  resetAt?: Date;
}

interface ErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export function describeGitHubFailure(error: unknown, context: { what: string; baseUrl: string; hasToken: boolean }): GitHubFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const headers = e.response?.headers ?? {};
  const status = e.status;
  const { what, baseUrl } = context;
  if (status === 404) {
    return { kind: 'not-found', message: `${what} was not found on ${baseUrl} (check the owner, repository, ref and path${context.hasToken ? ', and that the token can read it' : '; a private repository needs a token'})` };
  }
  if (status === 401) {
    return {
      kind: 'auth',
      message: context.hasToken
        ? `GitHub at ${baseUrl} rejected the token for ${what} (401): sign in again or use a token that can read the repository`
        : `${what} needs authentication (401): sign in to GitHub or configure a token`,
    };
  }
  const remaining = headers['x-ratelimit-remaining'];
  const reset = Number(headers['x-ratelimit-reset']);
  if ((status === 403 || status === 429) && (String(remaining) === '0' || headers['retry-after'] !== undefined)) {
    const resetAt = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : retryAfterDate(headers['retry-after']);
    const when = resetAt ? `; it resets at ${resetAt.toISOString()}` : '';
    return { kind: 'rate-limit', message: `GitHub API rate limit reached while reading ${what}${when}`, resetAt };
  }
  if (status === 403) {
    return { kind: 'forbidden', message: `GitHub at ${baseUrl} refused access to ${what} (403)${e.message ? `: ${firstLine(e.message)}` : ''}` };
  }
  if (status === undefined || (status === 500 && /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket|network/i.test(e.message ?? ''))) {
    return { kind: 'network', message: `cannot reach GitHub at ${baseUrl} for ${what}: ${firstLine(e.message ?? String(error))}` };
  }
  return { kind: 'server', message: `GitHub at ${baseUrl} failed reading ${what} (${status}): ${firstLine(e.message ?? '')}` };
}

function retryAfterDate(value: string | number | undefined): Date | undefined {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(Date.now() + seconds * 1000) : undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 300);
}
