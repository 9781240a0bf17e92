/** One `@@ -oldStart,oldCount +newStart,newCount @@` header of a `--unified=0` diff. */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

export interface NameStatusEntry {
  /** First letter of git's status: M, A, D, R, C, T... */
  status: string;
  path: string;
  /** Source path for renames and copies. */
  from?: string;
}

/** Parses `git diff -z --name-status` output. */
export function parseNameStatusZ(output: string): NameStatusEntry[] {
  const tokens = output.split('\0');
  const entries: NameStatusEntry[] = [];
  for (let i = 0; i < tokens.length; ) {
    const status = tokens[i++];
    if (!status) {
      continue;
    }
    const letter = status[0];
    if (letter === 'R' || letter === 'C') {
      const from = tokens[i++];
      const to = tokens[i++];
      if (from !== undefined && to !== undefined) {
        entries.push({ status: letter, path: to, from });
      }
    } else {
      const path = tokens[i++];
      if (path !== undefined) {
        entries.push({ status: letter, path });
      }
    }
  }
  return entries;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Reads the hunk headers of a unified diff; the changed lines themselves are not needed. */
export function parseHunks(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const line of diff.split('\n')) {
    const match = HUNK_HEADER.exec(line);
    if (match) {
      hunks.push({
        oldStart: Number(match[1]),
        oldCount: match[2] === undefined ? 1 : Number(match[2]),
        newStart: Number(match[3]),
        newCount: match[4] === undefined ? 1 : Number(match[4]),
      });
    }
  }
  return hunks;
}

export interface MappedRange {
  startLine: number;
  endLine: number;
  /** Some hunk touched lines inside the range. */
  edited: boolean;
  /** Every line of the range was removed. */
  deleted: boolean;
}

/**
 * Carries `startLine..endLine` of the old file through the hunks: hunks above shift it, hunks
 * inside mark it edited (the range then spans what replaced them), hunks below do nothing.
 */
export function mapRangeThroughHunks(hunks: readonly Hunk[], startLine: number, endLine: number): MappedRange {
  let edited = false;
  for (const h of hunks) {
    if (h.oldCount === 0) {
      // Pure insertion after old line oldStart: inside the range only if strictly between its lines.
      if (h.oldStart >= startLine && h.oldStart < endLine) {
        edited = true;
      }
    } else if (h.oldStart <= endLine && h.oldStart + h.oldCount - 1 >= startLine) {
      edited = true;
    }
  }
  const newStart = mapLine(hunks, startLine, 'start');
  const newEnd = mapLine(hunks, endLine, 'end');
  const deleted = newEnd < newStart;
  return { startLine: newStart, endLine: Math.max(newEnd, newStart), edited: edited && !deleted, deleted };
}

/** Where old line `line` is now; a replaced line maps to the replacement's first (start) or last (end) line. */
function mapLine(hunks: readonly Hunk[], line: number, edge: 'start' | 'end'): number {
  let delta = 0;
  for (const h of hunks) {
    const oldEnd = h.oldStart + h.oldCount - 1;
    const above = h.oldCount === 0 ? h.oldStart < line : oldEnd < line;
    if (above) {
      delta += h.newCount - h.oldCount;
      continue;
    }
    if (h.oldCount > 0 && h.oldStart <= line) {
      // The line itself was replaced or deleted.
      if (h.newCount === 0) {
        // Deleted: starts move to the line after the gap, ends to the line before it.
        return edge === 'start' ? h.newStart + 1 : h.newStart;
      }
      return edge === 'start' ? h.newStart : h.newStart + h.newCount - 1;
    }
    break;
  }
  return line + delta;
}
