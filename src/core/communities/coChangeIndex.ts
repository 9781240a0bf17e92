/** Questions about files that change together, over one repository's co-change data. */
import { forEachCoChange } from '../git/coChange';
import type { HistoryIndexData } from '../git/historyTypes';

export interface CoChangedPair {
  a: string;
  b: string;
  count: number;
  last: number;
}

export class CoChangeIndex {
  private commitsByPath: Map<string, number[]> | undefined;

  private constructor(
    /** Paths alive at the index's head of each commit that changed two or more of them. */
    private readonly sets: readonly string[][],
    /** Each of those commits' author time. */
    private readonly times: readonly number[],
  ) {}

  /** Only files alive at the index's head count; `since` limits the commits considered. */
  static fromHistory(index: HistoryIndexData, since: number): CoChangeIndex {
    const sets: string[][] = [];
    const times: number[] = [];
    if (index.coChange) {
      forEachCoChange(
        index.coChange,
        since,
        (time, alive) => {
          sets.push(alive);
          times.push(time);
        },
        (p) => index.files.has(p),
      );
    }
    return new CoChangeIndex(sets, times);
  }

  /**
   * This index's commits at or after `since` only: what `fromHistory(index, since)` gives, without
   * reading the history's co-change data a second time (the report asks for all time and the window).
   */
  since(since: number): CoChangeIndex {
    const sets: string[][] = [];
    const times: number[] = [];
    this.times.forEach((time, i) => {
      if (time < since) return;
      sets.push(this.sets[i]);
      times.push(time);
    });
    return new CoChangeIndex(sets, times);
  }

  get commits(): number {
    return this.sets.length;
  }

  /** Files changed in the same commits as `path`, with how often. */
  neighbours(path: string): Map<string, number> {
    if (!this.commitsByPath) {
      this.commitsByPath = new Map();
      this.sets.forEach((set, i) => {
        for (const p of set) {
          const list = this.commitsByPath!.get(p);
          if (list) list.push(i);
          else this.commitsByPath!.set(p, [i]);
        }
      });
    }
    const result = new Map<string, number>();
    for (const i of this.commitsByPath.get(path) ?? []) {
      for (const other of this.sets[i]) if (other !== path) result.set(other, (result.get(other) ?? 0) + 1);
    }
    return result;
  }

  /** Pairs that changed together at least `minCount` times, most often first. */
  pairs(minCount: number): CoChangedPair[] {
    const counts = new Map<string, CoChangedPair>();
    this.sets.forEach((set, i) => {
      const sorted = [...set].sort();
      for (let x = 0; x < sorted.length; x++) {
        for (let y = x + 1; y < sorted.length; y++) {
          const key = `${sorted[x]}\0${sorted[y]}`;
          const pair = counts.get(key);
          if (pair) {
            pair.count++;
            if (this.times[i] > pair.last) pair.last = this.times[i];
          } else counts.set(key, { a: sorted[x], b: sorted[y], count: 1, last: this.times[i] });
        }
      }
    });
    return [...counts.values()].filter((p) => p.count >= minCount).sort((p, q) => q.count - p.count || q.last - p.last || (p.a + p.b < q.a + q.b ? -1 : 1));
  }
}
