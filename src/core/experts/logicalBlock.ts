/** Indices into an array of lines, 0-based and inclusive (editor positions are 0-based); not a LineRange. */
export interface LineIndexRange {
  startLine: number;
  endLine: number;
}

export interface LogicalBlockOptions {
  /** Largest block returned (default 80 lines); longer blocks are clipped around the line. */
  maxLines?: number;
}

const DEFAULT_MAX_LINES = 80;
const TAB_WIDTH = 4;

/** Lines that close a block opened above at the same indentation. */
const CLOSER = /^\s*([}\])]|end\b|fi\b|done\b|esac\b)/;
/** Headers worth widening to: functions, classes and their kin in common languages. */
const DECLARATION = [
  /^\s*(@\w+\s+)*(export\s+)?(default\s+)?(declare\s+)?(abstract\s+)?(async\s+)?(function\*?|class|interface|enum|namespace|module|def|fn|func|struct|impl|trait)\b/,
  /^\s*(pub(\([^)]*\))?\s+)?(async\s+)?(fn|struct|impl|trait|enum)\b/,
  /=>\s*\{\s*$/,
  /=\s*(async\s+)?function\b/,
  /^\s*((public|private|protected|static|async|override|readonly|get|set)\s+)*(?!(if|for|while|switch|catch|with|return|else)\b)[A-Za-z_$][\w$]*\s*(<[^>]*>)?\([^)]*\)\s*(:\s*[^{=]+)?\{\s*$/,
];

function indentOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += TAB_WIDTH - (width % TAB_WIDTH);
    else break;
  }
  return width;
}

class Outline {
  private readonly indents: (number | undefined)[];

  constructor(readonly lines: readonly string[]) {
    this.indents = lines.map(indentOf);
  }

  indent(i: number): number | undefined {
    return this.indents[i];
  }

  nextNonBlank(i: number): number | undefined {
    for (let j = i + 1; j < this.lines.length; j++) if (this.indents[j] !== undefined) return j;
    return undefined;
  }

  /** The header line `i` hangs from: nearest line above with a smaller indentation. */
  header(i: number): number | undefined {
    const own = this.indents[i] ?? 0;
    for (let j = i - 1; j >= 0; j--) {
      const ind = this.indents[j];
      if (ind !== undefined && ind < own) return j;
    }
    return undefined;
  }

  opensBlock(i: number): boolean {
    const next = this.nextNonBlank(i);
    return next !== undefined && (this.indents[next] ?? 0) > (this.indents[i] ?? 0);
  }

  /** Header `h` and every following line indented deeper, plus a closing bracket line. */
  blockOf(h: number): [number, number] {
    const base = this.indents[h] ?? 0;
    let end = h;
    for (let j = h + 1; j < this.lines.length; j++) {
      const ind = this.indents[j];
      if (ind === undefined) continue;
      if (ind > base) end = j;
      else {
        if (ind === base && CLOSER.test(this.lines[j])) end = j;
        break;
      }
    }
    return [h, end];
  }

  paragraphAt(i: number): [number, number] {
    let start = i;
    let end = i;
    while (start > 0 && this.indents[start - 1] !== undefined) start--;
    while (end < this.lines.length - 1 && this.indents[end + 1] !== undefined) end++;
    return [start, end];
  }

  nearestNonBlank(i: number): number | undefined {
    for (let d = 1; d < this.lines.length; d++) {
      if (i + d < this.lines.length && this.indents[i + d] !== undefined) return i + d;
      if (i - d >= 0 && this.indents[i - d] !== undefined) return i - d;
    }
    return undefined;
  }
}

function clip([start, end]: [number, number], around: number, max: number): LineIndexRange {
  if (end - start + 1 > max) {
    start = Math.max(start, Math.min(around - Math.floor(max / 2), end - max + 1));
    end = start + max - 1;
  }
  return { startLine: start, endLine: end };
}

function size([start, end]: [number, number]): number {
  return end - start + 1;
}

/**
 * The logical block around 0-based `line`: the innermost block enclosing it by indentation,
 * widened to the enclosing function/class/method when one is near enough (≤ maxLines); a blank
 * line gets the nearest paragraph; a top-level statement gets its paragraph. Always within
 * `maxLines` lines and containing the line (or, for a blank line, next to it).
 */
export function logicalBlockAround(lines: readonly string[], line: number, options: LogicalBlockOptions = {}): LineIndexRange {
  const max = Math.max(1, Math.floor(options.maxLines ?? DEFAULT_MAX_LINES));
  if (lines.length === 0) return { startLine: 0, endLine: 0 };
  const at = Math.min(Math.max(0, Math.floor(line)), lines.length - 1);
  const outline = new Outline(lines);

  if (outline.indent(at) === undefined) {
    const near = outline.nearestNonBlank(at);
    return near === undefined ? { startLine: at, endLine: at } : clip(outline.paragraphAt(near), near, max);
  }

  // The chain of enclosing headers, innermost first; a closing bracket belongs to its opener.
  const chain: number[] = [];
  let cursor: number | undefined = at;
  if (CLOSER.test(lines[at])) {
    for (let j = at - 1; j >= 0; j--) {
      const ind = outline.indent(j);
      if (ind !== undefined && ind <= (outline.indent(at) ?? 0)) {
        cursor = j;
        break;
      }
    }
  }
  if (cursor !== undefined && outline.opensBlock(cursor)) chain.push(cursor);
  for (let h = cursor === undefined ? undefined : outline.header(cursor); h !== undefined; h = outline.header(h)) chain.push(h);
  if (chain.length === 0) return clip(outline.paragraphAt(at), at, max);

  const innermost = outline.blockOf(chain[0]);
  for (const h of chain) {
    const block = outline.blockOf(h);
    if (size(block) > max) break;
    if (DECLARATION.some((re) => re.test(lines[h]))) return clip(block, at, max);
  }
  return clip(innermost, at, max);
}
