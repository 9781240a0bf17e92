/**
 * Experts across several repositories of a workspace (multi-root folders, nested clones): the
 * code areas of a community or a pattern (`repo:glob` limits a glob to one repository, matched by
 * name: `billing` names `acme/billing`), ranked in each repository with its own index and
 * directory, then combined so one person is one entry whatever the repository.
 */
import picomatch from 'picomatch';
import type { CodeArea } from '../communities/communityTypes';
import type { RankedExpert } from '../experts/types';
import { sameRepositoryName } from '../repositories/repositoryName';
import type { ExpertQueryService } from './expertQueryService';
import type { HistoryIndexManager } from './historyIndexManager';

export interface WorkspaceRepository {
  /** Work tree root (the key of the history index and directory caches). */
  root: string;
  /** `owner/name` (repositoryIdentity) that `repo:glob` areas name. */
  name: string;
}

export interface CombinedExpert {
  /** `@login` when the directory knows one, else the email. */
  key: string;
  expert: RankedExpert;
  /** 0..1, top = 1: the sum of the person's normalized scores over every ranked target. */
  score: number;
  /** `name:path` of the targets the person is an expert of. */
  targets: string[];
}

/** Files ranked one by one at most per area and repository (a glob that is not a folder). */
const MAX_FILES_PER_AREA = 50;

/** The globs of `areas` that apply in `repo`: its own `repo:glob`s and the unprefixed ones (those of `home` only, when given). */
export function globsForRepository(areas: readonly CodeArea[], repo: WorkspaceRepository, home?: string): string[] {
  return areas
    .filter((a) => (a.repo !== undefined ? sameRepositoryName(a.repo, repo.name) : home === undefined || sameRepositoryName(home, repo.name)))
    .map((a) => a.glob.replace(/^\.?\/+/, ''));
}

function folderOfGlob(glob: string): string | undefined {
  const m = /^((?:[^*?[\]{}!/]+\/)*[^*?[\]{}!/]+)\/\*\*$/.exec(glob);
  return m?.[1];
}

/** Ranks every area in every repository it applies to and combines the answers per person. */
export async function rankCodeAreas(
  service: ExpertQueryService,
  indexes: HistoryIndexManager,
  repositories: readonly WorkspaceRepository[],
  areas: readonly CodeArea[],
  options: { home?: string; limit?: number; signal?: AbortSignal } = {},
): Promise<CombinedExpert[]> {
  const byKey = new Map<string, CombinedExpert>();
  for (const repo of repositories) {
    const index = indexes.current(repo.root);
    if (!index) continue;
    for (const glob of globsForRepository(areas, repo, options.home)) {
      const folder = folderOfGlob(glob);
      const targets: Array<{ path: string; kind: 'file' | 'folder' }> = [];
      if (folder !== undefined && [...index.files.keys()].some((p) => p.startsWith(`${folder}/`))) targets.push({ path: folder, kind: 'folder' });
      else {
        const matches = picomatch(glob, { dot: true });
        for (const path of index.files.keys()) if (matches(path) && targets.length < MAX_FILES_PER_AREA) targets.push({ path, kind: 'file' });
      }
      for (const target of targets) {
        const ranking = await service.rank({ repository: repo.root, path: target.path, kind: target.kind, limit: options.limit ?? 10, signal: options.signal });
        for (const expert of ranking?.experts ?? []) {
          const key = expert.placement.github ? `@${expert.placement.github.toLowerCase()}` : expert.email;
          const entry = byKey.get(key) ?? { key, expert, score: 0, targets: [] };
          entry.score += expert.score;
          entry.targets.push(`${repo.name}:${target.path}`);
          if ((expert.evidence.lastActive ?? 0) > (entry.expert.evidence.lastActive ?? 0)) entry.expert = expert;
          byKey.set(key, entry);
        }
      }
    }
  }
  const combined = [...byKey.values()].sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  const top = combined[0]?.score || 1;
  return combined.slice(0, options.limit ?? 10).map((c) => ({ ...c, score: c.score / top }));
}
