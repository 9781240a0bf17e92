/**
 * Relative links inside a pattern document (`[async/await](async-await-io)`, `../api/x.md`,
 * `other.md#section`): which pattern or library file they point at. Pure, so the page can render
 * them as "open that pattern/file" and the editor only ever opens what this resolved.
 */
import * as path from 'path';
import type { Pattern } from './patternTypes';

export type DocumentLinkTarget =
  | { kind: 'pattern'; id: string; fragment?: string }
  /** `file` has the form of Pattern.file: an absolute path, or `owner/repo@ref:path` for GitHub. */
  | { kind: 'file'; file: string; fragment?: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const GITHUB_FILE = /^([^/\s]+\/[^@\s]+@[^:\s]+:)(.+)$/;
const EXTENSION = /\.[a-z0-9]+$/i;

/** A link without scheme or host: relative to the document it sits in. */
export function isRelativeReference(href: string): boolean {
  const h = href.trim();
  return h !== '' && !SCHEME.test(h) && !h.startsWith('//') && !h.startsWith('\\');
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Splits a pattern file into a prefix (GitHub `owner/repo@ref:`) and a path, with the path module for it. */
function located(file: string): { prefix: string; inner: string; paths: path.PlatformPath } {
  const github = GITHUB_FILE.exec(file);
  if (github) return { prefix: github[1], inner: `/${github[2]}`, paths: path.posix };
  return { prefix: '', inner: file, paths: path };
}

/** The deepest folder holding every pattern file of the library: links may not climb out of it. */
function libraryFolder(files: string[], paths: path.PlatformPath): string {
  let common = paths.dirname(files[0]);
  for (const file of files.slice(1)) {
    while (common !== paths.dirname(common) && paths.relative(common, file).startsWith('..')) common = paths.dirname(common);
  }
  return common;
}

/**
 * Resolves `href` (from `from`'s body): a bare pattern id, a pattern document by path (with or
 * without `.md`), or another file of the same library. Undefined for anything else, including
 * paths that climb out of the library's folder; such links render as plain text.
 */
export function resolveDocumentLink(href: string, from: Pattern, patterns: readonly Pattern[]): DocumentLinkTarget | undefined {
  if (!isRelativeReference(href)) return undefined;
  const hash = href.indexOf('#');
  const rawPath = (hash < 0 ? href : href.slice(0, hash)).replace(/\?.*$/, '');
  const fragment = hash < 0 ? undefined : decode(href.slice(hash + 1)) || undefined;
  const target = decode(rawPath.trim());
  if (target === undefined || target === '') return undefined;
  const withFragment = <T extends DocumentLinkTarget>(t: T): T => (fragment === undefined ? t : { ...t, fragment });

  if (!target.includes('/') && !EXTENSION.test(target)) {
    const byId = patterns.find((p) => p.id === target);
    if (byId) return withFragment({ kind: 'pattern', id: byId.id });
  }
  const here = located(from.file);
  const siblings = patterns.filter((p) => p.source === from.source && located(p.file).prefix === here.prefix);
  const folder = libraryFolder(siblings.map((p) => located(p.file).inner).concat(here.inner), here.paths);
  const resolved = here.paths.resolve(here.paths.dirname(here.inner), target);
  if (here.paths.relative(folder, resolved).startsWith('..')) return undefined;
  for (const candidate of EXTENSION.test(resolved) ? [resolved] : [`${resolved}.md`, resolved]) {
    const pattern = siblings.find((p) => located(p.file).inner === candidate);
    if (pattern) return withFragment({ kind: 'pattern', id: pattern.id });
  }
  const file = here.prefix ? `${here.prefix}${resolved.slice(1)}` : resolved;
  return withFragment({ kind: 'file', file });
}
