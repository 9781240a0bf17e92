/**
 * The organisation's teams and members from GitHub, for every directory whose `directory.yml` has a
 * `github:` section: the cached snapshot at once (offline too), then a refresh through the
 * session's client, and again on a timer. Never asks the person to sign in (the session's silent
 * token, or the cache alone); a sign-in elsewhere refreshes at once. After a refresh, the commit
 * emails of each repository are mapped to GitHub users once per session.
 */
import * as vscode from 'vscode';
import { commitPerAuthor } from '../../core/directory/github/commitAuthors';
import { GitHubDirectorySource, type RefreshResult } from '../../core/directory/github/githubDirectorySource';
import type { GitHubClient } from '../../core/github/client';
import { GitHubError } from '../../core/github/errors';
import { tagged, type Logger } from '../../core/logger';
import { parseRemoteUrl } from '../../core/threads/permalink';
import { affects, setting } from './configuration';
import { Disposable } from './disposable';
import type { GitHubSession } from './githubSession';
import type { OrgDirectoryService } from './orgDirectory';
import type { RepositoryRegistry } from './repositories';

export interface GitHubDirectoryStatus {
  organization?: string;
  signedIn: boolean;
  /** The last refresh (absent before the first one, or when signed out). */
  last?: Pick<RefreshResult, 'status' | 'failure'>;
  teams: number;
  members: number;
}

export class GitHubDirectoryService extends Disposable {
  private current: { key: string; client: GitHubClient; source: GitHubDirectorySource } | undefined;
  private organization: string | undefined;
  private signedIn = false;
  private last: RefreshResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private readonly authorsResolved = new Set<string>();
  private readonly logger: Logger;
  private readonly refreshed = this.register(new vscode.EventEmitter<GitHubDirectoryStatus>());
  /** After every refresh attempt, with what is in force now. */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly directory: OrgDirectoryService,
    private readonly github: GitHubSession,
    private readonly storagePath: string,
    logger: Logger,
  ) {
    super();
    this.logger = tagged(logger, 'github-directory');
    this.register(registry.onDidAddRepository(() => void this.refresh()));
    this.register(directory.onDidChange(() => void this.checkOrganization()));
    this.register(github.onDidChange(() => {
      this.current = undefined;
      void this.refresh();
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'directory.refreshMinutes')) this.schedule(); }));
    this.register({ dispose: () => clearInterval(this.timer) });
    this.schedule();
  }

  status(): GitHubDirectoryStatus {
    const snapshot = this.directory.githubSnapshot;
    return {
      organization: this.organization,
      signedIn: this.signedIn,
      ...(this.last ? { last: { status: this.last.status, ...(this.last.failure ? { failure: this.last.failure } : {}) } } : {}),
      teams: snapshot?.teams.length ?? 0,
      members: Object.keys(snapshot?.members ?? {}).length,
    };
  }

  /** Brings the snapshot up to date; concurrent calls share one run and ask for one more. */
  refresh(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.rerun = false;
        await this.refreshOnce().catch((err: unknown) => this.logger.warn(`refresh failed: ${err instanceof Error ? err.message : String(err)}`));
      } while (this.rerun && !this.isDisposed);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** directory.yml changed: a new or removed `github:` section takes effect now. */
  private async checkOrganization(): Promise<void> {
    if ((await this.wantedOrganization()) !== this.organization) await this.refresh();
  }

  private async wantedOrganization(): Promise<string | undefined> {
    const wanted = new Set<string>();
    for (const repository of this.registry.known()) {
      const org = (await this.directory.get(repository.root).catch(() => undefined))?.directory.githubSettings()?.organization;
      if (org) wanted.add(org);
    }
    const [first, ...others] = [...wanted].sort();
    if (others.length > 0) this.logger.warn(`directories name several GitHub organisations (${[first, ...others].join(', ')}): only ${first} is read`);
    return first;
  }

  private async refreshOnce(): Promise<void> {
    const organization = await this.wantedOrganization();
    if (organization !== this.organization) {
      this.organization = organization;
      this.current = undefined;
      this.last = undefined;
    }
    if (!organization) {
      this.directory.setGitHubSnapshot(undefined);
      return;
    }
    const endpoint = this.github.endpoint();
    if (!endpoint.ok) {
      this.logger.warn(`GitHub teams of ${organization} not read: ${endpoint.message}`);
      return;
    }
    let signedIn: GitHubClient | undefined;
    try {
      signedIn = (await this.github.client(false)).client;
    } catch (err) {
      if (!(err instanceof GitHubError) || err.kind !== 'unauthorized') throw err;
    }
    this.signedIn = signedIn !== undefined;
    const client = signedIn ?? (await this.github.readClient()).client;
    const key = `${endpoint.endpoint.apiBase} ${organization}`;
    if (this.current?.key !== key || this.current.client !== client) {
      this.current = { key, client, source: new GitHubDirectorySource({ octokit: client.octokit, organization, apiBase: endpoint.endpoint.apiBase, cacheDir: this.storagePath, logger: this.logger }) };
    }
    const { source } = this.current;
    this.directory.setGitHubSnapshot(await source.load());
    if (!signedIn) {
      // The teams of an organisation are not public: without a session the cached copy is all there is.
      this.logger.info(`not signed in to GitHub: the teams of ${organization} come from the cache (${source.current()?.fetchedAt ?? 'none yet'}); run "Constellation: Sign in to GitHub" to read them`);
      this.refreshed.fire(this.status());
      return;
    }
    this.last = await source.refresh();
    this.directory.setGitHubSnapshot(this.last.snapshot);
    if (this.last.snapshot) await this.resolveCommitAuthors(source, endpoint.endpoint.webBase);
    this.refreshed.fire(this.status());
  }

  /** Commit emails → logins for each repository on this GitHub, once per session (one `git log` each). */
  private async resolveCommitAuthors(source: GitHubDirectorySource, webBase: string): Promise<void> {
    const host = new URL(webBase).host.toLowerCase();
    for (const repository of this.registry.known()) {
      if (this.authorsResolved.has(repository.root) || this.isDisposed) continue;
      const remote = (await repository.config()).remotes.map((r) => parseRemoteUrl(r.url)).find((r) => r?.host === host);
      if (!remote) continue;
      this.authorsResolved.add(repository.root);
      const samples = await commitPerAuthor(this.registry.git, repository.root);
      const result = await source.resolveCommitAuthors({ owner: remote.owner, name: remote.name }, samples);
      if (result.snapshot) this.directory.setGitHubSnapshot(result.snapshot);
    }
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh(), Math.max(5, setting('directory.refreshMinutes')) * 60_000);
  }
}
