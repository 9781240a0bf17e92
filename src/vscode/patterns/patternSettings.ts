import * as vscode from 'vscode';
import { parseImageHosts } from '../../core/patterns/imageHosts';
import { DEFAULT_MARKER_KEYWORD } from '../../core/patterns/markers';

export interface PatternSettings {
  libraries: string[];
  markerKeyword: string;
  codeLens: boolean;
  /** Hosts pattern pages may load images from (see core/patterns/imageHosts). */
  allowImagesFrom: string[];
  /** GitHub Enterprise base URL (e.g. https://github.acme.example); undefined = github.com. */
  enterpriseUri?: string;
}

/** Reads `constellation.patterns.*` (and the shared GitHub setting) fresh each time. */
export function readPatternSettings(): PatternSettings {
  const patterns = vscode.workspace.getConfiguration('constellation.patterns');
  const github = vscode.workspace.getConfiguration('constellation.github');
  const keyword = patterns.get<string>('markerKeyword', DEFAULT_MARKER_KEYWORD).trim();
  const enterprise = github.get<string>('enterpriseUri', '').trim();
  return {
    libraries: patterns.get<string[]>('libraries', []).filter((l) => typeof l === 'string'),
    markerKeyword: /^[\w-]+$/.test(keyword) ? keyword : DEFAULT_MARKER_KEYWORD,
    codeLens: patterns.get<boolean>('codeLens', true),
    allowImagesFrom: parseImageHosts(patterns.get<unknown[]>('allowImagesFrom', [])).hosts,
    enterpriseUri: enterprise === '' ? undefined : enterprise.replace(/\/+$/, ''),
  };
}

/** The REST base URL for the configured GitHub: api.github.com, or `<enterprise>/api/v3`. */
export function githubApiBase(settings: PatternSettings): string | undefined {
  if (!settings.enterpriseUri) return undefined;
  return /\/api\/v3$/.test(settings.enterpriseUri) ? settings.enterpriseUri : `${settings.enterpriseUri}/api/v3`;
}

/** github.com sessions come from the `github` provider, Enterprise ones from `github-enterprise`. */
export function githubAuthProvider(settings: PatternSettings): string {
  return settings.enterpriseUri ? 'github-enterprise' : 'github';
}
