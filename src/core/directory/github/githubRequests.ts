/**
 * The GitHub calls of the directory source: REST listings read page by page with conditional
 * requests (a 304 costs no rate limit and means the cached page holds), GraphQL queries, and one
 * request budget kept from the `x-ratelimit-*` headers of every answer.
 */
import type { Octokit } from 'octokit';
import { GitHubError, toGitHubError, type GitHubErrorKind } from '../../github/errors';
import type { Logger } from '../../logger';
import type { CachedPage } from './githubDirectoryTypes';

/** Requests made in one refresh and what GitHub says is left. */
export interface RequestBudget {
  requests: number;
  notModified: number;
  /** Per rate-limit resource (`core`, `graphql`): remaining, limit and reset (Unix seconds). */
  resources: Record<string, { remaining: number; limit: number; reset: number }>;
}

export function emptyBudget(): RequestBudget {
  return { requests: 0, notModified: 0, resources: {} };
}

/** "14 requests (12 not modified) · core 4,986/5,000 left, resets 15:04Z · graphql 4,990/5,000 left". */
export function describeBudget(budget: RequestBudget): string {
  const parts = [`${budget.requests} requests (${budget.notModified} not modified)`];
  for (const [name, r] of Object.entries(budget.resources)) {
    parts.push(`${name} ${r.remaining.toLocaleString('en')}/${r.limit.toLocaleString('en')} left, resets ${new Date(r.reset * 1000).toISOString().slice(11, 16)}Z`);
  }
  return parts.join(' · ');
}

export type DirectoryFailureKind = GitHubErrorKind;

/** A failed directory request: a GitHubError whose message names what was being read. */
export class DirectoryRequestError extends GitHubError {
  constructor(kind: DirectoryFailureKind, message: string, resetAt?: Date) {
    super(kind, message, { resetAt });
  }
}

type Headers = Record<string, string | number | undefined>;

function nextLink(headers: Headers): string | undefined {
  const link = headers.link;
  if (typeof link !== 'string') return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

export class DirectoryRequests {
  constructor(
    private readonly octokit: Octokit,
    readonly budget: RequestBudget,
    private readonly logger: Logger,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Every item of a paginated listing, following `Link: rel="next"`. Each page is asked for with
   * the ETag of its cached copy; `pages` receives the pages as now known. `trim` keeps only what
   * the directory needs of an item.
   */
  async listAll<T>(firstUrl: string, cached: Record<string, CachedPage>, pages: Record<string, CachedPage>, trim: (item: Record<string, unknown>) => T): Promise<{ items: T[]; changed: boolean }> {
    const items: T[] = [];
    let changed = false;
    let url: string | undefined = firstUrl;
    const seen = new Set<string>();
    while (url && !seen.has(url)) {
      seen.add(url);
      const previous: CachedPage | undefined = cached[url];
      const answer = await this.get(url, previous?.etag);
      let page: CachedPage;
      if (answer === 'not-modified' && previous) {
        page = previous;
      } else if (answer === 'not-modified') {
        throw new DirectoryRequestError('server', `GitHub answered 304 to ${url} without a cached copy`);
      } else {
        if (!Array.isArray(answer.data)) throw new DirectoryRequestError('server', `GitHub sent a malformed listing for ${url}`);
        page = { items: (answer.data as Record<string, unknown>[]).map(trim), ...(answer.etag ? { etag: answer.etag } : {}), ...(answer.next ? { next: answer.next } : {}) };
        changed = true;
      }
      pages[url] = page;
      items.push(...(page.items as T[]));
      url = page.next;
    }
    return { items, changed };
  }

  async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    this.budget.requests++;
    try {
      // GitHub Enterprise serves GraphQL at /api/graphql beside the REST /api/v3 (as octokit.graphql does).
      const baseUrl = String(this.octokit.request.endpoint.DEFAULTS.baseUrl).replace(/\/api\/v3\/?$/, '/api');
      const response = await this.octokit.request('POST /graphql', { baseUrl, query, variables, request: { signal: this.signal } });
      this.note(response.headers as Headers, 'graphql');
      const body = response.data as { data?: T; errors?: Array<{ type?: string; message?: string }> };
      // A partial answer (a field refused, nodes nulled) would silently lose people: treat it as the error it is.
      if (body.errors?.length || !body.data) {
        throw Object.assign(new Error(body.errors?.[0]?.message ?? 'GraphQL answered without data'), { errors: body.errors ?? [] });
      }
      return body.data;
    } catch (err) {
      throw this.failure(err, 'POST /graphql');
    }
  }

  private async get(url: string, etag: string | undefined): Promise<'not-modified' | { data: unknown; etag?: string; next?: string }> {
    this.budget.requests++;
    const started = Date.now();
    try {
      const response = await this.octokit.request({ method: 'GET', url, headers: etag ? { 'if-none-match': etag } : {}, request: { signal: this.signal } });
      const headers = response.headers as Headers;
      this.note(headers, 'core');
      this.logger.debug(`> GET ${url} → ${response.status} [${Date.now() - started}ms]`);
      return { data: response.data, etag: typeof headers.etag === 'string' ? headers.etag : undefined, next: nextLink(headers) };
    } catch (err) {
      const e = err as { status?: number; response?: { headers?: Headers } };
      if (e.response?.headers) this.note(e.response.headers, 'core');
      this.logger.debug(`> GET ${url} → ${e.status ?? 'failed'} [${Date.now() - started}ms]`);
      if (e.status === 304) {
        this.budget.notModified++;
        return 'not-modified';
      }
      throw this.failure(err, `GET ${url}`);
    }
  }

  private note(headers: Headers, fallback: string): void {
    const remaining = Number(headers['x-ratelimit-remaining']);
    const limit = Number(headers['x-ratelimit-limit']);
    const reset = Number(headers['x-ratelimit-reset']);
    if (!Number.isFinite(remaining) || !Number.isFinite(limit)) return;
    const resource = typeof headers['x-ratelimit-resource'] === 'string' ? headers['x-ratelimit-resource'] : fallback;
    this.budget.resources[resource] = { remaining, limit, reset: Number.isFinite(reset) ? reset : 0 };
  }

  /** The one GitHub error taxonomy, with what was being read in the message. */
  private failure(err: unknown, what: string): DirectoryRequestError {
    if (err instanceof DirectoryRequestError) return err;
    const classified = toGitHubError(err, { signal: this.signal });
    return new DirectoryRequestError(classified.kind, `${what}: ${classified.message}`, classified.resetAt);
  }
}
