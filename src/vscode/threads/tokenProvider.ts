import * as vscode from 'vscode';
import { readThreadSettings, type ThreadSettings } from './threadSettings';

/** Scopes Constellation asks GitHub for: create discussions/issues and comment on them. */
export const GITHUB_SCOPES = ['repo', 'write:discussion'];

export interface GitHubToken {
  token: string;
  /** The account's label (normally the GitHub login), to recognise "my threads". */
  account: string;
}

/** Where tokens come from; tokens are used for the request and never logged or stored. */
export interface TokenProvider {
  /** `interactive`: may ask the person to sign in; otherwise answers silently (undefined when signed out). */
  token(interactive: boolean): Promise<GitHubToken | undefined>;
  readonly onDidChange: vscode.Event<void>;
}

/** A silent look-up must not hold a refresh up when the provider never answers (no GitHub extension). */
const SILENT_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Thenable<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    work.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (err: unknown) => { clearTimeout(timer); reject(err instanceof Error ? err : new Error(String(err))); },
    );
  });
}

export function authProviderId(settings: ThreadSettings): string {
  return settings.enterpriseUri ? 'github-enterprise' : 'github';
}

/** The default TokenProvider: VS Code's GitHub (or GitHub Enterprise) authentication sessions. */
export class VscodeTokenProvider implements TokenProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.authentication.onDidChangeSessions((e) => {
      if (e.provider.id === authProviderId(readThreadSettings())) this.changed.fire();
    });
  }

  async token(interactive: boolean): Promise<GitHubToken | undefined> {
    const provider = authProviderId(readThreadSettings());
    const session = interactive
      ? await vscode.authentication.getSession(provider, GITHUB_SCOPES, { createIfNone: true })
      : await withTimeout(vscode.authentication.getSession(provider, GITHUB_SCOPES, { silent: true }), SILENT_TIMEOUT_MS);
    return session ? { token: session.accessToken, account: session.account.label } : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
