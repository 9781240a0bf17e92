/**
 * Hides anything that looks like a credential before text reaches a sink people or files see: the
 * log channel, a draft file, an error message, the CLI's output. Over-redacting a word is cheaper
 * than leaking a token.
 */
const REDACTED = '[redacted]';

const RULES: Array<[RegExp, (match: string, ...groups: string[]) => string]> = [
  // GitHub tokens: personal (ghp_), OAuth (gho_), app server/user (ghs_, ghu_), refresh (ghr_), fine-grained.
  [/\b(?:gh[pousr]_[A-Za-z0-9_]{6,}|github_pat_[A-Za-z0-9_]{6,})/g, () => REDACTED],
  // An Authorization header value (`<scheme> <credentials>`), in a header dump or in JSON. It stops
  // at a space after the credentials, a quote or a backslash: the rest of a message survives and
  // text inside a JSON string stays valid JSON.
  [/(\bauthorization["']?\s*[:=]\s*["']?)((?:[A-Za-z]+[ \t]+)?[^\s"'\\,;)}]+)/gi, (_m, key: string) => `${key}${REDACTED}`],
  // `token abc…` / `Bearer abc…` as GitHub and OAuth send them (a credential-like word follows).
  [/\b(token|bearer)(\s+)([A-Za-z0-9_\-.=+/]{12,})/gi, (m, scheme: string, space: string, value: string) => (/[\d_]/.test(value) ? `${scheme}${space}${REDACTED}` : m)],
  // Credentials inside a URL: https://user:secret@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"'\\]+:)([^\s@/"'\\]+)@/gi, (_m, prefix: string) => `${prefix}${REDACTED}@`],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace as (substring: string, ...args: unknown[]) => string);
  return out;
}

/** The same for every string inside JSON-like data (a draft before it is written), keys left alone. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item as unknown)])) as T;
  }
  return value;
}
