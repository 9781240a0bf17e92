/**
 * The organisation's hub index (`constellation.hub.repository`): from a clone of the hub repository
 * in the workspace when there is one (its working tree, no request at all), else through the GitHub
 * session's client: opened in the background, cached under global storage (offline, the cache
 * answers), checked again on a timer with one conditional request. Callers on a hot path (the hover) take
 * `current()`, which never waits: it starts loading and answers undefined until the index is open.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { existsSync } from 'fs';
import { FolderHubSource, GitHubHubSource, HubIndex } from '../../core/hub';
import { HUB_MANIFEST } from '../../core/hub/hubFormat';
import { parseGitHubSpec } from '../../core/patterns/sources/githubSpec';
import { sameRepositoryName } from '../../core/repositories/repositoryName';
import { tagged, type Logger } from '../../core/logger';
import { affects, setting } from '../platform/configuration';
import { Disposable } from '../platform/disposable';
import type { GitHubSession } from '../platform/githubSession';
import type { RepositoryRegistry } from '../platform/repositories';

export type HubState = 'off' | 'loading' | 'ready' | 'unavailable';

export interface HubStatus {
  state: HubState;
  /** The setting's value. */
  repository: string;
  /** Where the index is read from: `github:…`, or `folder:…` for a clone in the workspace. */
  source?: string;
  /** Why the hub is unavailable, or what the last check said. */
  message?: string;
  repositories?: number;
  /** When the open index was generated (ISO, the manifest's `generatedAt`). */
  generatedAt?: string;
  /** Requests sent to GitHub so far (304s included). */
  requests: number;
}

/** After a failed open, wait this long before a hover may try again. */
const RETRY_AFTER_MS = 60_000;

