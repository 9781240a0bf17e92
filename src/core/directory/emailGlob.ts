/**
 * Email globs such as `*@supplier.example` or `*.contractor@acme.example`.
 * Only `*` (any run of characters, possibly empty) and `?` (one character) are special; matching is
 * case-insensitive. The matcher is the classic two-pointer wildcard walk, linear in practice and never
 * exponential, so a hostile glob cannot stall the editor.
 */

export function isEmailGlob(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

export function matchesEmailGlob(glob: string, email: string): boolean {
  const pattern = glob.toLowerCase();
  const text = email.toLowerCase();
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starT = t;
    } else if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') {
    p++;
  }
  return p === pattern.length;
}

/**
 * How specific a glob is: more literal characters is more specific (`*@eu.acme.example` beats
 * `*@acme.example`); on a tie, fewer wildcards wins. Compare with `compareGlobSpecificity`.
 */
export function globSpecificity(glob: string): { literals: number; wildcards: number } {
  let wildcards = 0;
  for (const ch of glob) {
    if (ch === '*' || ch === '?') {
      wildcards++;
    }
  }
  return { literals: glob.length - wildcards, wildcards };
}

/** Negative when `a` is more specific than `b`, so sorting puts the most specific first. */
export function compareGlobSpecificity(a: string, b: string): number {
  const sa = globSpecificity(a);
  const sb = globSpecificity(b);
  return sb.literals - sa.literals || sa.wildcards - sb.wildcards;
}
