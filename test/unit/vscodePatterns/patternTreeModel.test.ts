import * as assert from 'assert';
import { mergeLibraries } from '../../../src/core/patterns/library';
import { createLibrary } from '../../../src/core/patterns/library';
import { parsePatternDocument } from '../../../src/core/patterns/frontMatter';
import { buildPatternTree, flattenPatterns, matchesFilter, type PatternsNode } from '../../../src/vscode/patterns/patternTreeModel';

function pattern(id: string, community: string, tags: string[], status = 'adopted') {
  const text = `---\nid: ${id}\ntitle: ${id.replace(/-/g, ' ')}\nsummary: About ${id}.\ncommunity: ${community}\ntags: [${tags.join(', ')}]\nstatus: ${status}\n---\nBody\n`;
  return parsePatternDocument(text, { file: `/lib/${id}.md`, source: 'lib' });
}

const catalogue = mergeLibraries([
  createLibrary('lib', [pattern('retry', 'reliability', ['resilience', 'http']), pattern('breaker', 'reliability', ['resilience'], 'proposed'), pattern('cursor', 'api-design', []), pattern('offset', 'api-design', [], 'deprecated')]),
]);

const labels = (nodes: PatternsNode[]): string[] => nodes.map((n) => (n.kind === 'pattern' ? n.pattern.id : n.label));

describe('Patterns view model', () => {
  it('groups by community, then tag; untagged patterns under Other', () => {
    const roots = buildPatternTree({ catalogue, loading: false, applies: [] });
    assert.deepStrictEqual(labels(roots), ['api-design', 'reliability']);
    const reliability = roots[1];
    assert.ok(reliability.kind === 'group');
    assert.deepStrictEqual(labels(reliability.children), ['http', 'resilience']);
    const resilience = reliability.children[1];
    assert.ok(resilience.kind === 'group');
    assert.deepStrictEqual(labels(resilience.children), ['breaker', 'retry']);
    const api = roots[0];
    assert.ok(api.kind === 'group');
    assert.deepStrictEqual(labels(api.children), ['Other']);
  });

  it('puts "Applies to this file" on top', () => {
    const retry = catalogue.byId('retry');
    assert.ok(retry);
    const roots = buildPatternTree({ catalogue, loading: false, applies: [retry] });
    assert.strictEqual(roots[0].kind === 'group' && roots[0].label, 'Applies to this file');
    assert.deepStrictEqual(flattenPatterns([roots[0]]).map((n) => n.pattern.id), ['retry']);
  });

  it('filters by words over id, title, community, tags and status', () => {
    assert.ok(matchesFilter(catalogue.byId('offset')!, 'api deprecated'));
    assert.ok(!matchesFilter(catalogue.byId('cursor')!, 'api deprecated'));
    const roots = buildPatternTree({ catalogue, loading: false, applies: [], filter: 'resilience' });
    assert.strictEqual(roots[0].kind, 'message');
    assert.deepStrictEqual([...new Set(flattenPatterns(roots).map((n) => n.pattern.id))].sort(), ['breaker', 'retry']);
    const none = buildPatternTree({ catalogue, loading: false, applies: [], filter: 'zzz' });
    assert.deepStrictEqual(labels(none), ['Filter: zzz', 'No pattern matches the filter']);
  });

  it('shows loading, and nothing (welcome content) without a library', () => {
    assert.deepStrictEqual(labels(buildPatternTree({ catalogue: undefined, loading: true, applies: [] })), ['Loading pattern libraries…']);
    assert.deepStrictEqual(buildPatternTree({ catalogue: mergeLibraries([]), loading: false, applies: [] }), []);
  });
});
