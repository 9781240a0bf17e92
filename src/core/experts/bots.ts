/** Substrings (lower case) that mark an automated author rather than a person. */
const BUILT_IN_BOT_PATTERNS = ['[bot]', 'dependabot', 'renovate', 'github-actions'];

/**
 * True when the author is automation: `[bot]`, dependabot, renovate, github-actions, or any of
 * `extra` (case-insensitive substrings of the email or the name).
 */
export function isBot(email: string, name: string, extra: readonly string[] = []): boolean {
  const e = email.toLowerCase();
  const n = name.toLowerCase();
  for (const pattern of BUILT_IN_BOT_PATTERNS) {
    if (e.includes(pattern) || n.includes(pattern)) return true;
  }
  for (const raw of extra) {
    const pattern = raw.trim().toLowerCase();
    if (pattern && (e.includes(pattern) || n.includes(pattern))) return true;
  }
  return false;
}
