/**
 * Explicit links from code to a pattern: a comment such as `// pattern: retry-with-backoff`, in the
 * comment syntax of the document's language. Text inside string literals is not a comment.
 */
import { commentSyntax, type CommentSyntax } from './commentSyntax';

export const DEFAULT_MARKER_KEYWORD = 'pattern';

export interface PatternMarker {
  id: string;
  /** 1-based line. */
  line: number;
  /** 1-based column of the first character of the id. */
  startCol: number;
  /** 1-based column just after the id (exclusive), so `endCol - startCol === id.length`. */
  endCol: number;
}

export interface MarkerOptions {
  /** The word before the colon (default `pattern`); matched case-insensitively. */
  keyword?: string;
}

interface Opener {
  open: string;
  /** Undefined for a line comment. */
  close?: string;
}

/** Finds every `<keyword>: id[, id...]` in the comments of a document. */
export function findMarkers(text: string, languageId: string, options: MarkerOptions = {}): PatternMarker[] {
  const keyword = (options.keyword ?? DEFAULT_MARKER_KEYWORD).trim();
  const markerRe = new RegExp(`(?<![\\w-])${escapeRegExp(keyword)}\\s*:[ \\t]*`, 'gi');
  const syntax = commentSyntax(languageId);
  const openers = sortedOpeners(syntax);
  const markers: PatternMarker[] = [];
  let openBlock: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const scan = commentSegments(line, syntax, openers, openBlock);
    openBlock = scan.openBlock;
    for (const [start, end] of scan.segments) {
      const segment = line.slice(start, end);
      markerRe.lastIndex = 0;
      for (let m = markerRe.exec(segment); m; m = markerRe.exec(segment)) {
        for (const found of idsAt(segment, m.index + m[0].length)) {
          markers.push({ id: found.id, line: index + 1, startCol: start + found.start + 1, endCol: start + found.start + found.id.length + 1 });
        }
      }
    }
  });
  return markers;
}

/** The comment to insert to mark code as using a pattern, in the language's preferred comment syntax. */
export function markerComment(languageId: string, id: string, options: MarkerOptions = {}): string {
  const keyword = options.keyword ?? DEFAULT_MARKER_KEYWORD;
  const syntax = commentSyntax(languageId);
  const body = `${keyword}: ${id}`;
  if (syntax.line.length > 0) return `${syntax.line[0]} ${body}`;
  const [open, close] = syntax.block[0] ?? ['//', ''];
  return `${open} ${body} ${close}`.trimEnd();
}

/** Comma-separated kebab-case ids starting at `from`. */
function idsAt(segment: string, from: number): Array<{ id: string; start: number }> {
  const ids: Array<{ id: string; start: number }> = [];
  const idRe = /[a-z0-9]+(?:-[a-z0-9]+)*/y;
  let pos = from;
  for (;;) {
    idRe.lastIndex = pos;
    const m = idRe.exec(segment);
    if (!m) break;
    const after = segment[pos + m[0].length];
    if (after !== undefined && /[\w-]/.test(after)) break;
    ids.push({ id: m[0], start: pos });
    pos += m[0].length;
    const comma = /\s*,\s*/y;
    comma.lastIndex = pos;
    const sep = comma.exec(segment);
    if (!sep) break;
    pos += sep[0].length;
  }
  return ids;
}

function sortedOpeners(syntax: CommentSyntax): Opener[] {
  const openers: Opener[] = [...syntax.block.map(([open, close]) => ({ open, close })), ...syntax.line.map((open) => ({ open }))];
  return openers.sort((a, b) => b.open.length - a.open.length);
}

/** The [start, end) spans of a line that are comment text, and the block comment still open at its end. */
function commentSegments(
  line: string,
  syntax: CommentSyntax,
  openers: Opener[],
  openBlock: string | undefined,
): { segments: Array<[number, number]>; openBlock: string | undefined } {
  const segments: Array<[number, number]> = [];
  let i = 0;
  if (openBlock !== undefined) {
    const close = line.indexOf(openBlock);
    if (close === -1) return { segments: [[0, line.length]], openBlock };
    segments.push([0, close]);
    i = close + openBlock.length;
  }
  let quote: string | undefined;
  while (i < line.length) {
    const ch = line[i];
    if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      i++;
      continue;
    }
    const opener = line[i - 1] === '\\' ? undefined : openers.find((o) => startsWithOpener(line, i, o.open));
    if (opener) {
      const from = i + opener.open.length;
      if (opener.close === undefined) return { segments: [...segments, [from, line.length]], openBlock: undefined };
      const close = line.indexOf(opener.close, from);
      if (close === -1) return { segments: [...segments, [from, line.length]], openBlock: opener.close };
      segments.push([from, close]);
      i = close + opener.close.length;
      continue;
    }
    if (syntax.quotes.includes(ch)) quote = ch;
    i++;
  }
  return { segments, openBlock: undefined };
}

function startsWithOpener(line: string, at: number, open: string): boolean {
  if (!line.startsWith(open, at)) return false;
  // Word openers (`REM`) must stand alone, not be the start of `REMOVE`.
  if (/^\w+$/.test(open)) {
    const before = line[at - 1];
    const after = line[at + open.length];
    return (before === undefined || !/\w/.test(before)) && (after === undefined || !/\w/.test(after));
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
