/**
 * Detectors: the `appliesTo.detect` expressions, compiled with RE2 (re2js) so that matching time is
 * linear in the text: a detector like `(a+)+$` cannot hang the editor on a hostile file.
 * A detector matches within one line, like grep: `^` and `$` are the line's ends, `\s` never
 * reaches the next line. Lines lacking the detector's required literal are not tried at all.
 */
import { RE2JS } from 're2js';
import type { Pattern, PatternDiagnostic } from './patternTypes';
import type { PatternCatalogue } from './library';
import { appliesTo, type DocumentToMatch } from './applicability';
import type { LineRange } from '../util/lineRange';
import { diag } from './diagnostics';
import { requiredLiteral, type RequiredLiteral } from './detectorLiteral';

export interface CompiledDetector {
  patternId: string;
  /** The expression as written. */
  source: string;
  regex: RE2JS;
  /** Text every match contains, if the expression has one; used to skip lines cheaply. */
  literal?: RequiredLiteral;
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
  pattern.appliesTo.detect.forEach((source, i) => {
    // Positions only for a problem: a pattern read the quick way computes them on first use.
    const reject = (reason: string) => {
      const pos = pattern.positions.items['appliesTo.detect']?.[i] ?? pattern.positions.fields['appliesTo.detect'] ?? { line: 1, column: 1 };
      result.diagnostics.push({
        ...diag(pattern.file, pos.line, pos.column, 'bad-detector', `detector \`${source}\` is skipped: ${reason}`),
        patternId: pattern.id,
      });
    };
    let regex: RE2JS;
    try {
      regex = RE2JS.compile(source);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reject(`${message} (detectors use RE2 syntax: no backreferences or lookaround)`);
      return;
    }
    if (regex.matcher('').find()) {
      reject('it matches empty text, so it would match every file');
      return;
    }
    result.detectors.push({ patternId: pattern.id, source, regex, literal: requiredLiteral(source) });
  });
  compiled.set(pattern, result);
  return result;
}

/** All `bad-detector` diagnostics of a catalogue. */
export function detectorDiagnostics(catalogue: Pick<PatternCatalogue, 'patterns'>): PatternDiagnostic[] {
  return catalogue.patterns.flatMap((p) => compilePatternDetectors(p).diagnostics);
}

export interface PatternMatch {
  patternId: string;
  /** Matching lines, consecutive ones joined into one range. */
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
  /** At most this many matching lines per pattern (default 500). */
  maxLinesPerPattern?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** How many lines are tried between two readings of the clock. */
const CLOCK_EVERY = 512;

/** Runs the detectors of every applicable pattern over a document. */
export function matchPatterns(
  catalogue: Pick<PatternCatalogue, 'patterns'>,
  document: DocumentToMatch,
  options: MatchOptions = {},
): MatchResult {
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? 100;
  const maxLines = options.maxLinesPerPattern ?? 500;
  const started = now();
  const detectors = catalogue.patterns
    .filter((p) => p.appliesTo.detect.length > 0 && appliesTo(p, document))
    .flatMap((p) => compilePatternDetectors(p).detectors);
  if (detectors.length === 0) return { matches: [], budgetExceeded: false, elapsedMs: now() - started };

  const text = new DocumentText(document.text);
  const linesByPattern = new Map<string, Set<number>>();
  let budgetExceeded = false;
  outer: for (const detector of detectors) {
    if (now() - started > budget) {
      budgetExceeded = true;
      break;
    }
    const found = linesByPattern.get(detector.patternId) ?? new Set<number>();
    linesByPattern.set(detector.patternId, found);
    let tried = 0;
    for (const index of text.candidateLines(detector.literal)) {
      if (found.size >= maxLines) break;
      if (++tried % CLOCK_EVERY === 0 && now() - started > budget) {
        budgetExceeded = true;
        break outer;
      }
      if (!found.has(index) && detector.regex.test(text.lines[index])) found.add(index);
    }
  }
  const matches: PatternMatch[] = [];
  for (const [patternId, lines] of linesByPattern) {
    if (lines.size > 0) matches.push({ patternId, ranges: toRanges([...lines].sort((a, b) => a - b)) });
  }
  return { matches, budgetExceeded, elapsedMs: now() - started };
}

/** The lines of a document, and where a literal occurs in them (computed lazily, shared by detectors). */
class DocumentText {
  readonly lines: string[];
  private lower?: { text: string; starts: number[] };
  private exact?: number[];

  constructor(private readonly text: string) {
    this.lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  }

  /** 0-based indexes of the lines that may match: all of them without a literal. */
  candidateLines(literal: RequiredLiteral | undefined): Iterable<number> {
    if (!literal) return this.lines.keys();
    let haystack: string;
    let starts: number[];
    if (literal.ignoreCase) {
      // Lower-case line by line: the case change of some characters changes their length.
      if (!this.lower) {
        const text = this.lines.map((l) => l.toLowerCase()).join('\n');
        this.lower = { text, starts: lineStarts(text) };
      }
      ({ text: haystack, starts } = this.lower);
    } else {
      this.exact ??= lineStarts(this.text);
      haystack = this.text;
      starts = this.exact;
    }
    const out: number[] = [];
    for (let at = haystack.indexOf(literal.text); at !== -1; ) {
      const line = lineOf(starts, at);
      out.push(line);
      const next = starts[line + 1];
      if (next === undefined) break;
      at = haystack.indexOf(literal.text, next);
    }
    return out;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line of a character offset. */
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Sorted 0-based line indexes → 1-based ranges of consecutive lines. */
function toRanges(lines: number[]): LineRange[] {
  const out: LineRange[] = [];
  for (const index of lines) {
    const last = out[out.length - 1];
    if (last && index === last.endLine) last.endLine = index + 1;
    else out.push({ startLine: index + 1, endLine: index + 1 });
  }
  return out;
}
