/**
 * A hub index read from a GitHub repository (`constellation.hub.repository`: owner/name[@ref][/path]).
 * One conditional `git/trees` listing tells every file's blob sha; a blob is immutable, so a file
 * whose sha is cached on disk is never fetched again, and the rest are fetched only when a query
 * needs them. Offline, or when GitHub refuses, the cached listing and blobs answer.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Octokit } from 'octokit';
import { tagged, type Logger } from '../logger';
import { formatGitHubSpec, parseGitHubSpec, type GitHubRepoSpec } from '../patterns/sources/githubSpec';
import { toGitHubError } from '../github/errors';
import { writeFileAtomic } from '../util/atomicWrite';
import type { HubSource } from './hubSource';

export interface GitHubHubSourceOptions {
  octokit: Octokit;
  /** `owner/name[@ref][/path]`, the value of `constellation.hub.repository`. */
  repository: string;
  /** The API base the octokit talks to: part of the cache key. */
  apiBase: string;
  cacheDir: string;
  logger: Logger;
  /** A listing younger than this is used without asking GitHub (default 5 minutes). */
  maxAgeMs?: number;
  now?: () => number;
}

interface Listing {
  version: 1;
  key: string;
  ref: string;
  repoEtag?: string;
  treeEtag?: string;
  checkedAt: number;
  /** Hub-relative path → blob sha. */
  files: Record<string, string>;
}

export type HubRefreshStatus = 'updated' | 'not-modified' | 'fresh' | 'cached' | 'unavailable';

export class HubSourceError extends Error {}

