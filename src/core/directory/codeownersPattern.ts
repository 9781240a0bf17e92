/**
 * One CODEOWNERS path pattern, compiled with GitHub's semantics: gitignore rules minus `!` negation,
 * `[ ]` ranges and `\#` escapes (GitHub documents those three as not working), and `dir/*` matching
 * only the files directly in `dir`. Paths are case-sensitive, as on GitHub.
 */
import { RE2JS } from 're2js';

export type PathMatcher = (path: string) => boolean;

/** A compiled pattern, or why GitHub would reject the line. */
export type CompiledPattern = { ok: true; matches: PathMatcher } | { ok: false; reason: string };

/**
 * Native regular expressions backtrack; a pattern with several `*` in one segment can take seconds on
 * a long name. Beyond this many wildcards the linear-time RE2 engine takes over.
 */
const NATIVE_WILDCARD_LIMIT = 2;

export function compilePattern(pattern: string): CompiledPattern {
  if (pattern.startsWith('!')) {
    return { ok: false, reason: 'GitHub does not support "!" negation in CODEOWNERS' };
  }
  if (pattern.startsWith('\\#')) {
    return { ok: false, reason: 'GitHub does not support escaping a leading "#" with "\\" in CODEOWNERS' };
  }
  if (/(^|[^\\])[[\]]/.test(pattern)) {
    return { ok: false, reason: 'GitHub does not support "[ ]" character ranges in CODEOWNERS' };
  }
  const directoryOnly = pattern.endsWith('/');
  let body = pattern.replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.includes('/');
  body = body.replace(/^\/+/, '');
  if (body === '') {
    return { ok: false, reason: 'the pattern matches no path' };
  }
  const segments = body.split('/').filter((seg, i, all) => !(seg === '**' && all[i - 1] === '**'));
  let source = anchored || segments[0] === '**' ? '' : '(?:.*/)?';
  let needSlash = false;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      source += last ? (i === 0 ? '.*' : '/.*') : i === 0 ? '(?:.*/)?' : '/(?:.*/)?';
      needSlash = false;
    } else {
      source += (needSlash ? '/' : '') + segmentSource(segment);
      needSlash = true;
    }
  });
  // A match on a directory owns everything under it; `dir/*` stops at the files directly inside,
  // and `dir/` only ever names a directory.
  const lastSegment = segments[segments.length - 1];
  const tail = directoryOnly ? '/.*' : lastSegment === '*' ? '' : '(?:/.*)?';
  const matcher = buildMatcher(`^${source}${tail}$`, wildcardCount(body));
  // Most rules fail on most paths; a substring test rejects them far faster than a regex.
  const required = longestLiteral(body);
  return { ok: true, matches: required.length < 2 ? matcher : (path) => path.includes(required) && matcher(path) };
}

/** The longest run of literal characters inside one path segment: any match must contain it. */
function longestLiteral(body: string): string {
  let best = '';
  let run = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      run += body[++i];
    } else if (ch === '*' || ch === '?' || ch === '/') {
      run = '';
    } else {
      run += ch;
    }
    if (run.length > best.length) {
      best = run;
    }
  }
  return best;
}

function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '\\' && i + 1 < segment.length) {
      out += escapeRegex(segment[++i]);
    } else if (ch === '*') {
      while (segment[i + 1] === '*') {
        i++;
      }
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

function wildcardCount(body: string): number {
  return (body.match(/\*+|\?/g) ?? []).length;
}

function buildMatcher(source: string, wildcards: number): PathMatcher {
  if (wildcards <= NATIVE_WILDCARD_LIMIT) {
    const regex = new RegExp(source);
    return (path) => regex.test(path);
  }
  const re2 = RE2JS.compile(source);
  return (path) => re2.matches(path);
}

/** Repository-relative (forward slashes from the caller; a backslash is a file name character), no leading `./` or `/`. */
export function normalizeRepoPath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}
