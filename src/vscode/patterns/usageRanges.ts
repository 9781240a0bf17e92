/** Which lines a pattern marker or detection stands for (pure: no editor import). */
import type { LineRange } from '../../core/util/lineRange';

/** Lines a marker annotates at most, so a marker at the top of a long file does not claim all of it. */
export const MAX_MARKED_LINES = 40;

/**
 * A marker annotates the code under it: from the marker line down to the line before the first
 * blank line after some code (or the end of the file), at most MAX_MARKED_LINES lines.
 * A marker at the end of a block (nothing below it) stands for itself.
 */
export function markedRange(lines: readonly string[], markerLine: number): LineRange {
  let end = markerLine;
  for (let index = markerLine; index < lines.length && end - markerLine + 1 < MAX_MARKED_LINES; index++) {
    if (lines[index].trim() === '') break;
    end = index + 1;
  }
  return { startLine: markerLine, endLine: end };
}

export function rangesOverlap(a: LineRange, b: LineRange): boolean {
  return a.startLine <= b.endLine && b.startLine <= a.endLine;
}
