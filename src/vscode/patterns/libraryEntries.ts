/** What one entry of `constellation.patterns.libraries` points at (pure: no editor import). */
import * as path from 'path';

export const DEFAULT_WORKSPACE_LIBRARY = '.constellation/patterns/**/*.md';

export type LibraryEntry =
  | { kind: 'github'; spec: string }
  /** A folder outside the workspace, given by absolute path. */
  | { kind: 'folder'; root: string; include: string[] }
  /** A folder of every workspace folder: `base` relative to it, files matched by `include` under it. */
  | { kind: 'workspace'; base: string; include: string[] };

const GLOB_CHARS = /[*?[\]{}!]/;

/** Splits a glob into the folder before its first wildcard and the rest (`docs/p/**\/*.md` → `docs/p`, `**\/*.md`). */
export function splitGlob(glob: string): { base: string; include: string[] } {
  const parts = glob.replace(/\\/g, '/').split('/');
  const first = parts.findIndex((p) => GLOB_CHARS.test(p));
  if (first === -1) {
    // A plain folder (or a single Markdown file's folder).
    if (parts[parts.length - 1].toLowerCase().endsWith('.md')) return { base: parts.slice(0, -1).join('/'), include: [parts[parts.length - 1]] };
    return { base: parts.join('/'), include: ['**/*.md'] };
  }
  return { base: parts.slice(0, first).join('/'), include: [parts.slice(first).join('/')] };
}

/** Reads one configured entry; undefined for an empty one. */
export function parseLibraryEntry(raw: string): LibraryEntry | undefined {
  const entry = raw.trim();
  if (entry === '') return undefined;
  if (/^github:/i.test(entry)) return { kind: 'github', spec: entry.replace(/^github:/i, '') };
  const { base, include } = splitGlob(entry);
  const cleanBase = base.replace(/\/+$/, '');
  if (path.isAbsolute(entry) || /^[A-Za-z]:[\\/]/.test(entry)) return { kind: 'folder', root: cleanBase === '' ? '/' : cleanBase, include };
  return { kind: 'workspace', base: cleanBase.replace(/^(\.\/)+/, ''), include };
}

/** The default workspace library first, then the configured ones, without repeats. */
export function libraryEntries(configured: readonly string[]): LibraryEntry[] {
  const out: LibraryEntry[] = [];
  const seen = new Set<string>();
  for (const raw of [DEFAULT_WORKSPACE_LIBRARY, ...configured]) {
    const entry = parseLibraryEntry(raw);
    if (!entry) continue;
    const key = JSON.stringify(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
  }
  return out;
}
