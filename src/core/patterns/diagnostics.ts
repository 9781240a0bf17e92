/** Building and ordering pattern diagnostics. */
import type { PatternDiagnostic } from './patternTypes';

export function diag(
  file: string,
  line: number,
  column: number,
  code: PatternDiagnostic['code'],
  message: string,
  severity: PatternDiagnostic['severity'] = 'error',
): PatternDiagnostic {
  return { file, line, column, code, message, severity };
}

/** Orders diagnostics by file, then line, then column, so reports read top to bottom. */
export function sortDiagnostics(diagnostics: PatternDiagnostic[]): PatternDiagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
