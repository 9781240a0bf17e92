import { AreaActivity } from './areaActivity';
import type { FileContext, FileMethod } from './fileMethods';
import type { ScoredQuery } from './metrics';
import type { RealDataset } from './realDataset';

export const FILE_SLICES = ['known authors', 'outside the 3 most active'] as const;

/** The context every file method of one dataset shares (activity computed once). */
export function fileContext(dataset: RealDataset): FileContext {
  return { activity: new AreaActivity(dataset.index, dataset.now), now: dataset.now };
}

/**
 * Scores every event of `dataset`: where each method ranked the real author of the later change
 * (each method ranks each file once). Slices: authors seen before the cut-off, and authors outside
 * the three most active people at the cut-off.
 */
export function scoreFileEvents(dataset: RealDataset, methods: readonly FileMethod[], ctx: FileContext = fileContext(dataset)): ScoredQuery[] {
  const core = new Set(ctx.activity.mostActive().slice(0, 3));
  const rankings = methods.map(() => new Map<string, Map<string, number>>());
  const rankOf = (m: number, file: string, author: string): number => {
    let positions = rankings[m].get(file);
    if (!positions) {
      positions = new Map(methods[m].rank(ctx, file).map((email, i) => [email, i + 1]));
      rankings[m].set(file, positions);
    }
    return positions.get(author) ?? 0;
  };
  return dataset.events.map((event) => {
    const slices: string[] = [];
    if (dataset.index.people.has(event.author)) slices.push(FILE_SLICES[0]);
    if (!core.has(event.author)) slices.push(FILE_SLICES[1]);
    return {
      cluster: `${dataset.name}\0${event.commit}`,
      slices,
      ranks: methods.map((_, m) => rankOf(m, event.file, event.author)),
    };
  });
}
