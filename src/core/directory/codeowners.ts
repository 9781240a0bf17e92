/** CODEOWNERS, read the way GitHub reads it: first file found wins, last matching line wins. */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Logger } from '../logger';
import { isGitHubLogin } from './identity';
import { compilePattern, normalizeRepoPath, type PathMatcher } from './codeownersPattern';
import type { ConfigDiagnostic } from './types';

export interface CodeownersRule {
  /** The pattern as written. */
  pattern: string;
  /** `@user`, `@org/team` or email, as written. Empty: the matched paths are deliberately unowned. */
  owners: string[];
  /** 1-based line in the CODEOWNERS file. */
  line: number;
  matches: PathMatcher;
}

/** Where GitHub looks, in the order it looks; the first file that exists is the only one used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

const TEAM_OWNER = /^@[a-z\d](?:[a-z\d-]*)\/[a-z\d._-]+$/i;
const EMAIL_OWNER = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Parses CODEOWNERS text; a line GitHub would reject is reported and skipped, the rest still applies. */
export function parseCodeowners(text: string, file: string): { rules: CodeownersRule[]; diagnostics: ConfigDiagnostic[] } {
  const rules: CodeownersRule[] = [];
  const diagnostics: ConfigDiagnostic[] = [];
  const report = (line: number, column: number, message: string): void => {
    diagnostics.push({ file, line, column, message, severity: 'error' });
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const tokens = tokenize(raw);
    if (tokens.length === 0 || tokens[0].text.startsWith('#')) {
      return;
    }
    const [patternToken, ...rest] = tokens;
    const commentAt = rest.findIndex((t) => t.text.startsWith('#'));
    const ownerTokens = commentAt >= 0 ? rest.slice(0, commentAt) : rest;
    const compiled = compilePattern(patternToken.text);
    if (!compiled.ok) {
      report(line, patternToken.column, `"${patternToken.text}": ${compiled.reason}; line ignored`);
      return;
    }
    const bad = ownerTokens.find((t) => !isOwner(t.text));
    if (bad) {
      report(line, bad.column, `"${bad.text}" is not an owner (expected @user, @org/team or an email address); line ignored`);
      return;
    }
    rules.push({ pattern: patternToken.text, owners: ownerTokens.map((t) => t.text), line, matches: compiled.matches });
  });
  return { rules, diagnostics };
}

/** The rule that decides a path's owners: the last one matching it, or undefined when none does. */
export function matchingRule(rules: readonly CodeownersRule[], filePath: string): CodeownersRule | undefined {
  const normalized = normalizeRepoPath(filePath);
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i].matches(normalized)) {
      return rules[i];
    }
  }
  return undefined;
}

/** Owners of a repository-relative path; [] when no rule matches or the winning rule lists nobody. */
export function ownersOf(rules: readonly CodeownersRule[], filePath: string): string[] {
  return [...(matchingRule(rules, filePath)?.owners ?? [])];
}

export interface LoadedCodeowners {
  /** Repository-relative location of the file used, or undefined when the repository has none. */
  file?: string;
  rules: CodeownersRule[];
  diagnostics: ConfigDiagnostic[];
}

/** Reads the CODEOWNERS file GitHub would use for `repoRoot`; a missing file is not a problem. */
export async function loadCodeowners(repoRoot: string, logger?: Logger): Promise<LoadedCodeowners> {
  for (const location of CODEOWNERS_LOCATIONS) {
    const absolute = path.join(repoRoot, location);
    let text: string;
    try {
      text = await fs.readFile(absolute, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') {
        logger?.warn(`cannot read ${absolute}: ${(err as Error).message}`);
      }
      continue;
    }
    const { rules, diagnostics } = parseCodeowners(text, absolute);
    logger?.debug(`CODEOWNERS: ${location}, ${rules.length} rules, ${diagnostics.length} problems`);
    return { file: location, rules, diagnostics };
  }
  return { rules: [], diagnostics: [] };
}

function isOwner(token: string): boolean {
  if (token.startsWith('@')) {
    return TEAM_OWNER.test(token) || isGitHubLogin(token.slice(1));
  }
  return EMAIL_OWNER.test(token);
}

interface Token { text: string; column: number }

/** Splits on whitespace, keeping `\ ` (an escaped space) inside a pattern. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let current = '';
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      if (current === '') {
        start = i;
      }
      current += ch + line[++i];
    } else if (/\s/.test(ch)) {
      if (current !== '') {
        tokens.push({ text: current, column: start + 1 });
        current = '';
      }
    } else {
      if (current === '') {
        start = i;
      }
      current += ch;
    }
  }
  if (current !== '') {
    tokens.push({ text: current, column: start + 1 });
  }
  return tokens;
}
