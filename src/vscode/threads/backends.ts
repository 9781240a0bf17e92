import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { ThreadBackendError } from '../../core/threads/backendError';
import { FileThreadStore } from '../../core/threads/fileStore';
import { GitHubThreadBackend } from '../../core/threads/githubBackend';
import type { ThreadBackend, Venue } from '../../core/threads/threadTypes';
import { githubApiBase, readThreadSettings } from './threadSettings';
import type { TokenProvider } from './tokenProvider';

/**
 * Gives the backend for a venue. The GitHub backend is built around the current session's token
 * and rebuilt when sessions or the GitHub settings change; the token lives only inside octokit.
 */
export class BackendProvider implements vscode.Disposable {
  private readonly files: FileThreadStore;
  private github?: { backend: GitHubThreadBackend; account: string; key: string };
  private readonly subscriptions: vscode.Disposable[];
  /** The GitHub login of the signed-in account, once known. */
  githubAccount?: string;

  private tokenSubscription: vscode.Disposable;

  constructor(private tokens: TokenProvider, private readonly logger: Logger) {
    this.files = new FileThreadStore({ logger });
    const reset = (): void => {
      this.github = undefined;
    };
    this.tokenSubscription = tokens.onDidChange(reset);
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('constellation.github')) reset();
      }),
    ];
  }

  /**
   * `interactive` (posting) may ask the person to sign in; listing never does and gets
   * `unauthorized` when nobody is signed in.
   */
  async forVenue(venue: Venue, interactive: boolean): Promise<ThreadBackend> {
    if (venue.backend === 'files') return this.files;
    const settings = readThreadSettings();
    const key = `${githubApiBase(settings) ?? ''}|${settings.enterpriseUri}`;
    if (this.github?.key === key) return this.github.backend;
    const token = await this.tokens.token(interactive);
    if (!token) throw new ThreadBackendError('unauthorized', 'not signed in to GitHub: sign in to see and post threads on GitHub');
    const backend = new GitHubThreadBackend({ token: token.token, baseUrl: githubApiBase(settings), logger: this.logger });
    this.github = { backend, account: token.account, key };
    this.githubAccount = token.account;
    return backend;
  }

  /** Replaces where tokens come from (the test-only hook of the extension API uses it). */
  setTokenProvider(tokens: TokenProvider): void {
    this.tokenSubscription.dispose();
    this.tokens = tokens;
    this.tokenSubscription = tokens.onDidChange(() => (this.github = undefined));
    this.github = undefined;
  }

  /** Drops the GitHub backend, e.g. after a 401, so the next call asks for a fresh session. */
  forgetGitHub(): void {
    this.github = undefined;
  }

  dispose(): void {
    this.tokenSubscription.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
