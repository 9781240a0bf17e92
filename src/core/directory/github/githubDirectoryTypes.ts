/** What the GitHub directory source knows about an organisation, as cached on disk. */

export interface GitHubTeamRecord {
  slug: string;
  name: string;
  /** Slug of the parent team (nested teams). */
  parent?: string;
  /** Logins, lower-cased. GitHub lists the members of child teams in their parents too. */
  members: string[];
}

export interface GitHubMemberRecord {
  login: string;
  id?: number;
  name?: string;
  /** Verified emails GitHub shows (organisation verified-domain emails, the public email), lower-cased. */
  emails: string[];
}

export interface GitHubDirectorySnapshot {
  organization: string;
  /** When the teams and members were last read completely. */
  fetchedAt: string;
  teams: GitHubTeamRecord[];
  /** Login → member. */
  members: Record<string, GitHubMemberRecord>;
  /** Commit email (lower-cased) → login, or null when GitHub links no user to it. */
  commitAuthors: Record<string, string | null>;
  /** When the verified emails were last read (a GraphQL query, not conditional: read at most daily). */
  emailsFetchedAt?: string;
}

/** One page of a REST listing, with the ETag that makes asking for it again free when unchanged. */
export interface CachedPage {
  etag?: string;
  /** The trimmed items of the page. */
  items: unknown[];
  /** URL of the next page (from the Link header). */
  next?: string;
}

export const GITHUB_DIRECTORY_CACHE_KIND = 'constellation.githubDirectory';
export const GITHUB_DIRECTORY_CACHE_VERSION = 1;

export interface GitHubDirectoryCacheFile {
  kind: typeof GITHUB_DIRECTORY_CACHE_KIND;
  version: number;
  /** API base + organisation: a cache of another server or organisation is never used. */
  key: string;
  snapshot: GitHubDirectorySnapshot;
  /** Request URL → its last page. */
  pages: Record<string, CachedPage>;
  /** A rate limit seen at the last refresh: no request before this time (ISO). */
  pausedUntil?: string;
}
