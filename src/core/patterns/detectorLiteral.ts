/**
 * The longest run of plain characters that every match of a detector must contain. Lines without
 * it cannot match, so the (slower) RE2 engine only runs on the few lines that have it. Conservative:
 * when in doubt the answer is "no literal" and every line is tried.
 */

export interface RequiredLiteral {
  text: string;
  /** Compare against lower-cased text: the expression has a case-insensitive flag. */
  ignoreCase: boolean;
}

const MIN_LENGTH = 3;
/** Escapes followed by more characters (`\x41`, `\p{L}`, `\Q…\E`, `\1`) end the analysis. */
const UNSAFE_ESCAPE = /[xpPuQEc0-9]/;

export function requiredLiteral(source: string): RequiredLiteral | undefined {
  const ignoreCase = /\(\?[a-zA-Z]*i[a-zA-Z]*[):]/.test(source);
  if (hasTopLevelAlternation(source)) return undefined;
  let best = '';
  let run = '';
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    let literal: string | undefined;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || UNSAFE_ESCAPE.test(next)) return finish(best, run, ignoreCase);
      if (/[A-Za-z]/.test(next)) {
        endRun();
        i = skipQuantifier(source, i + 2).end;
        continue;
      }
      literal = next;
      i += 2;
    } else if (c === '[') {
      endRun();
      i = skipClass(source, i);
      i = skipQuantifier(source, i).end;
      continue;
    } else if (c === '(') {
      endRun();
      i = skipGroup(source, i);
      if (i < 0) return undefined;
      i = skipQuantifier(source, i).end;
      continue;
    } else if ('.^$)'.includes(c)) {
      endRun();
      i++;
      i = skipQuantifier(source, i).end;
      continue;
    } else {
      literal = c;
      i++;
    }
    const quantifier = skipQuantifier(source, i);
    i = quantifier.end;
    // RE2 folds `k` with the Kelvin sign and `s` with the long s; lower-casing does not.
    const unsafeFold = ignoreCase && /[ks]/i.test(literal);
    if (quantifier.optional || unsafeFold) {
      endRun();
      continue;
    }
    run += ignoreCase ? literal.toLowerCase() : literal;
    if (quantifier.present) endRun();
  }
  return finish(best, run, ignoreCase);
}

function finish(best: string, run: string, ignoreCase: boolean): RequiredLiteral | undefined {
  const text = run.length > best.length ? run : best;
  return text.length >= MIN_LENGTH ? { text, ignoreCase } : undefined;
}

/** After an atom: `*`, `?`, `{0,…}` make it optional; `+`, `{n,…}` repeat it. A trailing `?` (lazy) is skipped. */
function skipQuantifier(source: string, i: number): { end: number; optional: boolean; present: boolean } {
  const c = source[i];
  let end = i;
  let optional = false;
  if (c === '*' || c === '?') {
    optional = true;
    end = i + 1;
  } else if (c === '+') {
    end = i + 1;
  } else if (c === '{') {
    const m = /^\{(\d*)(?:,\d*)?\}/.exec(source.slice(i));
    if (!m) return { end: i, optional: false, present: false };
    optional = m[1] === '' || Number(m[1]) === 0;
    end = i + m[0].length;
  } else {
    return { end: i, optional: false, present: false };
  }
  if (source[end] === '?') end++;
  return { end, optional, present: true };
}

function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index after the `)` closing the group opened at `i`, or -1. */
function skipGroup(source: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < source.length) {
    const c = source[j];
    if (c === '\\') j += 2;
    else if (c === '[') j = skipClass(source, j);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return -1;
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  for (let j = 0; j < source.length; ) {
    const c = source[j];
    if (c === '\\') j += 2;
    else if (c === '[') j = skipClass(source, j);
    else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '|' && depth === 0) return true;
      j++;
    }
  }
  return false;
}
