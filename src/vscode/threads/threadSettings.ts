import * as vscode from 'vscode';

export interface ThreadSettings {
  /** Minutes between background refreshes of the thread lists (at least 1). */
  refreshMinutes: number;
  /** GitHub Enterprise web address, e.g. `https://github.acme.example`; empty for github.com. */
  enterpriseUri: string;
  /** REST/GraphQL base URL override (e.g. `http://127.0.0.1:8080/api/v3`); empty = derived. */
  apiUrl: string;
}

/** Reads `constellation.threads.*` and `constellation.github.*` fresh each time. */
export function readThreadSettings(): ThreadSettings {
  const threads = vscode.workspace.getConfiguration('constellation.threads');
  const github = vscode.workspace.getConfiguration('constellation.github');
  return {
    refreshMinutes: Math.max(1, threads.get<number>('refreshMinutes', 5)),
    enterpriseUri: github.get<string>('enterpriseUri', '').trim(),
    apiUrl: github.get<string>('apiUrl', '').trim(),
  };
}

/** The API base URL octokit should use, or undefined for api.github.com. */
export function githubApiBase(settings: ThreadSettings): string | undefined {
  if (settings.apiUrl) return settings.apiUrl.replace(/\/+$/, '');
  if (settings.enterpriseUri) return `${settings.enterpriseUri.replace(/\/+$/, '')}/api/v3`;
  return undefined;
}
