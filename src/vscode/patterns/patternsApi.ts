import type * as vscode from 'vscode';
import type { PatternCatalogue } from '../../core/patterns/library';
import type { Pattern } from '../../core/patterns/patternTypes';

/**
 * What the patterns feature offers the rest of the extension (threads link related patterns,
 * experts of a pattern come from its usages). Implemented in src/vscode/patterns.
 */
export interface PatternsApi {
  /** The merged catalogue as loaded now; undefined until the first load finishes. */
  catalogue(): PatternCatalogue | undefined;
  /** Patterns that apply to a range of a document: explicit markers and detected uses. */
  patternsAt(document: vscode.TextDocument, range: vscode.Range): Pattern[];
  /** Fires after every (re)load of the libraries. */
  readonly onDidChangeCatalogue: vscode.Event<void>;
}
