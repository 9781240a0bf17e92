/**
 * Where GitHub calls go, and the rules that keep a token at home: the API address is `https:` and
 * belongs to the host whose authentication provider issued the token (github.com → api.github.com,
 * GitHub Enterprise → its own host). Plain `http://127.0.0.1` only when the caller says it runs
 * the extension's tests.
 */
export type GitHubAuthProviderId = 'github' | 'github-enterprise';

export interface GitHubHostSettings {
  /** GitHub Enterprise web address; empty or undefined for github.com. */
  enterpriseUri?: string;
  /** REST/GraphQL base override (a proxy on the same host); empty or undefined to derive it. */
  apiUrl?: string;
}

export interface GitHubEndpoint {
  /** The VS Code authentication provider that issues tokens for this host. */
  provider: GitHubAuthProviderId;
  /** REST base without a trailing slash: `https://api.github.com`, `https://ghe.example/api/v3`. */
  apiBase: string;
  /** Web address for links: `https://github.com`, `https://ghe.example`. */
  webBase: string;
}

export interface EndpointPolicy {
  /** Test mode only: accept `http://127.0.0.1:<port>` (the loopback test server) as the API. */
  allowLoopback?: boolean;
}

export type EndpointResult = { ok: true; endpoint: GitHubEndpoint } | { ok: false; message: string };

export const GITHUB_COM_API = 'https://api.github.com';
export const GITHUB_COM_WEB = 'https://github.com';

/** The web address of the configured host (what links may open); http is allowed for an Enterprise host. */
export function githubWebBase(settings: GitHubHostSettings): string {
  const enterprise = clean(settings.enterpriseUri);
  return enterprise ? enterprise.replace(/\/api\/v3$/i, '') : GITHUB_COM_WEB;
}

export function resolveGitHubEndpoint(settings: GitHubHostSettings, policy: EndpointPolicy = {}): EndpointResult {
  const enterprise = clean(settings.enterpriseUri)?.replace(/\/api\/v3$/i, '');
  const apiUrl = clean(settings.apiUrl);
  const provider: GitHubAuthProviderId = enterprise ? 'github-enterprise' : 'github';
  let tokenHost = 'github.com';
  let apiBase = GITHUB_COM_API;
  if (enterprise) {
    const web = parse(enterprise);
    if (!web || !/^https?:$/.test(web.protocol)) return refuse(`constellation.github.enterpriseUri "${enterprise}" is not an http(s) address`);
    tokenHost = web.hostname.toLowerCase();
    apiBase = `${enterprise}/api/v3`;
    if (web.protocol !== 'https:' && !apiUrl && !(policy.allowLoopback && isLoopback(web))) {
      return refuse(`GitHub Enterprise at ${enterprise} is not https: Constellation sends tokens only over https`);
    }
  }
  if (apiUrl) {
    const api = parse(apiUrl);
    if (!api) return refuse(`constellation.github.apiUrl "${apiUrl}" is not an address`);
    if (policy.allowLoopback && isLoopback(api)) return ok(provider, apiUrl, enterprise);
    if (api.protocol !== 'https:') return refuse(`constellation.github.apiUrl "${apiUrl}" is not https: Constellation sends tokens only over https`);
    if (!belongsTo(api.hostname.toLowerCase(), tokenHost)) {
      return refuse(`constellation.github.apiUrl "${apiUrl}" is not on ${tokenHost}, the host whose sign-in issues the token`);
    }
    apiBase = apiUrl;
  }
  return ok(provider, apiBase, enterprise);
}

function ok(provider: GitHubAuthProviderId, apiBase: string, enterprise: string | undefined): EndpointResult {
  return { ok: true, endpoint: { provider, apiBase: apiBase.replace(/\/+$/, ''), webBase: enterprise ?? GITHUB_COM_WEB } };
}

function refuse(message: string): EndpointResult {
  return { ok: false, message };
}

/** github.com tokens go to api.github.com; an Enterprise host's to itself or its `api.` subdomain. */
function belongsTo(apiHost: string, tokenHost: string): boolean {
  if (tokenHost === 'github.com') return apiHost === 'api.github.com';
  return apiHost === tokenHost || apiHost === `api.${tokenHost}`;
}

function isLoopback(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '127.0.0.1';
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim().replace(/\/+$/, '');
  return trimmed ? trimmed : undefined;
}

function parse(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
