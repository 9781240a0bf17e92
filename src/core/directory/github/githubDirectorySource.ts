/**
 * The organisation's directory from GitHub: teams (nested ones too), their members, members'
 * names and verified emails, and the users behind commit emails. Cached on disk and usable
 * offline from the cache; every refresh is conditional (unchanged pages cost no rate limit) and
 * all-or-nothing (a failure part-way keeps the last good snapshot); a rate limit pauses refreshes
 * until it resets. The caller passes the Octokit (the editor's session, the CLI's token): this
 * module never reads a token, so none can reach a log.
 *
 * Wiring (editor): the organisation is `directory.githubSettings()?.organization`;
 *   const source = new GitHubDirectorySource({ octokit, organization, apiBase, cacheDir, logger });
 *   directories.setGitHubSnapshot(await source.load());                      // offline first
 *   every few minutes: directories.setGitHubSnapshot((await source.refresh()).snapshot);
 *   after an index build: source.resolveCommitAuthors({ owner, name }, await commitPerAuthor(git, root));
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Octokit } from 'octokit';
import { tagged, type Logger } from '../../logger';
import { writeFileAtomic } from '../../util/atomicWrite';
import { normalizeEmail, normalizeLogin } from '../identity';
import {
  COMMITS_PER_QUERY,
  MEMBERS_QUERY,
  MEMBERS_QUERY_WITHOUT_VERIFIED,
  commitAuthorsQuery,
  readCommitAuthors,
  unknownSamples,
  type CommitAuthorsAnswer,
  type CommitSample,
  type MembersAnswer,
} from './commitAuthors';
import {
  GITHUB_DIRECTORY_CACHE_KIND,
  GITHUB_DIRECTORY_CACHE_VERSION,
  type CachedPage,
  type GitHubDirectoryCacheFile,
  type GitHubDirectorySnapshot,
  type GitHubMemberRecord,
  type GitHubTeamRecord,
} from './githubDirectoryTypes';
import { DirectoryRequestError, DirectoryRequests, describeBudget, emptyBudget, type DirectoryFailureKind, type RequestBudget } from './githubRequests';

export interface GitHubDirectorySourceOptions {
  octokit: Octokit;
  organization: string;
  /** The API base the octokit talks to: part of the cache key. */
  apiBase: string;
  cacheDir: string;
  logger: Logger;
  /** Verified emails come from a GraphQL query that is never free: read at most this often (default 24 h). */
  emailsMaxAgeHours?: number;
  now?: () => number;
}

export type RefreshStatus = 'updated' | 'not-modified' | 'paused' | 'cached' | 'unavailable';

export interface DirectoryFailure { kind: DirectoryFailureKind; message: string; resetAt?: Date }

export interface RefreshResult {
  status: RefreshStatus;
  /** The snapshot in force after the refresh (the last good one after a failure). */
  snapshot?: GitHubDirectorySnapshot;
  budget: RequestBudget;
  failure?: DirectoryFailure;
}

export class GitHubDirectorySource {
  private cache: GitHubDirectoryCacheFile | undefined;
  private loaded = false;
  private inFlight: Promise<RefreshResult> | undefined;
  private readonly logger: Logger;
  private readonly organization: string;
  private readonly key: string;
  private readonly file: string;
  private readonly now: () => number;

  constructor(private readonly options: GitHubDirectorySourceOptions) {
    this.logger = tagged(options.logger, 'github-directory');
    this.organization = normalizeLogin(options.organization);
    this.key = `${options.apiBase.replace(/\/+$/, '')} ${this.organization}`;
    this.file = path.join(options.cacheDir, 'github-directory', `${createHash('sha256').update(this.key).digest('hex').slice(0, 24)}.json`);
    this.now = options.now ?? Date.now;
  }

