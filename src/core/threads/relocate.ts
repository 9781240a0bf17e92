import { createHash } from 'crypto';
import { lineHash, normalizeLine, type LineFingerprint } from './anchor';

export interface Relocation {
  startLine: number;
  endLine: number;
  /** 1 for an identical window, else the share of distinctive anchor lines found in order. */
  similarity: number;
}

export interface RelocateOptions {
  /** Where the range used to start (1-based); ties go to the closest window. */
  hintLine?: number;
  /** Below this similarity nothing is returned (default 0.6). */
  minSimilarity?: number;
}

const MAX_CANDIDATES = 5;
/** A line seen more often than this in the file (braces, blank lines) says little about position. */
const MAX_DISTINCTIVE_FREQUENCY = 3;

/**
 * Finds the window of `lines` that best matches the fingerprint of a `length`-line range:
 * first an identical window, else the best in-order match of distinctive lines.
 */
export function relocateByFingerprint(fingerprint: LineFingerprint, length: number, lines: readonly string[], options: RelocateOptions = {}): Relocation | undefined {
  const hashes = lines.map(lineHash);
  const hint = options.hintLine ?? 1;
  const exact = findIdentical(fingerprint, length, lines, hashes, hint);
  if (exact !== undefined) {
    return { startLine: exact + 1, endLine: exact + length, similarity: 1 };
  }
  const fuzzy = findSimilar(fingerprint.lines, length, hashes, hint);
  return fuzzy && fuzzy.similarity >= (options.minSimilarity ?? 0.6) ? fuzzy : undefined;
}

/** 0-based start of the identical window closest to the hint, if any. */
function findIdentical(fingerprint: LineFingerprint, length: number, lines: readonly string[], hashes: readonly string[], hint: number): number | undefined {
  const prefix = fingerprint.lines;
  let best: number | undefined;
  for (let start = 0; start + length <= lines.length; start++) {
    let same = true;
    for (let j = 0; j < prefix.length && same; j++) {
      same = hashes[start + j] === prefix[j];
    }
    if (!same) {
      continue;
    }
    const sha1 = createHash('sha1').update(lines.slice(start, start + length).map(normalizeLine).join('\n')).digest('hex');
    if (sha1 === fingerprint.sha1 && (best === undefined || Math.abs(start + 1 - hint) < Math.abs(best + 1 - hint))) {
      best = start;
    }
  }
  return best;
}

function findSimilar(anchorHashes: readonly string[], length: number, hashes: readonly string[], hint: number): Relocation | undefined {
  const positions = new Map<string, number[]>();
  hashes.forEach((h, i) => {
    const list = positions.get(h);
    if (list) {
      list.push(i);
    } else {
      positions.set(h, [i]);
    }
  });
  const distinctive = anchorHashes
    .map((hash, index) => ({ hash, index }))
    .filter(({ hash }) => (positions.get(hash)?.length ?? 0) <= MAX_DISTINCTIVE_FREQUENCY);
  if (!distinctive.length) {
    return undefined;
  }
  // Each distinctive line found in the file votes for where the range would start.
  const votes = new Map<number, number>();
  for (const { hash, index } of distinctive) {
    for (const p of positions.get(hash) ?? []) {
      votes.set(p - index, (votes.get(p - index) ?? 0) + 1);
    }
  }
  const candidates = [...votes.entries()].sort((a, b) => b[1] - a[1] || Math.abs(a[0] - (hint - 1)) - Math.abs(b[0] - (hint - 1))).slice(0, MAX_CANDIDATES);
  const slack = Math.max(3, Math.ceil(length / 2));
  let best: Relocation | undefined;
  for (const [offset] of candidates) {
    const from = Math.max(0, offset - slack);
    const to = Math.min(hashes.length, offset + length + slack);
    const match = alignInOrder(distinctive, hashes, from, to);
    if (!match) {
      continue;
    }
    const startLine = Math.max(1, match.firstFileLine - match.firstAnchorIndex + 1);
    const endLine = Math.min(hashes.length, match.lastFileLine + (length - 1 - match.lastAnchorIndex) + 1);
    const candidate = { startLine, endLine, similarity: match.matched / distinctive.length };
    if (!best || candidate.similarity > best.similarity || (candidate.similarity === best.similarity && Math.abs(startLine - hint) < Math.abs(best.startLine - hint))) {
      best = candidate;
    }
  }
  return best;
}

interface Alignment {
  matched: number;
  firstAnchorIndex: number;
  firstFileLine: number;
  lastAnchorIndex: number;
  lastFileLine: number;
}

/** Longest common subsequence between the distinctive anchor lines and file lines [from, to). */
function alignInOrder(anchor: ReadonlyArray<{ hash: string; index: number }>, hashes: readonly string[], from: number, to: number): Alignment | undefined {
  const rows = anchor.length;
  const cols = to - from;
  const table = new Uint16Array((rows + 1) * (cols + 1));
  const at = (i: number, j: number): number => i * (cols + 1) + j;
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      table[at(i, j)] = anchor[i].hash === hashes[from + j] ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
    }
  }
  const matched = table[at(0, 0)];
  if (!matched) {
    return undefined;
  }
  let first: [number, number] | undefined;
  let last: [number, number] = [0, 0];
  for (let i = 0, j = 0; i < rows && j < cols; ) {
    if (anchor[i].hash === hashes[from + j] && table[at(i, j)] === table[at(i + 1, j + 1)] + 1) {
      first ??= [anchor[i].index, from + j];
      last = [anchor[i].index, from + j];
      i++;
      j++;
    } else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) {
      i++;
    } else {
      j++;
    }
  }
  if (!first) {
    return undefined;
  }
  return { matched, firstAnchorIndex: first[0], firstFileLine: first[1], lastAnchorIndex: last[0], lastFileLine: last[1] };
}
