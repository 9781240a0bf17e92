import * as vscode from 'vscode';
import { logicalBlockAround } from '../../core/experts/logicalBlock';
import type { CodeTarget } from '../contracts';

export { isCodeTarget, type CodeTarget } from '../contracts';

const BLOCK_WINDOW = 200;

/** The selection when the position is inside one, otherwise the logical block around the line. */
export function targetAt(document: vscode.TextDocument, position: vscode.Position, selection?: vscode.Selection): CodeTarget {
  if (selection && !selection.isEmpty && selection.contains(position)) {
    return fromRange(document, selection);
  }
  const first = Math.max(0, position.line - BLOCK_WINDOW);
  const last = Math.min(document.lineCount - 1, position.line + BLOCK_WINDOW);
  const lines: string[] = [];
  for (let i = first; i <= last; i++) lines.push(document.lineAt(i).text);
  const block = logicalBlockAround(lines, position.line - first);
  return { uri: document.uri.toString(), startLine: block.startLine + first + 1, endLine: block.endLine + first + 1 };
}

export function fromRange(document: vscode.TextDocument, range: vscode.Range): CodeTarget {
  // A selection ending at column 0 does not really include that last line.
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return { uri: document.uri.toString(), startLine: range.start.line + 1, endLine: endLine + 1 };
}

export function targetRange(target: CodeTarget): vscode.Range {
  return new vscode.Range(target.startLine - 1, 0, target.endLine - 1, Number.MAX_SAFE_INTEGER);
}
