import picomatch from 'picomatch';
import type { Community } from './communityTypes';

export interface CommunityMatch {
  community: Community;
  /** The most specific of the community's globs that matched. */
  glob: string;
  specificity: number;
}

interface LiteralNode {
  next: Map<string, LiteralNode>;
  /** Indices (in `areas`) of the areas whose literal prefix ends here. */
  areas: number[];
}

interface CompiledArea {
  community: Community;
  repo?: string;
  glob: string;
  /** The glob's text before its first wildcard: a path not starting with it cannot match. */
  literal: string;
  test: (path: string) => boolean;
  specificity: number;
}

/** Answers "which communities care about this file?" from their code areas. */
export class CommunityIndex {
  private readonly areas: CompiledArea[];
  /**
   * The areas by literal prefix, one character per level: a path meets only the areas whose
   * literal it starts with, found in one walk along the path instead of a test of every area
   * (a report asks this for every file of every repository).
   */
  private readonly byLiteral: LiteralNode = { next: new Map(), areas: [] };

  /**
   * @param homeRepo the repository the config belongs to: unprefixed globs apply only there.
   *   Without it, unprefixed globs apply to every repository.
   */
  constructor(readonly communities: readonly Community[], private readonly homeRepo?: string) {
    this.areas = communities.flatMap((community) =>
      community.codeAreas.map((area) => ({
        community,
        repo: area.repo,
        glob: area.glob,
        literal: literalPrefix(area.glob),
        test: picomatch(area.glob, { dot: true }),
        specificity: globSpecificity(area.glob),
      })),
    );
    this.areas.forEach((area, i) => {
      let node = this.byLiteral;
      // By UTF-16 unit, as startsWith compares.
      for (let k = 0; k < area.literal.length; k++) {
        let next = node.next.get(area.literal[k]);
        if (!next) node.next.set(area.literal[k], (next = { next: new Map(), areas: [] }));
        node = next;
      }
      node.areas.push(i);
    });
  }

  /** Communities whose code areas match `path` (repository-relative) in `repoName`, most specific first. */
  communitiesForPath(path: string, repoName?: string): CommunityMatch[] {
    const normalized = path.replace(/\\/g, '/').replace(/^\.?\/+/, '');
    const best = new Map<string, CommunityMatch>();
    for (const area of this.candidates(normalized)) {
      const repo = area.repo ?? this.homeRepo;
      if (repo !== undefined && repoName !== undefined && !sameRepo(repo, repoName)) continue;
      if (area.repo !== undefined && repoName === undefined) continue;
      if (!area.test(normalized)) continue;
      const current = best.get(area.community.id);
      if (!current || area.specificity > current.specificity) {
        best.set(area.community.id, { community: area.community, glob: area.glob, specificity: area.specificity });
      }
    }
    return [...best.values()].sort((a, b) => b.specificity - a.specificity || a.community.id.localeCompare(b.community.id));
  }

  /** The areas whose literal prefix `path` starts with, in declaration order (ties keep the first glob). */
  private candidates(path: string): CompiledArea[] {
    const found: number[] = [...this.byLiteral.areas];
    let node: LiteralNode | undefined = this.byLiteral;
    for (let i = 0; i < path.length && node; i++) {
      node = node.next.get(path[i]);
      if (node) found.push(...node.areas);
    }
    return found.sort((a, b) => a - b).map((i) => this.areas[i]);
  }

  byId(id: string): Community | undefined {
    return this.communities.find((c) => c.id === id);
  }
}

/** Everything before the first glob metacharacter (or escape), e.g. `src/api/` for `src/api/**`. */
export function literalPrefix(glob: string): string {
  const index = glob.search(/[*?[\]{}()!+@\\]/);
  return index < 0 ? glob : glob.slice(0, index);
}

/** More literal path before the first wildcard = more specific; `**` counts least. */
export function globSpecificity(glob: string): number {
  const segments = glob.split('/');
  let score = 0;
  for (const segment of segments) {
    if (segment === '**') break;
    if (/[*?[\]{}!]/.test(segment)) {
      score += 10 + segment.replace(/[*?[\]{}!]/g, '').length;
      break;
    }
    score += 100 + segment.length;
  }
  return score;
}

/** `billing` matches `acme/billing` and `billing`, case-insensitively. */
function sameRepo(configured: string, actual: string): boolean {
  const a = configured.toLowerCase();
  const b = actual.toLowerCase();
  return a === b || b.endsWith(`/${a}`) || a.endsWith(`/${b}`);
}
