/** Where a pattern document lives: a local file or a page on GitHub (pure: no editor import). */
import * as path from 'path';

const GITHUB_FILE = /^([^/\s]+)\/([^@\s]+)@([^:\s]+):(.+)$/;

export type PatternSource = { kind: 'file'; path: string } | { kind: 'web'; url: string } | { kind: 'unknown' };

/** `file` is what the core records: an absolute path, or `owner/repo@ref:path` for GitHub. */
export function patternSource(file: string, enterpriseUri?: string): PatternSource {
  if (path.isAbsolute(file)) return { kind: 'file', path: file };
  const m = GITHUB_FILE.exec(file);
  if (!m) return { kind: 'unknown' };
  const web = (enterpriseUri ?? 'https://github.com').replace(/\/api\/v3\/?$/, '').replace(/\/+$/, '');
  const encoded = m[4].split('/').map(encodeURIComponent).join('/');
  return { kind: 'web', url: `${web}/${m[1]}/${m[2]}/blob/${encodeURIComponent(m[3])}/${encoded}` };
}