  /** The cached snapshot, read from disk once; works offline. */
  async load(): Promise<GitHubDirectorySnapshot | undefined> {
    if (!this.loaded) {
      this.loaded = true;
      try {
        const data = JSON.parse(await fs.readFile(this.file, 'utf8')) as GitHubDirectoryCacheFile;
        if (data.kind === GITHUB_DIRECTORY_CACHE_KIND && data.version === GITHUB_DIRECTORY_CACHE_VERSION && data.key === this.key && data.snapshot) this.cache = data;
        else this.logger.info(`ignoring ${this.file}: another version, server or organisation`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.logger.warn(`cannot read ${this.file}: ${(err as Error).message}`);
      }
    }
    return this.cache?.snapshot;
  }

  current(): GitHubDirectorySnapshot | undefined {
    return this.cache?.snapshot;
  }

  /** Brings the snapshot up to date; the editor calls it on a timer. Concurrent calls share one refresh. */
  refresh(signal?: AbortSignal): Promise<RefreshResult> {
    this.inFlight ??= this.doRefresh(signal).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /**
   * Maps commit emails of a repository to logins (one commit per email, batched), keeping what is
   * learnt even when a later batch fails.
   */
  async resolveCommitAuthors(repository: { owner: string; name: string }, samples: CommitSample[], signal?: AbortSignal): Promise<RefreshResult & { resolved: number }> {
    await this.load();
    const budget = emptyBudget();
    const snapshot = this.cache?.snapshot;
    if (!snapshot) return { status: 'unavailable', budget, resolved: 0, failure: { kind: 'invalid', message: 'refresh the directory before resolving commit authors' } };
    const requests = new DirectoryRequests(this.options.octokit, budget, this.logger, signal);
    const { ask, fromNoreply } = unknownSamples(samples, snapshot.commitAuthors);
    const learnt: Record<string, string | null> = { ...fromNoreply };
    let failure: DirectoryFailure | undefined;
    for (let i = 0; i < ask.length && !failure; i += COMMITS_PER_QUERY) {
      const batch = ask.slice(i, i + COMMITS_PER_QUERY);
      const variables: Record<string, unknown> = { owner: repository.owner, name: repository.name };
      batch.forEach((s, k) => (variables[`c${k}`] = s.sha));
      try {
        Object.assign(learnt, readCommitAuthors(batch, await requests.graphql<CommitAuthorsAnswer>(commitAuthorsQuery(batch.length), variables)));
      } catch (err) {
        failure = this.failureOf(err);
      }
    }
    const resolved = Object.keys(learnt).length;
    if (resolved > 0 && this.cache) {
      this.cache = { ...this.cache, snapshot: { ...snapshot, commitAuthors: { ...snapshot.commitAuthors, ...learnt } } };
      await this.save();
    }
    this.logger.info(`commit authors of ${repository.owner}/${repository.name}: ${resolved} of ${ask.length + Object.keys(fromNoreply).length} emails mapped · ${describeBudget(budget)}${failure ? ` · stopped: ${failure.message}` : ''}`);
    return { status: failure ? 'cached' : 'updated', snapshot: this.cache?.snapshot, budget, resolved, ...(failure ? { failure } : {}) };
  }

  private async doRefresh(signal?: AbortSignal): Promise<RefreshResult> {
    await this.load();
    const budget = emptyBudget();
    const paused = this.cache?.pausedUntil ? Date.parse(this.cache.pausedUntil) : 0;
    if (paused > this.now()) {
      this.logger.info(`refresh of ${this.organization} paused by the rate limit until ${new Date(paused).toISOString()}`);
      return { status: 'paused', snapshot: this.cache?.snapshot, budget, failure: { kind: 'rateLimited', message: 'GitHub rate limit: refresh paused', resetAt: new Date(paused) } };
    }
    const requests = new DirectoryRequests(this.options.octokit, budget, this.logger, signal);
    try {
      const { snapshot, pages, changed } = await this.fetchAll(requests);
      this.cache = { kind: GITHUB_DIRECTORY_CACHE_KIND, version: GITHUB_DIRECTORY_CACHE_VERSION, key: this.key, snapshot, pages };
      if (changed) await this.save();
      const status: RefreshStatus = changed ? 'updated' : 'not-modified';
      this.logger.info(`refreshed ${this.organization}: ${status}, ${snapshot.teams.length} teams, ${Object.keys(snapshot.members).length} members · ${describeBudget(budget)}`);
      return { status, snapshot, budget };
    } catch (err) {
      const failure = this.failureOf(err);
      if (failure.kind === 'aborted') throw err;
      if (failure.kind === 'rateLimited' && this.cache) {
        this.cache = { ...this.cache, pausedUntil: (failure.resetAt ?? new Date(this.now() + 60_000)).toISOString() };
        await this.save();
      }
      this.logger.warn(`refresh of ${this.organization} failed, ${this.cache ? `keeping the directory read at ${this.cache.snapshot.fetchedAt}` : 'no cached directory'}: ${failure.message} · ${describeBudget(budget)}`);
      return { status: this.cache ? 'cached' : 'unavailable', snapshot: this.cache?.snapshot, budget, failure };
    }
  }

  private async fetchAll(requests: DirectoryRequests): Promise<{ snapshot: GitHubDirectorySnapshot; pages: Record<string, CachedPage>; changed: boolean }> {
    const org = encodeURIComponent(this.organization);
    const old = this.cache;
    const cachedPages = old?.pages ?? {};
    const pages: Record<string, CachedPage> = {};
    const teamList = await requests.listAll(`/orgs/${org}/teams?per_page=100`, cachedPages, pages, (t) => ({
      slug: String(t.slug ?? ''),
      name: String(t.name ?? t.slug ?? ''),
      parent: typeof (t.parent as { slug?: unknown } | null)?.slug === 'string' ? String((t.parent as { slug: string }).slug) : undefined,
    }));
    let changed = teamList.changed || !old;
    const teams: GitHubTeamRecord[] = [];
    const ids = new Map<string, number>();
    for (const team of teamList.items.filter((t) => t.slug)) {
      const listed = await requests.listAll(`/orgs/${org}/teams/${encodeURIComponent(team.slug)}/members?per_page=100`, cachedPages, pages, (m) => ({ login: String(m.login ?? ''), id: typeof m.id === 'number' ? m.id : undefined }));
      changed ||= listed.changed;
      for (const m of listed.items) if (m.id !== undefined) ids.set(normalizeLogin(m.login), m.id);
      teams.push({ slug: team.slug.toLowerCase(), name: team.name, ...(team.parent ? { parent: team.parent.toLowerCase() } : {}), members: [...new Set(listed.items.map((m) => normalizeLogin(m.login)).filter(Boolean))].sort() });
    }
    const members: Record<string, GitHubMemberRecord> = {};
    for (const [login, previous] of Object.entries(old?.snapshot.members ?? {})) members[login] = previous;
    const maxAge = (this.options.emailsMaxAgeHours ?? 24) * 3_600_000;
    const emailsAge = old?.snapshot.emailsFetchedAt ? this.now() - Date.parse(old.snapshot.emailsFetchedAt) : Infinity;
    let emailsFetchedAt = old?.snapshot.emailsFetchedAt;
    if (emailsAge >= maxAge) {
      const fresh = await this.fetchMembers(requests);
      for (const key of Object.keys(members)) delete members[key];
      Object.assign(members, fresh);
      emailsFetchedAt = new Date(this.now()).toISOString();
      changed = true;
    }
    for (const team of teams) for (const login of team.members) members[login] ??= { login, emails: [] };
    for (const [login, id] of ids) if (members[login]) members[login].id ??= id;
    const snapshot: GitHubDirectorySnapshot = {
      organization: this.organization,
      fetchedAt: changed || !old ? new Date(this.now()).toISOString() : old.snapshot.fetchedAt,
      teams: teams.sort((a, b) => a.slug.localeCompare(b.slug)),
      members,
      commitAuthors: old?.snapshot.commitAuthors ?? {},
      ...(emailsFetchedAt ? { emailsFetchedAt } : {}),
    };
    return { snapshot, pages, changed };
  }

  /** Every member with name and verified emails; without verified-domain emails when GitHub refuses them. */
  private async fetchMembers(requests: DirectoryRequests): Promise<Record<string, GitHubMemberRecord>> {
    let query = MEMBERS_QUERY;
    const out: Record<string, GitHubMemberRecord> = {};
    let after: string | null = null;
    for (let page = 0; page < 1000; page++) {
      let answer: MembersAnswer;
      try {
        answer = await requests.graphql<MembersAnswer>(query, { org: this.organization, after });
      } catch (err) {
        if (query === MEMBERS_QUERY && err instanceof DirectoryRequestError && (err.kind === 'forbidden' || err.kind === 'invalid')) {
          this.logger.info(`verified-domain emails of ${this.organization} are not shown to this account (${err.message}); reading public emails only`);
          query = MEMBERS_QUERY_WITHOUT_VERIFIED;
          page--;
          continue;
        }
        throw err;
      }
      const connection = answer.organization?.membersWithRole;
      if (!connection) throw new DirectoryRequestError('notFound', `GitHub knows no organisation "${this.organization}" (or the token cannot see it)`);
      for (const node of connection.nodes) {
        if (!node?.login) continue;
        const login = normalizeLogin(node.login);
        const emails = [...(node.organizationVerifiedDomainEmails ?? []), ...(node.email ? [node.email] : [])].map(normalizeEmail).filter((e) => e.includes('@'));
        out[login] = { login, ...(typeof node.databaseId === 'number' ? { id: node.databaseId } : {}), ...(node.name ? { name: node.name } : {}), emails: [...new Set(emails)] };
      }
      if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
      after = connection.pageInfo.endCursor;
    }
    return out;
  }

  private failureOf(err: unknown): DirectoryFailure {
    if (err instanceof DirectoryRequestError) return { kind: err.kind, message: err.message, ...(err.resetAt ? { resetAt: err.resetAt } : {}) };
    return { kind: 'server', message: (err as Error).message ?? String(err) };
  }

  private async save(): Promise<void> {
    if (!this.cache) return;
    try {
      await writeFileAtomic(this.file, JSON.stringify(this.cache));
    } catch (err) {
      this.logger.warn(`cannot write the directory cache ${this.file}: ${(err as Error).message}`);
    }
  }
}
