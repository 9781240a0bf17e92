/** What a pattern library says when GitHub fails: the one GitHub taxonomy, in words a person can act on. */
import { toGitHubError, type GitHubErrorKind } from '../../github/errors';

export interface GitHubFailure {
  kind: GitHubErrorKind;
  message: string;
  /** For `rateLimited`: when the limit resets. */
  resetAt?: Date;
}

/** Never includes the token. */
export function describeGitHubFailure(error: unknown, context: { what: string; baseUrl: string; hasToken: boolean }): GitHubFailure {
  const e = toGitHubError(error);
  const { what, baseUrl } = context;
  const detail = e.message.replace(/^[^:]*:\s*/, '');
  switch (e.kind) {
    case 'notFound':
      return { kind: e.kind, message: `${what} was not found on ${baseUrl} (check the owner, repository, ref and path${context.hasToken ? ', and that the token can read it' : '; a private repository needs a token'})` };
    case 'unauthorized':
      return {
        kind: e.kind,
        message: context.hasToken
          ? `GitHub at ${baseUrl} rejected the token for ${what} (401): sign in again or use a token that can read the repository`
          : `${what} needs authentication (401): sign in to GitHub or configure a token`,
      };
    case 'rateLimited': {
      const when = e.resetAt ? `; it resets at ${e.resetAt.toISOString()}` : '';
      return { kind: e.kind, message: `GitHub API rate limit reached while reading ${what}${when}`, resetAt: e.resetAt };
    }
    case 'forbidden':
      return { kind: e.kind, message: `GitHub at ${baseUrl} refused access to ${what} (403): ${detail}` };
    case 'offline':
    case 'aborted':
      return { kind: e.kind, message: `cannot reach GitHub at ${baseUrl} for ${what}: ${detail}` };
    default:
      return { kind: e.kind, message: `GitHub at ${baseUrl} failed reading ${what} (${e.status ?? 'no status'}): ${detail}` };
  }
}
