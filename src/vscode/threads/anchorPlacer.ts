import type { Logger } from '../../core/logger';
import type { Anchor } from '../../core/threads/anchor';
import { mapAnchorRange, type MappedAnchorRange } from '../../core/threads/rangeMapping';
import { PromiseCache } from '../../core/util/promiseCache';
import type { GitRepository, RepositoryRegistry } from '../platform/repositories';
import { repositoryInfo, sameRemote } from './repositories';

/** Where one thread's anchor lands in one clone. */
export interface AnchorPlacement {
  root: string;
  mapped: MappedAnchorRange;
}

/**
 * Finds where an anchor's lines are now in every workspace clone of its repository. Results are
 * cached until the file is saved or HEAD moves (`invalidate`), so refreshes do not re-run git.
 */
export class AnchorPlacer {
  private readonly cache = new PromiseCache<MappedAnchorRange>();

  constructor(private readonly registry: RepositoryRegistry, private readonly roots: () => Promise<GitRepository[]>, private readonly logger: Logger) {}

  async place(anchor: Anchor): Promise<AnchorPlacement[]> {
    const placements: AnchorPlacement[] = [];
    for (const repository of await this.roots()) {
      const root = repository.root;
      if (!sameRemote(await repositoryInfo(repository), anchor.remote)) continue;
      const key = `${root}\0${JSON.stringify(anchor)}`;
      const mapped = this.cache.get(key, () => mapAnchorRange(anchor, { git: this.registry.git, repoRoot: root, logger: this.logger }));
      try {
        placements.push({ root, mapped: await mapped });
      } catch (err) {
        this.logger.warn(`cannot place thread anchor ${anchor.path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return placements;
  }

  /** Forget mappings (all, or those of one repository). */
  invalidate(root?: string): void {
    if (!root) this.cache.clear();
    else this.cache.clear((key) => key.startsWith(`${root}\0`));
  }
}
