import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { createLibrary, mergeLibraries } from '../../../src/core/patterns/library';
import { loadFolderLibrary } from '../../../src/core/patterns/sources/folderSource';
import { checkExamples, parseExampleRef } from '../../../src/core/patterns/examples';
import { fixtureLibrary, fixtureWorkspace, parse, patternDoc, tempDir } from './helpers';

describe('pattern library', () => {
  it('loads the fixture library from a folder, without README, with no problems', async () => {
    const library = await loadFolderLibrary({ root: fixtureLibrary() });
    assert.deepStrictEqual(library.diagnostics, []);
    assert.strictEqual(library.patterns.length, 10);
    const catalogue = mergeLibraries([library]);
    assert.deepStrictEqual(catalogue.diagnostics, []);
    assert.deepStrictEqual(catalogue.communities(), ['api-design', 'delivery', 'observability', 'reliability']);
    assert.deepStrictEqual(catalogue.byCommunity('Reliability').map((p) => p.id).sort(), ['circuit-breaker', 'idempotency-keys', 'retry-with-backoff']);
    assert.deepStrictEqual(catalogue.byTag('logging').map((p) => p.id).sort(), ['correlation-ids', 'printf-debugging', 'structured-logging']);
    const offset = catalogue.byId('offset-pagination')!;
    assert.strictEqual(offset.status, 'deprecated');
    assert.strictEqual(catalogue.byId(offset.replacedBy!)?.title, 'Cursor-based pagination');
    assert.strictEqual(offset.file, path.join(fixtureLibrary(), 'api-design', 'offset-pagination.md'));
    assert.deepStrictEqual(catalogue.byId('retry-with-backoff')?.extra, { 'owner-team': 'platform-reliability' });
  });

  it('reports a missing folder instead of failing', async () => {
    const library = await loadFolderLibrary({ root: path.join(fixtureLibrary(), 'nope') });
    assert.deepStrictEqual(library.patterns, []);
    assert.strictEqual(library.diagnostics[0].code, 'source-unavailable');
    assert.match(library.diagnostics[0].message, /does not exist/);
  });

  it('keeps loading the rest of a folder when some files are broken, honouring include globs', async () => {
    const root = await tempDir('patterns-folder-');
    await fs.mkdir(path.join(root, 'deep', 'er'), { recursive: true });
    await fs.writeFile(path.join(root, 'good.md'), patternDoc('good-one'));
    await fs.writeFile(path.join(root, 'deep', 'er', 'also-good.md'), patternDoc('also-good'));
    await fs.writeFile(path.join(root, 'broken.md'), '---\nid: [\n---\n');
    await fs.writeFile(path.join(root, 'notes.txt'), patternDoc('ignored-txt'));
    const library = await loadFolderLibrary({ root });
    assert.deepStrictEqual(library.patterns.map((p) => p.id).sort(), ['also-good', 'good-one']);
    assert.deepStrictEqual(library.diagnostics.map((d) => [path.basename(d.file), d.code]), [['broken.md', 'invalid-front-matter']]);
    const onlyDeep = await loadFolderLibrary({ root, include: ['deep/**/*.md'] });
    assert.deepStrictEqual(onlyDeep.patterns.map((p) => p.id), ['also-good']);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('merges libraries: the first wins a duplicate id, reported at the id line of the loser', () => {
    const a = createLibrary('a', [parse(patternDoc('shared'), 'a/shared.md', 'a'), parse(patternDoc('only-a'), 'a/only-a.md', 'a')]);
    const b = createLibrary('b', [parse(patternDoc('shared', 'tags: [b]'), 'b/shared.md', 'b')]);
    const catalogue = mergeLibraries([a, b]);
    assert.deepStrictEqual(catalogue.patterns.map((p) => p.id), ['shared', 'only-a']);
    assert.strictEqual(catalogue.byId('shared')?.file, 'a/shared.md');
    assert.strictEqual(catalogue.diagnostics.length, 1);
    const d = catalogue.diagnostics[0];
    assert.deepStrictEqual([d.code, d.file, d.line, d.column, d.patternId], ['duplicate-id', 'b/shared.md', 2, 1, 'shared']);
    assert.match(d.message, /already defined in a\/shared\.md \(a\)/);
    const within = mergeLibraries([createLibrary('a', [parse(patternDoc('x'), 'one.md'), parse(patternDoc('x'), 'two.md')])]);
    assert.deepStrictEqual(within.diagnostics.map((x) => [x.code, x.file]), [['duplicate-id', 'two.md']]);
  });

  it('reports dangling replacedBy and related at the line of the value, with "did you mean"', () => {
    const retired = parse(patternDoc('old-way', 'status2: x', 'replacedBy: cursor-paginaton', 'related:', '  - cursor-pagination', '  - nothing-like-this'), 'old.md');
    const cursor = parse(patternDoc('cursor-pagination'), 'cursor.md');
    const catalogue = mergeLibraries([createLibrary('lib', [retired, cursor])]);
    const found = catalogue.diagnostics.filter((d) => d.code.startsWith('dangling')).map((d) => [d.code, d.file, d.line, d.column]);
    assert.deepStrictEqual(found, [['dangling-replacedBy', 'old.md', 8, 1], ['dangling-related', 'old.md', 11, 5]]);
    const replaced = catalogue.diagnostics.find((d) => d.code === 'dangling-replacedBy')!;
    assert.match(replaced.message, /did you mean `cursor-pagination`\?/);
    assert.doesNotMatch(catalogue.diagnostics.find((d) => d.code === 'dangling-related')!.message, /did you mean/);
  });

  it('suggests the closest ids, best first', () => {
    const ids = ['retry-with-backoff', 'retry-with-jitter', 'cursor-pagination', 'idempotency-keys'];
    const catalogue = mergeLibraries([createLibrary('l', ids.map((id) => parse(patternDoc(id), `${id}.md`)))]);
    assert.deepStrictEqual(catalogue.closestIds('retry-with-backof'), ['retry-with-backoff']);
    assert.deepStrictEqual(catalogue.closestIds('retry-with-ji'), ['retry-with-jitter']);
    assert.deepStrictEqual(catalogue.closestIds('retry-with-jiter'), ['retry-with-jitter']);
    assert.deepStrictEqual(catalogue.closestIds('idempotency-key'), ['idempotency-keys']);
    assert.deepStrictEqual(catalogue.closestIds('something-else-entirely'), []);
  });
});

describe('pattern examples', () => {
  it('parses path#L10-L20, path#L7, bare paths and permalinks; rejects the rest', () => {
    assert.deepStrictEqual(parseExampleRef('src/a.ts#L10-L20').ref, { kind: 'path', path: 'src/a.ts', startLine: 10, endLine: 20 });
    assert.deepStrictEqual(parseExampleRef('src/a.ts#L7').ref, { kind: 'path', path: 'src/a.ts', startLine: 7, endLine: 7 });
    assert.deepStrictEqual(parseExampleRef('docs/x.md').ref, { kind: 'path', path: 'docs/x.md' });
    assert.strictEqual(parseExampleRef('https://github.com/a/b/blob/1a2b/x.ts#L1-L2').ref?.kind, 'url');
    for (const bad of ['src/a.ts#L20-L10', 'src/a.ts#top', '../outside.ts', '/abs.ts', 'file:///etc/passwd', 'src/a.ts#L0']) {
      assert.ok(parseExampleRef(bad).problem, bad);
    }
  });

  it('reports broken examples of the fixture library against the fixture workspace', async () => {
    const library = await loadFolderLibrary({ root: fixtureLibrary() });
    const exists = async (p: string) => fs.stat(path.join(fixtureWorkspace(), p)).then(() => true, () => false);
    const lineCount = async (p: string) => (await fs.readFile(path.join(fixtureWorkspace(), p), 'utf8')).split('\n').length;
    for (const pattern of library.patterns) {
      assert.deepStrictEqual(await checkExamples(pattern, { fileExists: exists, lineCount }), [], pattern.id);
    }
    const broken = parse(patternDoc('with-examples', 'examples:', '  - src/http/retryingClient.ts#L1-L999', '  - src/missing.ts#L1', '  - https://example.invalid/x'), 'ex.md').pattern!;
    const diagnostics = await checkExamples(broken, { fileExists: exists, lineCount });
    assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.line, d.column]), [['broken-example', 8, 5], ['broken-example', 9, 5]]);
    assert.match(diagnostics[0].message, /has only \d+ lines/);
    assert.match(diagnostics[1].message, /src\/missing\.ts does not exist/);
  });
});
