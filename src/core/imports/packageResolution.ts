/**
 * From an import specifier to the package keys a hub index knows (`npm:@acme/http`,
 * `go:example.com/acme/http`, `module:acme_http`), most specific first.
 */
import type { ImportLanguage } from './importSpecifiers';

/** `@acme/http/retry` → `@acme/http`; `lodash/fp` → `lodash`; relative, absolute and URL specifiers → undefined. */
export function npmPackageName(specifier: string): string | undefined {
  const s = specifier.trim().replace(/^npm:/, '');
  if (!s || s.startsWith('.') || s.startsWith('/') || s.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(s)) return undefined;
  const parts = s.split('/');
  if (s.startsWith('@')) return parts.length >= 2 && parts[1] ? `${parts[0]}/${parts[1]}` : undefined;
  return parts[0] || undefined;
}

/** Every prefix of a Go import path that could be its module, longest first (`a.com/x/y/z` → `a.com/x/y/z`, `a.com/x/y`, `a.com/x`). */
export function goModuleCandidates(specifier: string): string[] {
  const parts = specifier.trim().split('/').filter(Boolean);
  // The standard library has no dot in its first element; modules always do (or are local replaces).
  if (parts.length === 0 || !parts[0].includes('.')) return [];
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(parts.slice(0, n).join('/'));
  return out;
}

/** Package keys to look up, most specific first. */
export function packageKeysForImport(language: ImportLanguage, specifier: string): string[] {
  if (language === 'js') {
    const name = npmPackageName(specifier);
    return name ? [`npm:${name}`] : [];
  }
  if (language === 'go') return goModuleCandidates(specifier).map((m) => `go:${m}`);
  const top = specifier.trim().split('.')[0];
  if (!top) return [];
  return [`module:${top.toLowerCase()}`, `pypi:${top.toLowerCase().replace(/_/g, '-')}`];
}
