/** Pattern libraries and the catalogue that merges them. */
import { distance } from 'fastest-levenshtein';
import type { Pattern, PatternDiagnostic, PatternLibrary, Position } from './patternTypes';
import type { ParsedPattern } from './frontMatter';
import { diag, sortDiagnostics } from './diagnostics';

/** Collects parsed documents of one source into a library. */
export function createLibrary(name: string, parsed: ParsedPattern[], extraDiagnostics: PatternDiagnostic[] = []): PatternLibrary {
  const patterns: Pattern[] = [];
  const diagnostics: PatternDiagnostic[] = [...extraDiagnostics];
  for (const item of parsed) {
    if (item.pattern) patterns.push(item.pattern);
    diagnostics.push(...item.diagnostics);
  }
  return { name, patterns, diagnostics: sortDiagnostics(diagnostics) };
}

/** Every pattern of every library, indexed; the first library listed wins a duplicated id. */
export interface PatternCatalogue {
  readonly patterns: readonly Pattern[];
  readonly diagnostics: readonly PatternDiagnostic[];
  readonly libraries: readonly PatternLibrary[];
  byId(id: string): Pattern | undefined;
  /** Case-insensitive. */
  byCommunity(community: string): Pattern[];
  /** Case-insensitive. */
  byTag(tag: string): Pattern[];
  communities(): string[];
  tags(): string[];
  /** Known ids close to an unknown one, best first, for "did you mean". */
  closestIds(unknownId: string, max?: number): string[];
}

export function mergeLibraries(libraries: readonly PatternLibrary[]): PatternCatalogue {
  const byId = new Map<string, Pattern>();
  const diagnostics: PatternDiagnostic[] = [];
  for (const library of libraries) {
    diagnostics.push(...library.diagnostics);
    for (const pattern of library.patterns) {
      const first = byId.get(pattern.id);
      if (!first) {
        byId.set(pattern.id, pattern);
        continue;
      }
      const pos = pattern.positions.fields['id'] ?? { line: 1, column: 1 };
      const where = first.source === pattern.source ? first.file : `${first.file} (${first.source})`;
      diagnostics.push({
        ...diag(pattern.file, pos.line, pos.column, 'duplicate-id', `duplicate id \`${pattern.id}\`: already defined in ${where}; this one is ignored`),
        patternId: pattern.id,
      });
    }
  }
  const patterns = [...byId.values()];
  const ids = [...byId.keys()];
  const closestIds = (unknownId: string, max = 3): string[] => {
    const limit = Math.max(2, Math.floor(unknownId.length / 3));
    return ids
      .map((id) => ({ id, d: distance(unknownId, id) }))
      .filter((c) => c.d <= limit && c.id !== unknownId)
      .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
      .slice(0, max)
      .map((c) => c.id);
  };
  diagnostics.push(...danglingReferences(patterns, byId, closestIds));

  const community = groupBy(patterns, (p) => (p.community ? [p.community] : []));
  const tag = groupBy(patterns, (p) => p.tags);
  return {
    patterns,
    diagnostics: sortDiagnostics(diagnostics),
    libraries,
    byId: (id) => byId.get(id),
    byCommunity: (name) => community.groups.get(name.toLowerCase()) ?? [],
    byTag: (name) => tag.groups.get(name.toLowerCase()) ?? [],
    communities: () => community.names,
    tags: () => tag.names,
    closestIds,
  };
}

function danglingReferences(
  patterns: Pattern[],
  byId: Map<string, Pattern>,
  closestIds: (id: string) => string[],
): PatternDiagnostic[] {
  const out: PatternDiagnostic[] = [];
  const hint = (id: string) => {
    const close = closestIds(id);
    return close.length > 0 ? ` (did you mean ${close.map((c) => `\`${c}\``).join(', ')}?)` : '';
  };
  const report = (pattern: Pattern, pos: Position | undefined, code: PatternDiagnostic['code'], message: string) => {
    const at = pos ?? { line: 1, column: 1 };
    out.push({ ...diag(pattern.file, at.line, at.column, code, message), patternId: pattern.id });
  };
  for (const pattern of patterns) {
    if (pattern.replacedBy !== undefined) {
      if (!byId.has(pattern.replacedBy)) {
        report(pattern, pattern.positions.fields['replacedBy'], 'dangling-replacedBy', `replacedBy \`${pattern.replacedBy}\`: no pattern has this id${hint(pattern.replacedBy)}`);
      } else if (pattern.replacedBy === pattern.id) {
        report(pattern, pattern.positions.fields['replacedBy'], 'dangling-replacedBy', `\`${pattern.id}\` cannot replace itself`);
      }
    }
    pattern.related.forEach((id, i) => {
      if (!byId.has(id)) {
        report(pattern, pattern.positions.items['related']?.[i] ?? pattern.positions.fields['related'], 'dangling-related', `related \`${id}\`: no pattern has this id${hint(id)}`);
      }
    });
  }
  return out;
}

function groupBy(patterns: Pattern[], keys: (p: Pattern) => string[]): { groups: Map<string, Pattern[]>; names: string[] } {
  const groups = new Map<string, Pattern[]>();
  const names = new Map<string, string>();
  for (const pattern of patterns) {
    for (const key of keys(pattern)) {
      const k = key.toLowerCase();
      if (!names.has(k)) names.set(k, key);
      const list = groups.get(k) ?? [];
      if (!list.includes(pattern)) list.push(pattern);
      groups.set(k, list);
    }
  }
  return { groups, names: [...names.values()].sort((a, b) => a.localeCompare(b)) };
}
