/** Markers and detected uses in one document, computed once per (document version, catalogue). */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { matchPatterns } from '../../core/patterns/detectors';
import type { LineRange } from '../../core/util/lineRange';
import { findMarkers, type PatternMarker } from '../../core/patterns/markers';
import type { Pattern } from '../../core/patterns/patternTypes';
import type { PatternCatalogue } from '../../core/patterns/library';
import type { PatternStore } from './patternStore';
import { readPatternSettings } from './patternSettings';
import { markedRange, rangesOverlap } from './usageRanges';

export interface DetectedUse {
  pattern: Pattern;
  range: LineRange;
}

export interface MarkerUse {
  marker: PatternMarker;
  /** Undefined when no pattern has the marker's id. */
  pattern?: Pattern;
  /** The lines the marker annotates. */
  range: LineRange;
}

export interface DocumentAnalysis {
  markers: MarkerUse[];
  detected: DetectedUse[];
  budgetExceeded: boolean;
}

const EMPTY: DocumentAnalysis = { markers: [], detected: [], budgetExceeded: false };
/** Big generated files are not worth a look. */
const MAX_TEXT = 2_000_000;

interface Entry {
  version: number;
  generation: number;
  keyword: string;
  analysis: DocumentAnalysis;
}

export class DocumentPatterns {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly store: PatternStore, private readonly logger: Logger) {}

  catalogue(): PatternCatalogue | undefined {
    return this.store.catalogue();
  }

  analyse(document: vscode.TextDocument): DocumentAnalysis {
    const catalogue = this.store.catalogue();
    if (!catalogue || document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return EMPTY;
    const keyword = readPatternSettings().markerKeyword;
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.generation === this.store.generation && hit.keyword === keyword) return hit.analysis;
    let analysis = EMPTY;
    try {
      const text = document.getText();
      if (text.length <= MAX_TEXT) analysis = this.compute(document, text, keyword);
    } catch (error) {
      this.logger.error(`pattern analysis of ${document.uri.fsPath} failed: ${(error as Error).message}`);
    }
    this.cache.set(key, { version: document.version, generation: this.store.generation, keyword, analysis });
    return analysis;
  }

  private compute(document: vscode.TextDocument, text: string, keyword: string): DocumentAnalysis {
    const catalogue = this.store.catalogue();
    if (!catalogue) return EMPTY;
    const lines = text.split(/\r?\n/);
    const markers = findMarkers(text, document.languageId, { keyword }).map((marker) => ({
      marker,
      pattern: catalogue.byId(marker.id),
      range: markedRange(lines, marker.line),
    }));
    const result = matchPatterns(catalogue, { path: vscode.workspace.asRelativePath(document.uri, false), languageId: document.languageId, text });
    if (result.budgetExceeded) this.logger.debug(`pattern detection stopped early in ${document.uri.fsPath} [${Math.round(result.elapsedMs)}ms]`);
    const detected: DetectedUse[] = [];
    for (const match of result.matches) {
      const pattern = catalogue.byId(match.patternId);
      if (pattern) for (const range of match.ranges) detected.push({ pattern, range });
    }
    return { markers, detected, budgetExceeded: result.budgetExceeded };
  }

  /** Patterns used by the lines of `range` (markers annotating them and detections within them). */
  patternsAt(document: vscode.TextDocument, range: vscode.Range): Pattern[] {
    const lines: LineRange = { startLine: range.start.line + 1, endLine: range.end.line + 1 };
    const analysis = this.analyse(document);
    const found = new Map<string, Pattern>();
    for (const use of analysis.markers) if (use.pattern && rangesOverlap(use.range, lines)) found.set(use.pattern.id, use.pattern);
    for (const use of analysis.detected) if (rangesOverlap(use.range, lines)) found.set(use.pattern.id, use.pattern);
    return [...found.values()];
  }

  /** Every pattern the document uses. */
  patternsOf(document: vscode.TextDocument): Pattern[] {
    return this.patternsAt(document, new vscode.Range(0, 0, Math.max(0, document.lineCount - 1), 0));
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
