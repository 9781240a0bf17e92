import { isBot } from '../../src/core/experts/bots';
import { parentFolders } from '../../src/core/experts/areaStats';
import { decayWeight } from '../../src/core/experts/scoring';
import type { HistoryIndexData } from '../../src/core/git/historyTypes';

export const BASELINE_HALF_LIFE_DAYS = 180;

/**
 * Recency-weighted changes (180-day half-life, seen from the cut-off) per person, for every file
 * and every folder at the cut-off, computed once: what the recency, mix and most-active
 * baselines rank by. Bots are left out.
 */
export class AreaActivity {
  /** Folder ('' = repository) → person → Σ 2^(−age/halfLife) over changes to files under it. */
  readonly folders = new Map<string, Map<string, number>>();
  readonly files = new Map<string, Map<string, number>>();
  readonly human: (email: string) => boolean;

  constructor(readonly index: HistoryIndexData, readonly now: number, halfLifeDays = BASELINE_HALF_LIFE_DAYS) {
    const verdicts = new Map<string, boolean>();
    this.human = (email) => {
      let v = verdicts.get(email);
      if (v === undefined) {
        v = !isBot(email, index.people.get(email)?.name ?? '');
        verdicts.set(email, v);
      }
      return v;
    };
    for (const [path, file] of index.files) {
      const own = new Map<string, number>();
      for (const [email, c] of file.contributions) {
        if (!this.human(email)) continue;
        let sum = 0;
        for (const t of c.changeTimes) sum += decayWeight(t, now, halfLifeDays);
        if (sum > 0) own.set(email, sum);
      }
      this.files.set(path, own);
      for (const folder of parentFolders(path)) {
        let people = this.folders.get(folder);
        if (!people) {
          people = new Map();
          this.folders.set(folder, people);
        }
        for (const [email, w] of own) people.set(email, (people.get(email) ?? 0) + w);
      }
    }
  }

  /** The people of the repository, most active (recency-weighted changes) first. */
  mostActive(): string[] {
    this.mostActiveList ??= rankBy(this.folders.get('') ?? new Map());
    return this.mostActiveList;
  }

  private mostActiveList: string[] | undefined;
}

/** Keys of a score map, highest first, ties by key. */
export function rankBy(scores: ReadonlyMap<string, number>): string[] {
  return [...scores.entries()].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([e]) => e);
}
