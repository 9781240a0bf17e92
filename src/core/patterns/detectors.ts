/**
 * Detectors: the `appliesTo.detect` expressions, compiled with RE2 (re2js) so that matching time is
 * linear in the text: a detector like `(a+)+$` cannot hang the editor on a hostile file.
 */
import { RE2JS } from 're2js';
import type { Pattern, PatternDiagnostic } from './patternTypes';
import type { PatternCatalogue } from './library';
import { appliesTo, type DocumentToMatch } from './applicability';
import { diag } from './diagnostics';

export interface CompiledDetector {
  patternId: string;
  /** The expression as written. */
  source: string;
  regex: RE2JS;
}

interface CompiledPattern {
  detectors: CompiledDetector[];
  diagnostics: PatternDiagnostic[];
}

const compiled = new WeakMap<Pattern, CompiledPattern>();

/** Compiles (once per pattern object) the detectors of a pattern; rejected ones come back as `bad-detector`. */
export function compilePatternDetectors(pattern: Pattern): CompiledPattern {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const result: CompiledPattern = { detectors: [], diagnostics: [] };
  const positions = pattern.positions.items['appliesTo.detect'] ?? [];
  pattern.appliesTo.detect.forEach((source, i) => {
    const pos = positions[i] ?? pattern.positions.fields['appliesTo.detect'] ?? { line: 1, column: 1 };
    const reject = (reason: string) =>
      result.diagnostics.push({
        ...diag(pattern.file, pos.line, pos.column, 'bad-detector', `detector \`${source}\` is skipped: ${reason}`),
        patternId: pattern.id,
      });
    let regex: RE2JS;
    try {
      regex = RE2JS.compile(source, RE2JS.MULTILINE);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reject(`${message} (detectors use RE2 syntax: no backreferences or lookaround)`);
      return;
    }
    if (regex.matcher('').find()) {
      reject('it matches empty text, so it would match every file');
      return;
    }
    result.detectors.push({ patternId: pattern.id, source, regex });
  });
  compiled.set(pattern, result);
  return result;
}

/** All `bad-detector` diagnostics of a catalogue. */
export function detectorDiagnostics(catalogue: Pick<PatternCatalogue, 'patterns'>): PatternDiagnostic[] {
  return catalogue.patterns.flatMap((p) => compilePatternDetectors(p).diagnostics);
}

/** 1-based, inclusive. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

export interface PatternMatch {
  patternId: string;
  ranges: LineRange[];
}

export interface MatchResult {
  matches: PatternMatch[];
  /** True when matching stopped because the time budget ran out: `matches` is then partial. */
  budgetExceeded: boolean;
  elapsedMs: number;
}

export interface MatchOptions {
  /** Stop matching this document after this long (default 100 ms). */
  budgetMs?: number;
  /** At most this many ranges per pattern (default 500). */
  maxRangesPerPattern?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Text is matched in chunks of whole lines so the budget is checked between chunks. */
const CHUNK_CHARS = 32 * 1024;

/** Runs the detectors of every applicable pattern over a document. */
export function matchPatterns(
  catalogue: Pick<PatternCatalogue, 'patterns'>,
  document: DocumentToMatch,
  options: MatchOptions = {},
): MatchResult {
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? 100;
  const maxRanges = options.maxRangesPerPattern ?? 500;
  const started = now();
  const detectors = catalogue.patterns
    .filter((p) => p.appliesTo.detect.length > 0 && appliesTo(p, document))
    .flatMap((p) => compilePatternDetectors(p).detectors);
  const matches: PatternMatch[] = [];
  if (detectors.length === 0) return { matches, budgetExceeded: false, elapsedMs: now() - started };

  const lineStarts = computeLineStarts(document.text);
  const chunks = splitChunks(document.text, lineStarts);
  const rangesByPattern = new Map<string, LineRange[]>();
  let budgetExceeded = false;
  outer: for (const detector of detectors) {
    const ranges = rangesByPattern.get(detector.patternId) ?? [];
    rangesByPattern.set(detector.patternId, ranges);
    for (const chunk of chunks) {
      if (now() - started > budget) {
        budgetExceeded = true;
        break outer;
      }
      const matcher = detector.regex.matcher(document.text.slice(chunk.start, chunk.end));
      while (ranges.length < maxRanges && matcher.find()) {
        if (matcher.end() === matcher.start()) continue;
        ranges.push({
          startLine: lineOf(lineStarts, chunk.start + matcher.start()),
          endLine: lineOf(lineStarts, chunk.start + matcher.end() - 1),
        });
      }
    }
  }
  for (const [patternId, ranges] of rangesByPattern) {
    if (ranges.length > 0) matches.push({ patternId, ranges: mergeRanges(ranges) });
  }
  return { matches, budgetExceeded, elapsedMs: now() - started };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function splitChunks(text: string, lineStarts: number[]): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const lineStart of lineStarts) {
    if (lineStart - start >= CHUNK_CHARS) {
      chunks.push({ start, end: lineStart });
      start = lineStart;
    }
  }
  chunks.push({ start, end: text.length });
  return chunks;
}

/** 1-based line of a character offset. */
function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function mergeRanges(ranges: LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
  const out: LineRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.startLine <= last.endLine) last.endLine = Math.max(last.endLine, r.endLine);
    else out.push({ ...r });
  }
  return out;
}
