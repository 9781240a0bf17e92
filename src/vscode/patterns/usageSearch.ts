/** "Find usages of pattern": markers and detected uses across the workspace, bounded and cancellable. */
import * as vscode from 'vscode';
import { appliesTo } from '../../core/patterns/applicability';
import { matchPatterns } from '../../core/patterns/detectors';
import type { LineRange } from '../../core/util/lineRange';
import { findMarkers } from '../../core/patterns/markers';
import type { Pattern } from '../../core/patterns/patternTypes';
import { languageOfPath, searchableFilesGlob } from './languageOfPath';
import { markedRange } from './usageRanges';

export interface PatternUsage {
  uri: vscode.Uri;
  range: LineRange;
  kind: 'marker' | 'detected';
}

export interface UsageSearchResult {
  usages: PatternUsage[];
  filesSearched: number;
  /** The file limit was reached or the search was cancelled: there may be more. */
  truncated: boolean;
}

export const MAX_FILES = 3000;
const MAX_FILE_BYTES = 1_000_000;
const EXCLUDE = '**/{node_modules,.git,dist,out,build,.vscode-test}/**';

export interface UsageSearchOptions {
  keyword: string;
  token?: vscode.CancellationToken;
  progress?: (done: number, total: number) => void;
  maxFiles?: number;
}

export async function findPatternUsages(pattern: Pattern, options: UsageSearchOptions): Promise<UsageSearchResult> {
  const maxFiles = options.maxFiles ?? MAX_FILES;
  const files = await vscode.workspace.findFiles(searchableFilesGlob(), EXCLUDE, maxFiles + 1, options.token);
  const truncatedByLimit = files.length > maxFiles;
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const usages: PatternUsage[] = [];
  const decoder = new TextDecoder();
  let searched = 0;
  for (const uri of files.slice(0, maxFiles)) {
    if (options.token?.isCancellationRequested) return { usages, filesSearched: searched, truncated: true };
    searched++;
    if (searched % 100 === 0) options.progress?.(searched, Math.min(files.length, maxFiles));
    const document = open.get(uri.toString());
    let text: string;
    if (document) {
      text = document.getText();
    } else {
      const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
      if (!stat || stat.size > MAX_FILE_BYTES) continue;
      text = decoder.decode(await vscode.workspace.fs.readFile(uri).then((b) => b, () => new Uint8Array()));
    }
    const relative = vscode.workspace.asRelativePath(uri, false);
    const languageId = document?.languageId ?? languageOfPath(relative) ?? 'plaintext';
    usages.push(...usagesIn(pattern, uri, { text, languageId, path: relative }, options.keyword));
  }
  return { usages, filesSearched: searched, truncated: truncatedByLimit };
}

/** The uses of one pattern in one text. */
export function usagesIn(pattern: Pattern, uri: vscode.Uri, doc: { text: string; languageId: string; path: string }, keyword: string): PatternUsage[] {
  const out: PatternUsage[] = [];
  if (doc.text.includes(pattern.id)) {
    const lines = doc.text.split(/\r?\n/);
    for (const marker of findMarkers(doc.text, doc.languageId, { keyword })) {
      if (marker.id === pattern.id) out.push({ uri, range: markedRange(lines, marker.line), kind: 'marker' });
    }
  }
  if (pattern.appliesTo.detect.length > 0 && appliesTo(pattern, doc)) {
    for (const match of matchPatterns({ patterns: [pattern] }, doc).matches) {
      for (const range of match.ranges) {
        if (!out.some((u) => u.kind === 'marker' && u.range.startLine <= range.startLine && range.endLine <= u.range.endLine)) {
          out.push({ uri, range, kind: 'detected' });
        }
      }
    }
  }
  return out;
}

export function usageLocation(usage: PatternUsage): vscode.Location {
  return new vscode.Location(usage.uri, new vscode.Range(usage.range.startLine - 1, 0, usage.range.endLine - 1, 0));
}
