/** Substrings (lower case) that mark an automated author rather than a person. */
const BUILT_IN_BOT_PATTERNS = ['[bot]', 'dependabot', 'renovate', 'github-actions'];

/** A name or address ending in the word "bot", "autofix" or "agent": "GitHub Actions Bot", "release-bot", "DeepView Autofix", "oz-agent". */
const AUTOMATION_WORD = /(^|[\s_.-])(bot|autofix|agent)$/;

/** Whole names (or email local parts) of well-known automation. */
const AUTOMATION_NAMES = new Set(['jenkins', 'copilot', 'github actions', 'greenkeeper', 'travis ci', 'semantic-release', 'allcontributors']);

/**
 * Coding agents that commit or co-author under their own address. Exact addresses and GitHub
 * logins, not names: a person may well be called Claude.
 */
const AGENT_ADDRESSES = new Set(['noreply@anthropic.com', 'codex@openai.com', 'noreply@openai.com', 'cursoragent@cursor.com']);
const AGENT_GITHUB_LOGINS = new Set(['claude', 'devin-ai-integration', 'chatgpt-codex-connector']);
const GITHUB_NOREPLY = '@users.noreply.github.com';

function localPart(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  // GitHub no-reply addresses: <id>+<login>
  const plus = local.indexOf('+');
  return plus >= 0 ? local.slice(plus + 1) : local;
}

/**
 * True when the author is automation: `[bot]`, dependabot, renovate, github-actions, a name or
 * address ending in the word "bot", "autofix" or "agent", a well-known automation account
 * (Jenkins, Copilot…), a coding agent's address or GitHub login (Claude, Codex, Cursor…), or any
 * of `extra` (case-insensitive substrings of the email or the name).
 */
export function isBot(email: string, name: string, extra: readonly string[] = []): boolean {
  const e = email.toLowerCase();
  const n = name.trim().toLowerCase();
  for (const pattern of BUILT_IN_BOT_PATTERNS) {
    if (e.includes(pattern) || n.includes(pattern)) return true;
  }
  const local = localPart(e);
  if (AUTOMATION_WORD.test(n) || AUTOMATION_WORD.test(local) || AUTOMATION_NAMES.has(n) || AUTOMATION_NAMES.has(local)) return true;
  if (AGENT_ADDRESSES.has(e) || (e.endsWith(GITHUB_NOREPLY) && AGENT_GITHUB_LOGINS.has(local))) return true;
  for (const raw of extra) {
    const pattern = raw.trim().toLowerCase();
    if (pattern && (e.includes(pattern) || n.includes(pattern))) return true;
  }
  return false;
}
