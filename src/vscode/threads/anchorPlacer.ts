import type { Logger } from '../../core/logger';
import type { Anchor } from '../../core/threads/anchor';
import type { GitExec } from '../../core/threads/permalink';
import { mapAnchorRange, type MappedAnchorRange } from '../../core/threads/rangeMapping';
import { sameRemote, type RepositoryInfoCache } from './repositories';

export interface Placement {
  root: string;
  mapped: MappedAnchorRange;
}

/**
 * Finds where an anchor's lines are now in every workspace clone of its repository. Results are
 * cached until the file is saved or HEAD moves (`invalidate`), so refreshes do not re-run git.
 */
export class AnchorPlacer {
  private readonly cache = new Map<string, Promise<MappedAnchorRange>>();

  constructor(private readonly git: GitExec, private readonly repositories: RepositoryInfoCache, private readonly roots: () => Promise<string[]>, private readonly logger: Logger) {}

  async place(anchor: Anchor): Promise<Placement[]> {
    const placements: Placement[] = [];
    for (const root of await this.roots()) {
      if (!sameRemote(await this.repositories.get(root), anchor.remote)) continue;
      const key = `${root}\0${JSON.stringify(anchor)}`;
      let mapped = this.cache.get(key);
      if (!mapped) {
        mapped = mapAnchorRange(anchor, { git: this.git, repoRoot: root, logger: this.logger });
        this.cache.set(key, mapped);
        mapped.catch(() => this.cache.delete(key));
      }
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
    for (const key of [...this.cache.keys()]) {
      if (!key.startsWith(`${root}\0`)) continue;
      if (relativePath === undefined || key.includes(`"path":${JSON.stringify(relativePath)}`)) this.cache.delete(key);
    }
  }
}
