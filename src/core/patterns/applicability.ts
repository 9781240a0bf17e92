/** Whether a pattern applies to a document: by VS Code language id and by path globs. */
import picomatch from 'picomatch';
import type { Pattern } from './patternTypes';

/** A document to match against the catalogue; `path` is workspace-relative. */
export interface DocumentToMatch {
  path: string;
  languageId: string;
  text: string;
}

const fileMatchers = new WeakMap<Pattern, (path: string) => boolean>();

/** Normalises a path for glob matching: forward slashes, no leading `./`. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

function fileMatcher(pattern: Pattern): (path: string) => boolean {
  let matcher = fileMatchers.get(pattern);
  if (!matcher) {
    const globs = pattern.appliesTo.files;
    // Globs without a slash (`*.ts`) match the file name anywhere, as in .gitignore.
    matcher = globs.length === 0 ? () => true : globMatcher(globs);
    fileMatchers.set(pattern, matcher);
  }
  return matcher;
}

/** picomatch's own `basename` option also changes globs with a slash, so split them here. */
function globMatcher(globs: string[]): (path: string) => boolean {
  const nameGlobs = globs.filter((g) => !g.includes('/'));
  const pathGlobs = globs.filter((g) => g.includes('/'));
  const byName = nameGlobs.length > 0 ? picomatch(nameGlobs, { dot: true }) : () => false;
  const byPath = pathGlobs.length > 0 ? picomatch(pathGlobs, { dot: true }) : () => false;
  return (path) => byPath(path) || byName(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * A pattern applies when its `languages` (if any) include the document's language AND its `files`
 * globs (if any) match the path. A pattern with neither applies everywhere.
 */
export function appliesTo(pattern: Pattern, document: Pick<DocumentToMatch, 'path' | 'languageId'>): boolean {
  const { languages } = pattern.appliesTo;
  if (languages.length > 0 && !languages.includes(document.languageId)) return false;
  return fileMatcher(pattern)(normalizePath(document.path));
}
