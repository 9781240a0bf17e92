/**
 * Commit identities → GitHub users. GitHub links a commit to an account when its email is one of
 * the account's verified emails; asking it about one commit per unknown email, many commits in
 * one GraphQL query, maps every email of a history in a few requests.
 */
import type { GitRunner } from '../../git/gitRunner';
import { githubLoginFromNoreply, normalizeEmail } from '../identity';

/** Commits asked about in one GraphQL query (aliases `c0`…): well under GitHub's node limits. */
export const COMMITS_PER_QUERY = 50;

export interface CommitSample {
  /** Commit email as the history index keys it (mailmap-resolved, lower-cased). */
  email: string;
  sha: string;
}

/** The newest commit of every author email in the history (`git log --use-mailmap`), newest first. */
export async function commitPerAuthor(git: GitRunner, root: string, signal?: AbortSignal): Promise<CommitSample[]> {
  const out = await git.run(['log', '--use-mailmap', '-z', '--format=%H%x1f%aE', 'HEAD', '--'], { cwd: root, signal, timeoutMs: 0 }).catch(() => '');
  const seen = new Map<string, string>();
  for (const record of out.split('\0')) {
    const [sha, email] = record.trim().split('\x1f');
    if (!sha || !email) continue;
    const key = normalizeEmail(email);
    if (!seen.has(key)) seen.set(key, sha);
  }
  return [...seen].map(([email, sha]) => ({ email, sha }));
}

/** A GraphQL document asking for the author's user of each commit (`c<i>: object(oid: …)`). */
export function commitAuthorsQuery(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `    c${i}: object(oid: $c${i}) { ... on Commit { author { email user { login } } } }`);
  const variables = Array.from({ length: count }, (_, i) => `$c${i}: GitObjectID!`).join(', ');
  return `query CommitAuthors($owner: String!, $name: String!, ${variables}) {\n  repository(owner: $owner, name: $name) {\n${fields.join('\n')}\n  }\n}`;
}

export interface CommitAuthorsAnswer {
  repository: Record<string, { author?: { email?: string | null; user?: { login: string } | null } | null } | null> | null;
}

/** Emails that no query needs to ask about: already known, or a no-reply address naming its login. */
export function unknownSamples(samples: CommitSample[], known: Record<string, string | null>): { ask: CommitSample[]; fromNoreply: Record<string, string> } {
  const ask: CommitSample[] = [];
  const fromNoreply: Record<string, string> = {};
  for (const sample of samples) {
    if (Object.prototype.hasOwnProperty.call(known, sample.email)) continue;
    const login = githubLoginFromNoreply(sample.email);
    if (login) fromNoreply[sample.email] = login;
    else ask.push(sample);
  }
  return { ask, fromNoreply };
}

/**
 * The login of each asked commit (null: GitHub links no user to the email), keyed by the sample's
 * email. A commit GitHub does not have (not pushed yet) tells nothing and is left out, to ask again.
 */
export function readCommitAuthors(batch: CommitSample[], answer: CommitAuthorsAnswer): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  batch.forEach((sample, i) => {
    const commit = answer.repository?.[`c${i}`];
    if (!commit) return;
    const login = commit.author?.user?.login;
    out[sample.email] = typeof login === 'string' && login ? login.toLowerCase() : null;
  });
  return out;
}

export const MEMBERS_QUERY = `query OrgMembers($org: String!, $after: String) {
  organization(login: $org) {
    membersWithRole(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { login databaseId name email organizationVerifiedDomainEmails(login: $org) }
    }
  }
}`;

/** The same without verified-domain emails, which only owners (and some tokens) may read. */
export const MEMBERS_QUERY_WITHOUT_VERIFIED = MEMBERS_QUERY.replace(' organizationVerifiedDomainEmails(login: $org)', '');

export interface MembersAnswer {
  organization: {
    membersWithRole: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ login: string; databaseId?: number | null; name?: string | null; email?: string | null; organizationVerifiedDomainEmails?: string[] | null } | null>;
    };
  } | null;
}
