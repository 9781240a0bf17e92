/**
 * A pattern library in a GitHub (or GitHub Enterprise) repository.
 *
 * Listing: one `GET /repos/{owner}/{repo}/git/trees/{ref}?recursive=1` returns every path under the
 * ref with its blob sha, in one request whatever the folder depth (the contents API would need one
 * request per folder). The blob sha tells which files changed since the cached copy, so only those
 * are fetched, each with the contents API in the raw media type (the text itself, no base64 JSON).
 * Every listing request is conditional (`If-None-Match`): a 304 costs no rate limit and means the
 * cached copy is current. On any failure the cached copy is served, marked stale.
 */
import { GitHubClient } from '../../github/client';
import { GITHUB_COM_API } from '../../github/endpoint';
import type { Logger } from '../../logger';
import { silentLogger } from '../../logger';
import type { PatternDiagnostic, PatternLibrary } from '../patternTypes';
import { parsePatternDocument } from '../frontMatter';
import { createLibrary } from '../library';
import { diag } from '../diagnostics';
import { mapLimited, patternFileFilter, type FileSelection } from './libraryFiles';
import { formatGitHubSpec, parseGitHubSpec, type GitHubRepoSpec } from './githubSpec';
import { cacheKey, readCache, writeCache, type CachedFile, type GitHubLibraryCache } from './githubCache';
import { describeGitHubFailure, type GitHubFailure } from './githubErrors';

export const DEFAULT_GITHUB_API = GITHUB_COM_API;

export interface GitHubSourceOptions extends FileSelection {
  /** `owner/repo[@ref][/path]` or an already parsed spec. */
  spec: string | GitHubRepoSpec;
  /** Folder for the offline copy. */
  cacheDir: string;
  /** The editor's GitHub session client; when given, `baseUrl`, `token` and `retries` are not used. */
  client?: GitHubClient;
  /** With `client`: whether it carries a token (for the wording of a 401/404). */
  authenticated?: boolean;
  /** API base: `https://api.github.com` (default) or GitHub Enterprise `https://ghe.example/api/v3`. */
  baseUrl?: string;
  /** Never logged. */
  token?: string;
  logger?: Logger;
  /** Retries of failed requests (5xx, network) with backoff; default 2. Rate limits are never retried. */
  retries?: number;
  /** Concurrent file downloads; default 8. */
  concurrency?: number;
  signal?: AbortSignal;
}

export type GitHubLoadStatus = 'fetched' | 'not-modified' | 'cached' | 'unavailable';

export interface GitHubLibrary extends PatternLibrary {
  status: GitHubLoadStatus;
  /** When the content was fetched from GitHub (for a cached copy, the time of that fetch). */
  fetchedAt?: string;
  /** Why the live source could not be used, when it could not. */
  failure?: GitHubFailure;
  /** Requests sent to GitHub in this load. */
  requests: number;
  /** Files downloaded in this load (unchanged files come from the cache). */
  downloaded: number;
}

export async function loadGitHubLibrary(options: GitHubSourceOptions): Promise<GitHubLibrary> {
  const logger = options.logger ?? silentLogger;
  const shared = options.client ?? new GitHubClient({ baseUrl: options.baseUrl, token: options.token, retries: options.retries ?? 2, logger, maxRateLimitWaitSeconds: 0 });
  const baseUrl = shared.baseUrl;
  const hasToken = options.client ? options.authenticated === true : Boolean(options.token);
  const parsedSpec = typeof options.spec === 'string' ? parseGitHubSpec(options.spec) : { ok: true as const, spec: options.spec };
  if (!parsedSpec.ok) {
    const name = `github:${String(options.spec)}`;
    return { ...createLibrary(name, [], [diag(name, 1, 1, 'source-unavailable', parsedSpec.message)]), status: 'unavailable', requests: 0, downloaded: 0 };
  }
  const spec = parsedSpec.spec;
  const name = `github:${formatGitHubSpec(spec)}`;
  const key = cacheKey(baseUrl, spec);
  const cache = await readCache(options.cacheDir, key);
  const client = new LibraryRequests(shared, logger, options.signal);
  try {
    const fresh = await fetchLibrary(client, spec, cache, options);
    if (fresh.changed) {
      await writeCache(options.cacheDir, fresh.cache).catch((e: Error) => logger.warn(`cannot write the pattern cache: ${e.message}`));
    }
    const library = buildLibrary(name, spec, fresh.cache, fresh.warnings);
    return { ...library, status: fresh.changed ? 'fetched' : 'not-modified', fetchedAt: fresh.cache.fetchedAt, requests: client.requests, downloaded: fresh.downloaded };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const failure = describeGitHubFailure(error, { what: formatGitHubSpec(spec), baseUrl, hasToken });
    logger.warn(failure.message);
    if (cache) {
      const note = diag(name, 1, 1, 'source-unavailable', `${failure.message}; showing the copy cached at ${cache.fetchedAt}`, 'warning');
      const library = buildLibrary(name, spec, cache, [note]);
      return { ...library, stale: true, status: 'cached', fetchedAt: cache.fetchedAt, failure, requests: client.requests, downloaded: 0 };
    }
    const library = createLibrary(name, [], [diag(name, 1, 1, 'source-unavailable', failure.message)]);
    return { ...library, status: 'unavailable', failure, requests: client.requests, downloaded: 0 };
  }
}

