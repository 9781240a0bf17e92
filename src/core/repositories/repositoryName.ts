/**
 * A repository's name across the organisation: `owner/name` from its remote, so every clone (a
 * laptop, a CI runner, a bare mirror) names it the same. Code areas (`repo:glob`), summaries and
 * hub queries all use this name.
 */
import * as path from 'path';
import type { GitRunner } from '../git/gitRunner';
import { parseRemoteUrl } from '../threads/permalink';

export interface RepositoryIdentity {
  /** `owner/name`, or the folder name when there is no understood remote. */
  name: string;
  /** `https://host/owner/name`, credentials dropped. */
  remote?: string;
}

/** The identity from `remote.origin.url` (else the first remote), else the folder name. */
export async function repositoryIdentity(git: GitRunner, root: string, signal?: AbortSignal): Promise<RepositoryIdentity> {
  const out = await git.run(['config', '-z', '--get-regexp', '^remote\\..*\\.url$'], { cwd: root, signal }).catch(() => '');
  const remotes = out.split('\0').filter(Boolean).map((entry) => {
    const newline = entry.indexOf('\n');
    return { name: entry.slice('remote.'.length, newline - '.url'.length), url: entry.slice(newline + 1) };
  });
  const ordered = [...remotes.filter((r) => r.name === 'origin'), ...remotes.filter((r) => r.name !== 'origin')];
  for (const remote of ordered) {
    const parsed = parseRemoteUrl(remote.url);
    if (parsed) return { name: `${parsed.owner}/${parsed.name}`, remote: parsed.webUrl };
  }
  return { name: path.basename(root).replace(/\.git$/i, '') };
}

/**
 * True when a configured repository name (`billing`, `acme/billing`, `github.acme.example/acme/billing`)
 * names `actual`, case-insensitively: a short name matches the last segments.
 */
export function sameRepositoryName(configured: string, actual: string): boolean {
  const a = configured.toLowerCase().replace(/\.git$/, '').replace(/^\/+|\/+$/g, '');
  const b = actual.toLowerCase().replace(/\.git$/, '').replace(/^\/+|\/+$/g, '');
  return a === b || b.endsWith(`/${a}`) || a.endsWith(`/${b}`);
}
