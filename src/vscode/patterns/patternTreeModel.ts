/** The Patterns view as plain data: groups by community then tag, "Applies to this file" on top. */
import type { PatternCatalogue } from '../../core/patterns/library';
import type { Pattern, PatternStatus } from '../../core/patterns/patternTypes';

export type PatternsNode =
  | { kind: 'message'; id: string; label: string; icon: string; detail?: string }
  | { kind: 'group'; id: string; group: 'applies' | 'community' | 'tag'; label: string; children: PatternsNode[] }
  | { kind: 'pattern'; id: string; pattern: Pattern };

export const STATUS_ICONS: Record<PatternStatus, string> = {
  proposed: 'lightbulb',
  adopted: 'pass',
  deprecated: 'warning',
  retired: 'archive',
};

export const UNTAGGED = 'Other';

/** Whether a pattern matches the view filter (case-insensitive, over id, title, summary, community, tags, status). */
export function matchesFilter(pattern: Pattern, filter: string | undefined): boolean {
  const words = (filter ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = [pattern.id, pattern.title, pattern.summary, pattern.community, pattern.status, ...pattern.tags].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

const byTitle = (a: Pattern, b: Pattern) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

function patternNode(parent: string, pattern: Pattern): PatternsNode {
  return { kind: 'pattern', id: `${parent}/${pattern.id}`, pattern };
}

export interface TreeInput {
  catalogue: PatternCatalogue | undefined;
  loading: boolean;
  /** Patterns of the active editor (markers and detections). */
  applies: Pattern[];
  filter?: string;
  /** Why loading failed or what to know (GitHub library unavailable...). */
  notices?: string[];
}

/** Root nodes of the view. An empty array means "show the welcome content". */
export function buildPatternTree(input: TreeInput): PatternsNode[] {
  const roots: PatternsNode[] = [];
  const { catalogue } = input;
  if (input.loading) roots.push({ kind: 'message', id: 'loading', label: 'Loading pattern libraries…', icon: 'loading~spin' });
  for (const [i, notice] of (input.notices ?? []).entries()) roots.push({ kind: 'message', id: `notice-${i}`, label: notice, icon: 'info' });
  if (!catalogue || catalogue.patterns.length === 0) return input.loading || roots.length > 0 ? roots : [];
  const visible = catalogue.patterns.filter((p) => matchesFilter(p, input.filter));
  if (input.filter) {
    roots.push({ kind: 'message', id: 'filter', label: `Filter: ${input.filter}`, icon: 'filter', detail: `${visible.length} of ${catalogue.patterns.length}` });
  }
  const applies = input.applies.filter((p) => matchesFilter(p, input.filter)).sort(byTitle);
  if (applies.length > 0) {
    roots.push({ kind: 'group', id: 'applies', group: 'applies', label: 'Applies to this file', children: applies.map((p) => patternNode('applies', p)) });
  }
  const communities = new Map<string, Pattern[]>();
  for (const pattern of visible) {
    const name = pattern.community || UNTAGGED;
    communities.set(name, [...(communities.get(name) ?? []), pattern]);
  }
  for (const community of [...communities.keys()].sort((a, b) => a.localeCompare(b))) {
    const members = communities.get(community) ?? [];
    const communityId = `community:${community}`;
    const tags = new Map<string, Pattern[]>();
    for (const pattern of members) {
      for (const tag of pattern.tags.length > 0 ? pattern.tags : [UNTAGGED]) tags.set(tag, [...(tags.get(tag) ?? []), pattern]);
    }
    const children: PatternsNode[] = [...tags.keys()]
      .sort((a, b) => (a === UNTAGGED ? 1 : b === UNTAGGED ? -1 : a.localeCompare(b)))
      .map((tag) => {
        const tagId = `${communityId}/tag:${tag}`;
        return { kind: 'group', id: tagId, group: 'tag', label: tag, children: (tags.get(tag) ?? []).sort(byTitle).map((p) => patternNode(tagId, p)) };
      });
    roots.push({ kind: 'group', id: communityId, group: 'community', label: community, children });
  }
  if (visible.length === 0) roots.push({ kind: 'message', id: 'no-match', label: 'No pattern matches the filter', icon: 'search-stop' });
  return roots;
}

/** Every pattern node under `nodes`, depth first (tests and "reveal"). */
export function flattenPatterns(nodes: readonly PatternsNode[]): Array<Extract<PatternsNode, { kind: 'pattern' }>> {
  return nodes.flatMap((n) => (n.kind === 'pattern' ? [n] : n.kind === 'group' ? flattenPatterns(n.children) : []));
}
