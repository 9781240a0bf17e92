/**
 * The one GitHub session of the extension, shared by threads and pattern libraries: one auth
 * provider and scope set (one consent), one endpoint checked against the token rules, one client
 * per token, one rate-limit state, one reaction to a rejected token.
 */
import * as vscode from 'vscode';
import { GitHubClient } from '../../core/github/client';
import { resolveGitHubEndpoint, type EndpointResult, type GitHubEndpoint } from '../../core/github/endpoint';
import { GitHubError } from '../../core/github/errors';
import { RateLimitState } from '../../core/github/rateLimit';
import { tagged, type Logger } from '../../core/logger';
import { affects, setting } from './configuration';
import { Disposable } from './disposable';

/** Create discussions and issues, comment on them, read private pattern libraries. */
export const GITHUB_SCOPES = ['repo', 'write:discussion'];

export interface GitHubToken {
  token: string;
  /** The account's label (normally the GitHub login), to recognise "my threads". */
  account: string;
}

/** Where tokens come from; tokens are used for requests and never logged or stored. */
export interface TokenProvider {
  /** `interactive`: may ask the person to sign in; otherwise answers silently (undefined when signed out). */
  token(provider: string, interactive: boolean): Promise<GitHubToken | undefined>;
  readonly onDidChange: vscode.Event<void>;
}

/** A silent look-up must not hold a refresh up when the provider never answers (no GitHub extension). */
const SILENT_TIMEOUT_MS = 5_000;

class VscodeTokens implements TokenProvider {
  readonly onDidChange: vscode.Event<void>;

  constructor(changes: vscode.Event<void>) {
    this.onDidChange = changes;
  }

  async token(provider: string, interactive: boolean): Promise<GitHubToken | undefined> {
    const session = interactive
      ? await vscode.authentication.getSession(provider, GITHUB_SCOPES, { createIfNone: true })
      : await withTimeout(vscode.authentication.getSession(provider, GITHUB_SCOPES, { silent: true }), SILENT_TIMEOUT_MS);
    return session ? { token: session.accessToken, account: session.account.label } : undefined;
  }
}

export interface SessionClient {
  client: GitHubClient;
  /** The signed-in login; undefined for an anonymous client. */
  account?: string;
}

export class GitHubSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** The endpoint, the signed-in account or the token changed: clients were dropped. */
  readonly onDidChange = this.changed.event;
  private tokens: TokenProvider;
  private tokenListener: vscode.Disposable;
  private cached?: { key: string; token: string; client: SessionClient };
  private anonymous?: { key: string; client: SessionClient };
  private limits = new Map<string, RateLimitState>();
  private readonly logger: Logger;
  private created = 0;
  accountLabel?: string;

  constructor(logger: Logger, private readonly mode: vscode.ExtensionMode) {
    super();
    this.logger = tagged(logger, 'github');
    const providerChanged = this.register(new vscode.EventEmitter<void>());
    this.register(vscode.authentication.onDidChangeSessions((e) => {
      if (e.provider.id === 'github' || e.provider.id === 'github-enterprise') providerChanged.fire();
    }));
    this.tokens = new VscodeTokens(providerChanged.event);
    this.tokenListener = this.tokens.onDidChange(() => this.reset());
    this.register({ dispose: () => this.tokenListener.dispose() });
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'github')) this.reset();
    }));
  }

  /** Where calls go now, or why none may go (an http or foreign API address). */
  endpoint(): EndpointResult {
    return resolveGitHubEndpoint(
      { enterpriseUri: setting('github.enterpriseUri'), apiUrl: setting('github.apiUrl') },
      // The loopback test server is allowed to the extension's own tests, never to a user.
      { allowLoopback: this.mode === vscode.ExtensionMode.Test },
    );
  }

  /** How many clients were built (the extension's tests check that features share one). */
  get clientsCreated(): number {
    return this.created;
  }

  /** An authenticated client; `interactive` may ask the person to sign in. Throws GitHubError. */
  async client(interactive: boolean): Promise<SessionClient> {
    const endpoint = this.requireEndpoint();
    const key = `${endpoint.provider}|${endpoint.apiBase}`;
    const token = await this.tokens.token(endpoint.provider, interactive).catch((err: unknown) => {
      throw new GitHubError('unauthorized', `GitHub sign-in failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    });
    if (!token) throw new GitHubError('unauthorized', 'not signed in to GitHub: sign in to see and post threads on GitHub');
    if (this.cached?.key === key && this.cached.token === token.token) return this.cached.client;
    const client = { client: this.build(endpoint, token.token), account: token.account };
    this.cached = { key, token: token.token, client };
    this.accountLabel = token.account;
    return client;
  }

  /** The signed-in client when there is one (never prompts), else an anonymous one for public reads. */
  async readClient(): Promise<SessionClient> {
    try {
      return await this.client(false);
    } catch (err) {
      if (!(err instanceof GitHubError) || err.kind !== 'unauthorized') throw err;
      const endpoint = this.requireEndpoint();
      const key = `${endpoint.provider}|${endpoint.apiBase}`;
      if (this.anonymous?.key !== key) this.anonymous = { key, client: { client: this.build(endpoint, undefined) } };
      return this.anonymous.client;
    }
  }

  /** Asks the person to sign in (the one consent both features use). */
  async signIn(): Promise<boolean> {
    return (await this.client(true).catch(() => undefined)) !== undefined;
  }

  /** Test mode only: tokens from `tokens`, because the consent dialog cannot be answered in a test host. */
  useTokenProviderForTests(tokens: TokenProvider): void {
    if (this.mode !== vscode.ExtensionMode.Test) throw new Error('only the extension tests may replace the GitHub token provider');
    this.tokenListener.dispose();
    this.tokens = tokens;
    this.tokenListener = tokens.onDidChange(() => this.reset());
    this.reset();
  }

  private requireEndpoint(): GitHubEndpoint {
    const result = this.endpoint();
    if (!result.ok) throw new GitHubError('invalid', result.message);
    return result.endpoint;
  }

  private build(endpoint: GitHubEndpoint, token: string | undefined): GitHubClient {
    this.created++;
    let limit = this.limits.get(endpoint.apiBase);
    if (!limit) {
      limit = new RateLimitState();
      this.limits.set(endpoint.apiBase, limit);
    }
    return new GitHubClient({
      token,
      baseUrl: endpoint.apiBase,
      logger: this.logger,
      rateLimit: limit,
      onError: (error) => {
        // A rejected token is dropped once, here, for every feature: the next call asks for a fresh session.
        if (error.kind === 'unauthorized' && token && this.cached?.token === token) this.cached = undefined;
      },
    });
  }

  private reset(): void {
    this.cached = undefined;
    this.anonymous = undefined;
    this.changed.fire();
  }
}

function withTimeout<T>(work: Thenable<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    work.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (err: unknown) => { clearTimeout(timer); reject(err instanceof Error ? err : new Error(String(err))); },
    );
  });
}
