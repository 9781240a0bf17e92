/** Substrings (lower case) that mark an automated author rather than a person. */
const BUILT_IN_BOT_PATTERNS = ['[bot]', 'dependabot', 'renovate', 'github-actions'];

/** A name ending in the word "bot": "GitHub Actions Bot", "release-bot", "CI_bot". */
const BOT_WORD = /(^|[\s_.-])bot$/;

/** Whole names (or email local parts) of well-known automation. */
const AUTOMATION_NAMES = new Set(['jenkins', 'copilot', 'github actions', 'greenkeeper', 'travis ci', 'semantic-release', 'allcontributors']);

function localPart(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  // GitHub no-reply addresses: <id>+<login>
  const plus = local.indexOf('+');
  return plus >= 0 ? local.slice(plus + 1) : local;
}

/**
 * True when the author is automation: `[bot]`, dependabot, renovate, github-actions, a name
 * ending in the word "bot", a well-known automation account (Jenkins, Copilot…), or any of
 * `extra` (case-insensitive substrings of the email or the name).
 */
export function isBot(email: string, name: string, extra: readonly string[] = []): boolean {
  const e = email.toLowerCase();
  const n = name.trim().toLowerCase();
  for (const pattern of BUILT_IN_BOT_PATTERNS) {
    if (e.includes(pattern) || n.includes(pattern)) return true;
  }
  if (BOT_WORD.test(n) || AUTOMATION_NAMES.has(n) || AUTOMATION_NAMES.has(localPart(e))) return true;
  for (const raw of extra) {
    const pattern = raw.trim().toLowerCase();
    if (pattern && (e.includes(pattern) || n.includes(pattern))) return true;
  }
  return false;
}