/** The few calls this source makes, counted; conditional requests return undefined on 304. */
class LibraryRequests {
  requests = 0;

  constructor(private readonly client: GitHubClient, private readonly logger: Logger, private readonly signal: AbortSignal | undefined) {}

  get baseUrl(): string {
    return this.client.baseUrl;
  }

  async getJson<T>(route: string, params: Record<string, unknown>, etag: string | undefined): Promise<{ data: T; etag?: string } | undefined> {
    const response = await this.send(route, { ...params, headers: etag ? { 'if-none-match': etag } : {} });
    return response && { data: response.data as T, etag: response.headers.etag };
  }

  async getRaw(owner: string, repo: string, path: string, ref: string): Promise<string> {
    const response = await this.send('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref, mediaType: { format: 'raw' } });
    const data: unknown = response?.data;
    if (typeof data === 'string') return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    throw new Error(`unexpected response for ${path}`);
  }

  private send(route: string, params: Record<string, unknown>) {
    return this.client.call(route, this.signal, async (request) => {
      const started = performance.now();
      this.requests++;
      try {
        const response = await this.client.octokit.request(route, { ...params, request });
        this.logger.debug(`> ${route} → ${response.status} [${Math.round(performance.now() - started)}ms]`);
        return response;
      } catch (error) {
        const status = (error as { status?: number }).status;
        this.logger.debug(`> ${route} → ${status ?? 'failed'} [${Math.round(performance.now() - started)}ms]`);
        if (status === 304) return undefined;
        throw error;
      }
    });
  }
}

interface TreeEntry { path?: string; type?: string; sha?: string }

async function fetchLibrary(
  client: LibraryRequests,
  spec: GitHubRepoSpec,
  cache: GitHubLibraryCache | undefined,
  options: GitHubSourceOptions,
): Promise<{ cache: GitHubLibraryCache; changed: boolean; downloaded: number; warnings: PatternDiagnostic[] }> {
  const { owner, repo } = spec;
  let ref = spec.ref;
  let repoEtag = cache?.repoEtag;
  if (ref === undefined) {
    const repoResponse = await client.getJson<{ default_branch: string }>('GET /repos/{owner}/{repo}', { owner, repo }, cache?.repoEtag);
    ref = repoResponse ? repoResponse.data.default_branch : cache?.ref;
    repoEtag = repoResponse?.etag ?? repoEtag;
    if (ref === undefined) throw new Error('no default branch');
  }
  const sameRef = cache?.ref === ref;
  const tree = await client.getJson<{ tree: TreeEntry[]; truncated?: boolean }>(
    'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
    { owner, repo, tree_sha: ref, recursive: '1' },
    sameRef ? cache?.treeEtag : undefined,
  );
  if (!tree && cache) return { cache, changed: false, downloaded: 0, warnings: [] };
  if (!tree) throw new Error('GitHub answered 304 without a cached copy');

  const name = `github:${formatGitHubSpec(spec)}`;
  const warnings: PatternDiagnostic[] = [];
  if (tree.data.truncated) {
    warnings.push(diag(name, 1, 1, 'source-unavailable', 'the repository tree is too large to list in one request; some patterns may be missing', 'warning'));
  }
  const accept = patternFileFilter(options);
  const prefix = spec.path ? `${spec.path}/` : '';
  const wanted = tree.data.tree.filter(
    (e): e is Required<TreeEntry> => e.type === 'blob' && !!e.path && !!e.sha && e.path.startsWith(prefix) && accept(e.path.slice(prefix.length)),
  );
  if (wanted.length === 0) {
    warnings.push(diag(name, 1, 1, 'source-unavailable', `no pattern files (${(options.include ?? ['**/*.md']).join(', ')}) under \`${spec.path || '/'}\` at ${ref}`, 'warning'));
  }
  const known = new Map((cache?.files ?? []).map((f) => [f.path, f]));
  let downloaded = 0;
  const files = await mapLimited(wanted, options.concurrency ?? 8, async (entry): Promise<CachedFile> => {
    const cached = known.get(entry.path);
    if (cached && cached.sha === entry.sha) return cached;
    downloaded++;
    const text = await client.getRaw(owner, repo, entry.path, ref);
    return { path: entry.path, sha: entry.sha, text };
  });
  const fresh: GitHubLibraryCache = { version: 1, key: cacheKey(client.baseUrl, spec), fetchedAt: new Date().toISOString(), ref, repoEtag, treeEtag: tree.etag, files };
  return { cache: fresh, changed: true, downloaded, warnings };
}

function buildLibrary(name: string, spec: GitHubRepoSpec, cache: GitHubLibraryCache, extra: PatternDiagnostic[]): PatternLibrary {
  const parsed = cache.files.map((f) =>
    parsePatternDocument(f.text, { file: `${spec.owner}/${spec.repo}@${cache.ref}:${f.path}`, source: name }),
  );
  return createLibrary(name, parsed, extra);
}
