
/** A repository on a GitHub(-like) host, as read from a git remote URL. */
export interface RemoteRepository {
  /** Host for web links, lower-cased; keeps an https port, drops an ssh port. */
  host: string;
  owner: string;
  name: string;
  /** `https://host/owner/name` */
  webUrl: string;
}

/**
 * Reads `https://[user[:token]@]host[:port]/owner/repo[.git]`, `git@host:owner/repo[.git]`,
 * `ssh://git@host[:port]/owner/repo[.git]` and `git://host/owner/repo`. Credentials are dropped.
 * Returns undefined for anything else (local paths, file:// URLs).
 */
export function parseRemoteUrl(url: string): RemoteRepository | undefined {
  const trimmed = url.trim();
  let host: string;
  let repoPath: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(trimmed);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && scp) {
    host = scp[1];
    repoPath = scp[2];
  } else {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return undefined;
    }
    const protocol = parsed.protocol.toLowerCase();
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(protocol) || !parsed.hostname) {
      return undefined;
    }
    const keepPort = (protocol === 'https:' || protocol === 'http:') && parsed.port;
    host = keepPort ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
    repoPath = decodeURIComponent(parsed.pathname);
  }
  const segments = repoPath.replace(/\/+$/, '').replace(/\.git$/i, '').split('/').filter(Boolean);
  if (segments.length < 2) {
    return undefined;
  }
  const name = segments[segments.length - 1];
  const owner = segments.slice(0, -1).join('/');
  host = host.toLowerCase();
  return { host, owner, name, webUrl: `https://${host}/${owner}/${name}` };
}

/** The form anchors store: the web URL when the remote is understood, else the input trimmed. */
export function normalizeRemote(url: string): string {
  return parseRemoteUrl(url)?.webUrl ?? url.trim().replace(/\.git$/i, '');
}

/** `https://host/owner/repo/blob/<commit>/<path>#L10-L20`, each path segment percent-encoded. */
export function buildPermalink(remote: RemoteRepository | string, commit: string, filePath: string, startLine?: number, endLine?: number): string {
  const base = typeof remote === 'string' ? (parseRemoteUrl(remote)?.webUrl ?? remote.replace(/\/+$/, '')) : remote.webUrl;
  const encodedPath = filePath
    .replace(/\\/g, '/')
    .split('/')
    .filter(Boolean)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  let fragment = '';
  if (startLine !== undefined) {
    fragment = endLine !== undefined && endLine !== startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`;
  }
  return `${base}/blob/${commit}/${encodedPath}${fragment}`;
}
