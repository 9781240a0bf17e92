/**
 * Where a ranking's top-3 misses come from: an event whose author the ranking does not list at
 * all (no change to the file, its area or its co-change neighbours) cannot be a hit, however
 * the candidates are ordered. Splits the events into those whose author is a candidate and the
 * rest, and compares the model with the repository's most active people on each part.
 */
import type { FileMethod } from './fileMethods';
import type { PreparedRepo } from './evaluate';

export interface MissBreakdown {
  name: string;
  events: number;
  /** Events whose author is anywhere in the model's list. */
  candidates: number;
  /** …of which the model has the author in its first three. */
  modelHitsOnCandidates: number;
  /** …and the repository's three most active people include the author. */
  activeHitsOnCandidates: number;
  /** Events whose author the model does not list, by people who had committed before the cut-off. */
  knownNotCandidates: number;
  /** Events whose author the model does not list, and whom the three most active include. */
  activeHitsOnOthers: number;
}

export function missBreakdown(repo: PreparedRepo, model: FileMethod): MissBreakdown {
  const mostActive = repo.ctx.activity.mostActive().slice(0, 3);
  const lists = new Map<string, string[]>();
  const out: MissBreakdown = { name: repo.dataset.name, events: 0, candidates: 0, modelHitsOnCandidates: 0, activeHitsOnCandidates: 0, knownNotCandidates: 0, activeHitsOnOthers: 0 };
  for (const e of repo.dataset.events) {
    let list = lists.get(e.file);
    if (!list) lists.set(e.file, (list = model.rank(repo.ctx, e.file)));
    const at = list.indexOf(e.author);
    const activeHit = mostActive.includes(e.author);
    out.events++;
    if (at >= 0) {
      out.candidates++;
      if (at < 3) out.modelHitsOnCandidates++;
      if (activeHit) out.activeHitsOnCandidates++;
    } else {
      if (repo.dataset.index.people.has(e.author)) out.knownNotCandidates++;
      if (activeHit) out.activeHitsOnOthers++;
    }
  }
  return out;
}

export function pooledBreakdown(parts: readonly MissBreakdown[], name = 'pooled'): MissBreakdown {
  const sum = (key: Exclude<keyof MissBreakdown, 'name'>): number => parts.reduce((n, p) => n + p[key], 0);
  return {
    name, events: sum('events'), candidates: sum('candidates'), modelHitsOnCandidates: sum('modelHitsOnCandidates'),
    activeHitsOnCandidates: sum('activeHitsOnCandidates'), knownNotCandidates: sum('knownNotCandidates'), activeHitsOnOthers: sum('activeHitsOnOthers'),
  };
}

const pct = (part: number, whole: number): string => (whole > 0 ? ((100 * part) / whole).toFixed(1) : '–');

/** A Markdown table, one row per breakdown. */
export function breakdownTable(rows: readonly MissBreakdown[]): string[] {
  return [
    '| dataset | events | author a candidate | top-3 among them: model | most active | author not a candidate, known before the cut-off | most active top-3 on those not a candidate |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const others = r.events - r.candidates;
      return `| ${r.name} | ${r.events} | ${pct(r.candidates, r.events)} | ${pct(r.modelHitsOnCandidates, r.candidates)} | ${pct(r.activeHitsOnCandidates, r.candidates)} | ${pct(r.knownNotCandidates, others)} | ${pct(r.activeHitsOnOthers, others)} |`;
    }),
  ];
}
