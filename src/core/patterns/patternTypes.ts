/** A community's shared repertoire: the pattern documents and what goes wrong reading them. */
import type { ConfigDiagnostic } from '../directory/types';

export const PATTERN_STATUSES = ['proposed', 'adopted', 'deprecated', 'retired'] as const;
export type PatternStatus = (typeof PATTERN_STATUSES)[number];

/** Why a pattern file (or part of it) was not understood. */
export type PatternDiagnosticCode =
  | 'invalid-front-matter'
  | 'missing-field'
  | 'invalid-field'
  | 'bad-id'
  | 'duplicate-id'
  | 'dangling-replacedBy'
  | 'dangling-related'
  | 'broken-example'
  | 'bad-detector'
  | 'detector-budget'
  | 'unknown-status'
  | 'source-unavailable';

export interface PatternDiagnostic extends ConfigDiagnostic {
  code: PatternDiagnosticCode;
  /** The pattern the problem belongs to, when it is known. */
  patternId?: string;
}

/** A 1-based place in the pattern file. */
export interface Position {
  line: number;
  column: number;
}

export interface AppliesTo {
  /** VS Code language ids; empty = any language. */
  languages: string[];
  /** picomatch globs over workspace-relative paths; empty = any file. */
  files: string[];
  /** Regular expressions (RE2 syntax) finding code that uses the pattern. */
  detect: string[];
}

/** Where each front-matter field sits, so later checks can point at the right line. */
export interface FieldPositions {
  /** Position of each top-level key (e.g. `replacedBy`), and of nested ones as `appliesTo.detect`. */
  fields: Record<string, Position>;
  /** Position of each item of a list field, e.g. `related[2]` → `items['related'][2]`. */
  items: Record<string, Position[]>;
}

export interface Pattern {
  id: string;
  title: string;
  summary: string;
  community: string;
  tags: string[];
  status: PatternStatus;
  maintainers: string[];
  appliesTo: AppliesTo;
  replacedBy?: string;
  related: string[];
  examples: string[];
  /** Front-matter fields this version does not know: kept, never rejected. */
  extra: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** File path (local) or `owner/repo@ref:path` (GitHub) the pattern came from. */
  file: string;
  /** Name of the library the pattern came from. */
  source: string;
  positions: FieldPositions;
}

/** The patterns of one source (a folder, a GitHub repository) and what went wrong reading them. */
export interface PatternLibrary {
  /** A human name for the source, e.g. `folder:/work/patterns` or `github:acme/patterns@main`. */
  name: string;
  patterns: Pattern[];
  diagnostics: PatternDiagnostic[];
  /** True when the library came from an offline cache rather than the live source. */
  stale?: boolean;
}