function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export class GitHubHubSource implements HubSource {
  readonly name: string;
  readonly spec: GitHubRepoSpec;
  /** Requests sent so far (304s included) and the last failure, for the log and the UI. */
  requests = 0;
  lastFailure?: string;
  private listing: Listing | undefined;
  private listingLoaded = false;
  private checking: Promise<HubRefreshStatus> | undefined;
  private readonly logger: Logger;
  private readonly key: string;
  private readonly now: () => number;

  constructor(private readonly options: GitHubHubSourceOptions) {
    const parsed = parseGitHubSpec(options.repository);
    if (!parsed.ok) throw new HubSourceError(parsed.message.replace('GitHub library', 'constellation.hub.repository'));
    this.spec = parsed.spec;
    this.name = `github:${formatGitHubSpec(this.spec)}`;
    this.key = `${options.apiBase.replace(/\/+$/, '')} ${formatGitHubSpec(this.spec)}`;
    this.logger = tagged(options.logger, 'hub');
    this.now = options.now ?? Date.now;
  }

  private get folder(): string {
    return path.join(this.options.cacheDir, 'hub', createHash('sha256').update(this.key).digest('hex').slice(0, 24));
  }

  /** Checks the listing against GitHub (conditionally) unless it is fresh; the editor calls it on a timer. */
  refresh(force = false): Promise<HubRefreshStatus> {
    this.checking ??= this.check(force).finally(() => (this.checking = undefined));
    return this.checking;
  }

  async read(file: string): Promise<string | undefined> {
    await this.refresh();
    if (!this.listing) throw new HubSourceError(`${this.name}: ${this.lastFailure ?? 'the hub index cannot be listed'}`);
    const sha = this.listing.files[file];
    if (!sha) return undefined;
    const cached = path.join(this.folder, 'blobs', sha);
    const text = await fs.readFile(cached, 'utf8').catch(() => undefined);
    if (text !== undefined && blobSha(text) === sha) return text;
    let fetched;
    try {
      fetched = await this.send<unknown>('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: this.spec.owner, repo: this.spec.repo, file_sha: sha, mediaType: { format: 'raw' } });
    } catch (err) {
      throw new HubSourceError(`${this.name}: cannot read ${file} (not cached yet): ${toGitHubError(err).message}`);
    }
    const body = fetched === 'not-modified' ? undefined : fetched.data;
    const content = typeof body === 'string' ? body : body instanceof ArrayBuffer ? new TextDecoder().decode(body) : undefined;
    if (content === undefined || blobSha(content) !== sha) throw new HubSourceError(`${this.name}: ${file} did not arrive intact`);
    await writeFileAtomic(cached, content).catch((err: Error) => this.logger.warn(`cannot cache ${file}: ${err.message}`));
    return content;
  }

  private async loadListing(): Promise<void> {
    if (this.listingLoaded) return;
    this.listingLoaded = true;
    try {
      const data = JSON.parse(await fs.readFile(path.join(this.folder, 'listing.json'), 'utf8')) as Listing;
      if (data.version === 1 && data.key === this.key && data.files) this.listing = data;
    } catch {
      // no cached listing yet
    }
  }

  private async check(force: boolean): Promise<HubRefreshStatus> {
    await this.loadListing();
    const old = this.listing;
    if (!force && old && this.now() - old.checkedAt < (this.options.maxAgeMs ?? 300_000)) return 'fresh';
    const { owner, repo } = this.spec;
    try {
      let ref = this.spec.ref;
      let repoEtag = old?.repoEtag;
      if (ref === undefined) {
        const answer = await this.send<{ default_branch?: string }>('GET /repos/{owner}/{repo}', { owner, repo }, old?.repoEtag);
        ref = answer === 'not-modified' ? old?.ref : answer.data.default_branch;
        if (answer !== 'not-modified') repoEtag = answer.etag;
        if (!ref) throw new HubSourceError(`${this.name}: the repository has no default branch`);
      }
      const tree = await this.send<{ tree?: Array<{ path?: string; type?: string; sha?: string }>; truncated?: boolean }>(
        'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
        { owner, repo, tree_sha: ref, recursive: '1' },
        old?.ref === ref ? old?.treeEtag : undefined,
      );
      if (tree === 'not-modified' && old) {
        this.listing = { ...old, checkedAt: this.now() };
        await this.saveListing();
        return 'not-modified';
      }
      if (tree === 'not-modified' || !Array.isArray(tree.data.tree)) throw new HubSourceError(`${this.name}: GitHub sent no tree`);
      if (tree.data.truncated) this.logger.warn(`${this.name}: the tree listing is truncated by GitHub; some shards may be missing`);
      const prefix = this.spec.path ? `${this.spec.path}/` : '';
      const files: Record<string, string> = {};
      for (const entry of tree.data.tree) {
        if (entry.type === 'blob' && entry.path && entry.sha && entry.path.startsWith(prefix)) files[entry.path.slice(prefix.length)] = entry.sha;
      }
      this.listing = { version: 1, key: this.key, ref, ...(repoEtag ? { repoEtag } : {}), ...(tree.etag ? { treeEtag: tree.etag } : {}), checkedAt: this.now(), files };
      await this.saveListing();
      this.logger.info(`${this.name}: hub index listed at ${ref} (${Object.keys(files).length} files, ${this.requests} requests so far)`);
      return 'updated';
    } catch (err) {
      const message = err instanceof HubSourceError ? err.message : toGitHubError(err).message;
      this.lastFailure = message;
      this.logger.warn(`${this.name}: ${message}; ${old ? 'answering from the cached hub index' : 'no cached hub index'}`);
      return old ? 'cached' : 'unavailable';
    }
  }

  private async saveListing(): Promise<void> {
    if (this.listing) await writeFileAtomic(path.join(this.folder, 'listing.json'), JSON.stringify(this.listing)).catch((err: Error) => this.logger.warn(`cannot cache the hub listing: ${err.message}`));
  }

  private async send<T>(route: string, params: Record<string, unknown>, etag?: string): Promise<'not-modified' | { data: T; etag?: string }> {
    this.requests++;
    try {
      const response = await this.options.octokit.request(route, { ...params, headers: etag ? { 'if-none-match': etag } : {} });
      const headers = response.headers as Record<string, string | undefined>;
      return { data: response.data as T, etag: headers.etag };
    } catch (err) {
      if ((err as { status?: number }).status === 304) return 'not-modified';
      throw err;
    }
  }
}