export class HubService extends Disposable {
  private source: GitHubHubSource | FolderHubSource | undefined;
  private index: HubIndex | undefined;
  private opening: Promise<HubIndex | undefined> | undefined;
  private failure: { message: string; at: number } | undefined;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly logger: Logger;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** The index was opened, replaced by a newer one, or closed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly github: GitHubSession, private readonly registry: RepositoryRegistry, private readonly storagePath: string, logger: Logger) {
    super();
    this.logger = tagged(logger, 'hub');
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'hub.repository')) this.reset(true);
      if (affects(e, 'hub.refreshMinutes')) this.schedule();
    }));
    // Another account or GitHub: a new client (the cache is keyed by server and repository, so it stays).
    this.register(github.onDidChange(() => { if (!(this.source instanceof FolderHubSource)) this.reset(false); }));
    // A clone of the hub repository added to the workspace is read from then on.
    this.register(registry.onDidAddRepository(() => { if (this.repository() && !(this.source instanceof FolderHubSource)) this.reset(false); }));
    this.register({ dispose: () => clearInterval(this.timer) });
    this.schedule();
    if (this.repository()) void this.load();
  }

  repository(): string {
    return setting('hub.repository').trim();
  }

  /** The open index, or undefined (loading starts, unless a recent attempt failed). Never waits. */
  current(): HubIndex | undefined {
    if (!this.repository()) return undefined;
    if (!this.index && !this.opening && !(this.failure && Date.now() - this.failure.at < RETRY_AFTER_MS)) void this.load();
    return this.index;
  }

  /** Opens the index (once; concurrent callers share the work). */
  load(): Promise<HubIndex | undefined> {
    if (this.index) return Promise.resolve(this.index);
    this.opening ??= this.open().finally(() => (this.opening = undefined));
    return this.opening;
  }

  /** Checks the hub on GitHub now (conditional) and reopens the index when it changed. */
  async refresh(force = true): Promise<void> {
    const source = await this.ensureSource();
    if (!source) return;
    const generation = this.generation;
    // A clone is read as it is on disk: open it again (its manifest may have been pulled).
    const status = source instanceof FolderHubSource ? 'updated' : await source.refresh(force);
    if (status === 'updated' || !this.index) {
      const reopened = await this.openFrom(source).catch((err: unknown) => {
        this.logger.warn(`${source.name}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
      if (reopened && generation === this.generation) {
        this.index = reopened;
        this.failure = undefined;
        this.changed.fire();
      }
    }
  }

  /** Test and "offline" support: forget the open index; the next load reads the disk cache (and GitHub, when it answers). */
  async reopen(): Promise<HubIndex | undefined> {
    // Reopening looks at the workspace again too: a clone of the hub may have arrived since.
    this.registry.forgetDiscovered();
    this.reset(true);
    return this.load();
  }

  status(): HubStatus {
    const repository = this.repository();
    const github = this.source instanceof GitHubHubSource ? this.source : undefined;
    const requests = github?.requests ?? 0;
    if (!repository) return { state: 'off', repository, requests };
    const source = this.source ? { source: this.source.name } : {};
    if (this.index) return { state: 'ready', repository, ...source, repositories: this.index.manifest.repositories.length, generatedAt: this.index.manifest.generatedAt, requests, ...(github?.lastFailure ? { message: github.lastFailure } : {}) };
    if (this.failure && !this.opening) return { state: 'unavailable', repository, message: this.failure.message, requests };
    return { state: 'loading', repository, requests };
  }

  private async open(): Promise<HubIndex | undefined> {
    const generation = this.generation;
    try {
      const source = await this.ensureSource();
      if (!source) return undefined;
      const index = await this.openFrom(source);
      if (generation !== this.generation) return undefined;
      this.index = index;
      this.failure = undefined;
      this.logger.info(`${source.name}: ${index.manifest.repositories.length} repositories${source instanceof GitHubHubSource ? ` (${source.requests} requests so far)` : ''}`);
      this.changed.fire();
      return index;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (generation === this.generation) this.failure = { message, at: Date.now() };
      this.logger.warn(`the hub index is unavailable: ${message}`);
      return undefined;
    }
  }

  private openFrom(source: GitHubHubSource | FolderHubSource): Promise<HubIndex> {
    return HubIndex.open(source);
  }

  private async ensureSource(): Promise<GitHubHubSource | FolderHubSource | undefined> {
    const repository = this.repository();
    if (!repository) return undefined;
    if (this.source) return this.source;
    const clone = await this.localClone(repository);
    if (clone) {
      this.source = new FolderHubSource(clone);
      return this.source;
    }
    const endpoint = this.github.endpoint();
    if (!endpoint.ok) throw new Error(endpoint.message);
    // Signed in (silently) when possible, else anonymous: a public hub needs no sign-in.
    const session = await this.github.readClient();
    this.source = new GitHubHubSource({
      octokit: session.client.octokit,
      repository,
      apiBase: endpoint.endpoint.apiBase,
      cacheDir: path.join(this.storagePath, 'org'),
      logger: this.logger,
      // Only the timer asks GitHub; reads in between are served by the listing checked last.
      maxAgeMs: this.refreshMs(),
    });
    return this.source;
  }

  /** The hub folder inside a clone of the hub repository in the workspace (one holding a manifest), if any. */
  private async localClone(repository: string): Promise<string | undefined> {
    const parsed = parseGitHubSpec(repository);
    if (!parsed.ok) return undefined;
    const { owner, repo, path: inside } = parsed.spec;
    const { repositories } = await this.registry.discover().catch(() => ({ repositories: [] }));
    for (const candidate of repositories) {
      const { name } = await candidate.identity();
      // A folder without a remote is named by its folder alone: not enough to be the hub.
      if (!name.includes('/') || !sameRepositoryName(`${owner}/${repo}`, name)) continue;
      const folder = path.join(candidate.root, ...inside.split('/').filter(Boolean));
      if (existsSync(path.join(folder, HUB_MANIFEST))) return folder;
    }
    return undefined;
  }

  /** The setting or the session changed: a new source; the open index is kept until its successor opens. */
  private reset(dropIndex: boolean): void {
    this.generation++;
    this.source = undefined;
    this.failure = undefined;
    this.opening = undefined;
    if ((dropIndex || !this.repository()) && this.index) {
      this.index = undefined;
      this.changed.fire();
    }
    if (!this.repository()) return;
    if (this.index) void this.reopenKeeping();
    else void this.load();
  }

  private async reopenKeeping(): Promise<void> {
    const generation = this.generation;
    try {
      const source = await this.ensureSource();
      const index = source && (await this.openFrom(source));
      if (index && generation === this.generation) {
        this.index = index;
        this.changed.fire();
      }
    } catch (err) {
      this.logger.warn(`the hub index could not be reopened (the previous one still answers): ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private refreshMs(): number {
    return Math.max(5, setting('hub.refreshMinutes')) * 60_000;
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh().catch((err: unknown) => this.logger.warn(`hub refresh failed: ${String(err)}`)), this.refreshMs());
  }
}
