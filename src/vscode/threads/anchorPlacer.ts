import type { Logger } from '../../core/logger';
import type { Anchor } from '../../core/threads/anchor';
import type { GitExec } from '../../core/threads/permalink';
import { mapAnchorRange, type MappedAnchorRange } from '../../core/threads/rangeMapping';
import { sameRemote, type RepositoryInfoCache } from './repositories';
import { PromiseCache } from '../../core/util/promiseCache';

export interface Placement {
  root: string;
  mapped: MappedAnchorRange;
}

/**
 * Finds where an anchor's lines are now in every workspace clone of its repository. Results are
 * cached until the file is saved or HEAD moves (`invalidate`), so refreshes do not re-run git.
 */
export class AnchorPlacer {
  private readonly cache = new PromiseCache<MappedAnchorRange>();

  constructor(private readonly git: GitExec, private readonly repositories: RepositoryInfoCache, private readonly roots: () => Promise<string[]>, private readonly logger: Logger) {}

  async place(anchor: Anchor): Promise<Placement[]> {
    const placements: Placement[] = [];
    for (const root of await this.roots()) {
      if (!sameRemote(await this.repositories.get(root), anchor.remote)) continue;
      const key = `${root}\0${JSON.stringify(anchor)}`;
      const mapped = this.cache.get(key, () => mapAnchorRange(anchor, { git: this.git, repoRoot: root, logger: this.logger }));
      try {
        placements.push({ root, mapped: await mapped });
      } catch (err) {
        this.logger.warn(`cannot place thread anchor ${anchor.path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return placements;
  }

  /** Forget mappings (all, or those of one repository-relative path in one root). */
  invalidate(root?: string, relativePath?: string): void {
    if (!root) {
      this.cache.clear();
      return;
    }
    this.cache.clear((key) => key.startsWith(`${root}\0`) && (relativePath === undefined || key.includes(`"path":${JSON.stringify(relativePath)}`)));
  }
}
