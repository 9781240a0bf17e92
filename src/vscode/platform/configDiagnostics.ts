import * as vscode from 'vscode';
import type { ConfigDiagnostic } from '../../core/directory/types';

/** A problem in a configuration or pattern file, as an editor diagnostic on its line. */
export function toEditorDiagnostic(problem: ConfigDiagnostic & { code?: string }): vscode.Diagnostic {
  const line = Math.max(0, problem.line - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, Math.max(0, problem.column - 1), line, Number.MAX_SAFE_INTEGER),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'Constellation';
  if (problem.code) diagnostic.code = problem.code;
  return diagnostic;
}
