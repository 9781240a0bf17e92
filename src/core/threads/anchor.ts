import { createHash } from 'crypto';

/** What identifies the lines a thread talks about, so they can be found again after edits. */
export interface LineFingerprint {
  /** sha1 (hex) of the whitespace-normalized lines joined by `\n`. */
  sha1: string;
  /** Short hash per normalized line (at most MAX_LINE_HASHES), for fuzzy relocation. */
  lines: string[];
}

export interface Anchor {
  /** Normalised repository web URL (`https://host/owner/repo`) or `owner/repo`. */
  remote: string;
  /** Repository-relative path with `/` separators. */
  path: string;
  commit: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  fingerprint: LineFingerprint;
}

export const MAX_LINE_HASHES = 400;
const LINE_HASH_LENGTH = 8;
const ANCHOR_FORMAT_VERSION = 1;
const ANCHOR_COMMENT = /<!--\s*constellation:anchor\s+(\{[\s\S]*?\})\s*-->/;

/** Trims and collapses runs of whitespace so re-indentation does not lose an anchor. */
export function normalizeLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

export function lineHash(line: string): string {
  return createHash('sha1').update(normalizeLine(line)).digest('hex').slice(0, LINE_HASH_LENGTH);
}

export function fingerprintLines(lines: readonly string[]): LineFingerprint {
  const normalized = lines.map(normalizeLine);
  return {
    sha1: createHash('sha1').update(normalized.join('\n')).digest('hex'),
    lines: lines.slice(0, MAX_LINE_HASHES).map(lineHash),
  };
}

/** Splits file text into lines the way editors number them (a trailing newline adds no line). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

/** Builds an anchor for `startLine..endLine` (1-based, inclusive) of `fileText`. */
export function createAnchor(input: {
  remote: string;
  path: string;
  commit: string;
  startLine: number;
  endLine: number;
  fileText: string;
}): Anchor {
  const lines = splitLines(input.fileText).slice(input.startLine - 1, input.endLine);
  return {
    remote: input.remote,
    path: input.path.replace(/\\/g, '/'),
    commit: input.commit,
    startLine: input.startLine,
    endLine: input.endLine,
    fingerprint: fingerprintLines(lines),
  };
}

/**
 * The anchor as an HTML comment: GitHub keeps comments in bodies and does not render them.
 * `-`, `<` and `>` are \u-escaped so no path or hash can close the comment early.
 */
export function anchorComment(anchor: Anchor): string {
  const json = JSON.stringify({ v: ANCHOR_FORMAT_VERSION, ...anchor }).replace(/[-<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<!-- constellation:anchor ${json} -->`;
}

/** Appends the anchor comment to a Markdown body, replacing any anchor already there. */
export function embedAnchor(body: string, anchor: Anchor): string {
  const without = stripAnchor(body).replace(/\s+$/, '');
  return `${without}${without ? '\n\n' : ''}${anchorComment(anchor)}\n`;
}

export function stripAnchor(body: string): string {
  return body.replace(new RegExp(ANCHOR_COMMENT.source, 'g'), '').replace(/<!--\s*constellation:draft\s+[\w-]+\s*-->\n?/g, '');
}

/** Finds and validates the embedded anchor; anything malformed gives `undefined`, never an exception. */
export function parseAnchor(body: string | undefined | null): Anchor | undefined {
  if (typeof body !== 'string') {
    return undefined;
  }
  const match = ANCHOR_COMMENT.exec(body);
  if (!match) {
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(match[1]);
  } catch {
    return undefined;
  }
  return toAnchor(raw);
}

/** Validates an anchor-shaped value (from JSON or YAML front matter). */
export function toAnchor(raw: unknown): Anchor | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  const { remote, path, commit, startLine, endLine, fingerprint } = raw;
  if (typeof remote !== 'string' || typeof path !== 'string' || !path || typeof commit !== 'string') {
    return undefined;
  }
  if (!isLineNumber(startLine) || !isLineNumber(endLine) || endLine < startLine) {
    return undefined;
  }
  if (!isRecord(fingerprint) || typeof fingerprint.sha1 !== 'string' || !/^[0-9a-f]{40}$/.test(fingerprint.sha1)) {
    return undefined;
  }
  const lines = fingerprint.lines;
  if (!Array.isArray(lines) || !lines.every((h) => typeof h === 'string' && /^[0-9a-f]{1,40}$/.test(h))) {
    return undefined;
  }
  return { remote, path, commit, startLine, endLine, fingerprint: { sha1: fingerprint.sha1, lines: lines as string[] } };
}

function isLineNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
