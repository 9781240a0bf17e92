import * as assert from 'assert';
import { UndirectedGraph } from 'graphology';
import { findBoundarySpanners } from '../../../src/core/communities/boundaries';
import { centralities, nearAny } from '../../../src/core/communities/collaboration';
import { truckFactor } from '../../../src/core/communities/knowledgeRisk';
import { PeopleRegistry } from '../../../src/core/communities/people';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';

const directory = new OrgDirectory(
  parseDirectoryConfig(
    `companies: [{ id: acme, name: Acme, domains: [acme.test] }]
teams:
  - { id: red, name: Red, company: acme }
  - { id: blue, name: Blue, company: acme }
  - { id: green, name: Green, company: acme }
people:
  - { email: r1@acme.test, team: red }
  - { email: r2@acme.test, team: red }
  - { email: r3@acme.test, team: red }
  - { email: b1@acme.test, team: blue }
  - { email: b2@acme.test, team: blue }
  - { email: b3@acme.test, team: blue }
  - { email: x@acme.test, team: green }
`,
    'directory.yml',
  ).config,
);

function clique(graph: UndirectedGraph, keys: string[]): void {
  for (const k of keys) graph.mergeNode(k);
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) graph.addEdge(keys[i], keys[j], { weight: 3 });
}

describe('community network rules', () => {
  it('finds the broker between two team clusters, and nobody else, by betweenness', () => {
    const graph = new UndirectedGraph();
    clique(graph, ['r1@acme.test', 'r2@acme.test', 'r3@acme.test']);
    clique(graph, ['b1@acme.test', 'b2@acme.test', 'b3@acme.test']);
    graph.addNode('x@acme.test');
    graph.addEdge('x@acme.test', 'r1@acme.test', { weight: 1 });
    graph.addEdge('x@acme.test', 'b1@acme.test', { weight: 1 });
    const spanners = findBoundarySpanners(graph, new Map(), new PeopleRegistry([], directory, []));
    assert.deepStrictEqual(spanners.map((s) => s.person), ['x@acme.test']);
    assert.deepStrictEqual(spanners[0].teamsReached.map((t) => t.id), ['blue', 'red']);
    assert.match(spanners[0].reasons[0], /works with 2 other teams \(Blue, Red\)/);
  });

  it('counts people core or active in two communities as spanners, whatever their network', () => {
    const graph = new UndirectedGraph();
    graph.addNode('r1@acme.test');
    const levels = new Map([['r1@acme.test', [{ id: 'a', level: 'core' as const }, { id: 'b', level: 'active' as const }, { id: 'c', level: 'peripheral' as const }]]]);
    const [spanner] = findBoundarySpanners(graph, levels, new PeopleRegistry([], directory, []));
    assert.deepStrictEqual(spanner.communities.map((c) => c.id), ['a', 'b']);
  });

  it('scores eigenvector centrality relative to the most central person, zero without links', () => {
    const graph = new UndirectedGraph();
    clique(graph, ['a', 'b', 'c']);
    graph.addNode('d');
    graph.addEdge('d', 'a', { weight: 0.5 });
    graph.addNode('alone');
    const c = centralities(graph, () => 1);
    assert.strictEqual(c.get('a'), 1);
    assert.ok(c.get('b')! > 0.8 && c.get('b')! < 1);
    assert.ok(c.get('d')! < 0.2);
    assert.strictEqual(c.get('alone'), 0);
    const empty = new UndirectedGraph();
    empty.addNode('p');
    empty.addNode('q');
    assert.deepStrictEqual([...centralities(empty, (k) => (k === 'p' ? 4 : 2))], [['p', 1], ['q', 0.5]], 'no links: activity decides');
  });

  it('computes the truck factor greedily over active authors', () => {
    assert.deepStrictEqual(truckFactor([['a'], ['a'], ['a'], ['a', 'b'], ['b']]), { truckFactor: 1, removed: ['a'] });
    assert.deepStrictEqual(truckFactor([['a'], ['a'], ['a', 'b'], ['b']]), { truckFactor: 2, removed: ['a', 'b'] }, 'half is not more than half');
    assert.deepStrictEqual(truckFactor([['a'], ['b'], ['c'], ['d']]).truckFactor, 3);
    assert.deepStrictEqual(truckFactor([[], [], ['a']]).truckFactor, 0, 'already more than half without an active author');
    assert.deepStrictEqual(truckFactor([]).truckFactor, 0);
  });

  it('tells whether two people worked on a file close in time', () => {
    assert.ok(nearAny(100, [10, 95, 300], 5));
    assert.ok(!nearAny(100, [10, 94, 106], 5));
    assert.ok(!nearAny(100, [], 5));
  });
});
