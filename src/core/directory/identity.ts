/** Small, pure helpers about email addresses and GitHub logins. */

const NOREPLY_DOMAIN = 'users.noreply.github.com';

/** Emails compare case-insensitively in practice (git, GitHub), so the directory keys them in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** GitHub logins are case-insensitive. */
export function normalizeLogin(login: string): string {
  return login.trim().replace(/^@/, '').toLowerCase();
}

/** The part after the last `@`, lower-cased; '' when there is none. */
export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : normalizeEmail(email.slice(at + 1));
}

/**
 * The login hidden in a GitHub no-reply address: `<id>+<login>@users.noreply.github.com`
 * (current form) or `<login>@users.noreply.github.com` (older accounts).
 */
export function githubLoginFromNoreply(email: string): string | undefined {
  const normalized = normalizeEmail(email);
  if (domainOf(normalized) !== NOREPLY_DOMAIN) {
    return undefined;
  }
  const local = normalized.slice(0, normalized.lastIndexOf('@'));
  const plus = local.indexOf('+');
  const login = plus >= 0 && /^\d+$/.test(local.slice(0, plus)) ? local.slice(plus + 1) : local;
  return isGitHubLogin(login) ? login : undefined;
}

/** GitHub's rule: alphanumerics and single inner hyphens, at most 39 characters (the one check). */
export function isGitHubLogin(login: string | undefined): login is string {
  return typeof login === 'string' && /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i.test(login);
}

/** True when `domain` is `base` itself or one of its subdomains (`eu.acme.example` under `acme.example`). */
export function isDomainOrSubdomain(domain: string, base: string): boolean {
  return domain === base || domain.endsWith(`.${base}`);
}
