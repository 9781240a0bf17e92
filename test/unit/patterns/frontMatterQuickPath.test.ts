import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parsePatternDocument } from '../../../src/core/patterns/frontMatter';
import { compilePatternDetectors } from '../../../src/core/patterns/detectors';
import { createLibrary, mergeLibraries } from '../../../src/core/patterns/library';
import type { Pattern } from '../../../src/core/patterns/patternTypes';
import { doc, patternDoc, repoRoot } from './helpers';

/** The quick path's answer and the full parser's, for the same document. */
function both(text: string, file = 'p.md') {
  return {
    fast: parsePatternDocument(text, { file, source: 'test' }),
    full: parsePatternDocument(text, { file, source: 'test', fastPath: false }),
  };
}

/** A pattern read the quick way has its positions still to compute (an accessor, not a value). */
function readQuickly(pattern: Pattern | undefined): boolean {
  return pattern !== undefined && Object.getOwnPropertyDescriptor(pattern, 'positions')?.get !== undefined;
}

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

/** Deterministic PRNG (mulberry32), so a failure names a document that can be rebuilt. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ways to write each field: plain, quoted, flow and block lists, odd spacing, and invalid values. */
const VARIANTS: Record<string, string[][]> = {
  id: [['id: retry-with-backoff'], ['id:   spaced-out  '], ["id: 'quoted-id'"], ['id: "double-quoted"'], ['id: Not_Kebab'], ['id: [a, b]'], ['id: 42'], []],
  title: [['title: Retry with backoff'], ['title: Use foo[bar], {always}'], ["title: 'It''s quoted'"], ['title: "Say \\"hi\\""'], ['title: a: b'], ['title: ""'], ['title: Résumé — ünïcode ✓'], ['title: with # hash'], ['title: trailing # comment']],
  summary: [['summary: Retry transient failures.'], ['summary: multi', '  line plain'], ['summary: |', '  block scalar'], ['summary: >-', '  folded'], ['summary:']],
  community: [['community: reliability'], ['community: &anchor reliability'], ['community: true'], ['community: null'], ['community: ~']],
  status: [['status: adopted'], ['status: deprecated  # was adopted'], ['status: adoptd'], ['status: "proposed" # quoted'], ['status: adopted#not-a-comment'], []],
  tags: [['tags: [resilience, http]'], ['tags: []'], ['tags: [ spaced , out ]'], ['tags:', '  - resilience', '  - http'], ['tags: [a, {x: 1}]'], ['tags: [a, b,]'], ['tags: single'], ['tags: [a, [b]]'], ['tags: ["quoted, comma", \'single\']'], ['tags: [1, 2]'], ['tags: [a#b, c#]'], ['tags: [a, #c]']],
  maintainers: [['maintainers: [maya@acme.example, jdelacroix]'], ['maintainers:', '    - "@maya"', '    - not an email!'], ['maintainers: [bench@acme.example, benchbot] # who']],
  appliesTo: [
    ['appliesTo:', '  languages: [typescript]', '  files: ["src/**"]', "  detect: ['retryWithBackoff\\(']"],
    ['appliesTo:', '  languages: [typescript, go]', '  detect:', "    - 'new CircuitBreaker\\('", "    - 'it''s'"],
    ['appliesTo:', '    languages: [java]', '    runtimes: [node]'],
    ['appliesTo:', '  languages: [java]', '   files: [x]'],
    ['appliesTo:', '  detect:', '  - same-indent-list'],
    ['appliesTo: typescript'],
    ['appliesTo:', '  review:', '    rfc: 42'],
  ],
  related: [['related: [idempotency-keys]'], ['related:', '  - fine-id # first', "  - 'Not_An_Id'  # second"], ['related: [a-b, c-d] #c'], ['related: [a-b, # c', '  c-d]']],
  examples: [['examples: ["src/a.ts#L1-L5"]'], ['examples:', '  - src/a.ts#L10-L20', '  - /etc/passwd']],
  replacedBy: [[], ['replacedBy: circuit-breaker'], ['replacedBy: Bad_Id']],
  extra: [[], ['owner-team: platform'], ['review:', '  rfc: https://example.test/rfcs/42', '  decision-due: 2025-03-01'], ['# a comment line', 'x-note: kept'], ['id: duplicate'], ['weird key: no'], ['tabbed:\tvalue'], ['nbsp: a\u00a0b']],
};

function generatedDocument(next: () => number): string {
  // Mostly the first (plain) way of writing a field, so that many documents stay in the plain subset.
  const pick = <T>(items: T[]): T => items[next() < 0.8 ? 0 : Math.floor(next() * items.length)];
  const lines = ['---'];
  const fields = Object.keys(VARIANTS).sort(() => next() - 0.5);
  for (const field of fields) lines.push(...pick(VARIANTS[field]));
  if (next() < 0.2) lines.splice(1 + Math.floor(next() * (lines.length - 1)), 0, '');
  lines.push(next() < 0.5 ? '---' : '...', '', '# Body', 'text');
  const text = lines.join('\n');
  return next() < 0.15 ? text.replace(/\n/g, '\r\n') : text;
}

describe('pattern front matter: the quick path', () => {
  it('reads every fixture document exactly as the full YAML parser does', () => {
    const files = markdownFiles(path.join(repoRoot(), 'test', 'fixtures'));
    assert.ok(files.length >= 10);
    let quick = 0;
    for (const file of files) {
      const { fast, full } = both(fs.readFileSync(file, 'utf8'), file);
      if (readQuickly(fast.pattern)) quick++;
      assert.deepStrictEqual(fast, full, file);
    }
    assert.ok(quick >= 3, `only ${quick} of ${files.length} fixtures took the quick path`);
  });

  it('reads 600 varied documents (valid and not) exactly as the full YAML parser does', () => {
    const next = random(20261201);
    let quick = 0;
    for (let i = 0; i < 600; i++) {
      const text = generatedDocument(next);
      const { fast, full } = both(text, `doc-${i}.md`);
      if (readQuickly(fast.pattern)) quick++;
      assert.deepStrictEqual(fast, full, `document ${i}:\n${text}`);
    }
    // Both paths are exercised: many documents are plain and valid, many are not.
    assert.ok(quick > 60 && quick < 540, `${quick} of 600 took the quick path`);
  });

  it('computes positions on first use, the same as the full parser\'s', () => {
    const text = doc(
      '---', 'id: retry-with-backoff', 'title: Retry', 'summary: s', 'community: c', 'status: adopted',
      'tags: [a,  "b", \'c\']', 'appliesTo:', '  languages: [typescript]', '  detect:', "    - 'x\\('", 'related:', '  - other-one', '---',
    );
    const { fast, full } = both(text);
    assert.ok(readQuickly(fast.pattern));
    const p = fast.pattern!;
    assert.deepStrictEqual(p.tags, ['a', 'b', 'c']);
    assert.deepStrictEqual(p.positions.items['tags'], [{ line: 7, column: 8 }, { line: 7, column: 12 }, { line: 7, column: 17 }]);
    assert.deepStrictEqual(p.positions.items['appliesTo.detect'], [{ line: 11, column: 7 }]);
    assert.deepStrictEqual(p.positions.fields['appliesTo.detect'], { line: 10, column: 3 });
    assert.deepStrictEqual(p.positions, full.pattern!.positions);
    assert.strictEqual(p.positions, p.positions, 'computed once');
  });

  it('reports problems found after loading (dangling related, bad detector) at the exact line of a quickly read pattern', () => {
    const text = patternDoc('alpha', 'related:', '  - known-one', '  - unknown-one', 'appliesTo:', '  detect:', "    - 'ok\\('", "    - '(?=lookahead)'");
    const alpha = parsePatternDocument(text, { file: 'alpha.md', source: 'test' });
    assert.ok(readQuickly(alpha.pattern));
    const known = parsePatternDocument(patternDoc('known-one'), { file: 'known.md', source: 'test' });
    const catalogue = mergeLibraries([createLibrary('test', [alpha, known])]);
    assert.deepStrictEqual(catalogue.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`), ['alpha.md:9:5 dangling-related']);
    const detectors = compilePatternDetectors(alpha.pattern!);
    assert.deepStrictEqual(detectors.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`), ['13:7 bad-detector']);
  });

  it('never computes positions for a valid pattern while merging and compiling its detectors', () => {
    const text = patternDoc('alpha', 'related: [beta]', 'appliesTo:', "  detect: ['alpha\\(']");
    const alpha = parsePatternDocument(text, { file: 'alpha.md', source: 'test' }).pattern!;
    const beta = parsePatternDocument(patternDoc('beta'), { file: 'beta.md', source: 'test' }).pattern!;
    assert.ok(readQuickly(alpha) && readQuickly(beta));
    for (const p of [alpha, beta]) {
      Object.defineProperty(p, 'positions', { get: () => assert.fail(`positions of ${p.id} were computed`) });
    }
    assert.deepStrictEqual(mergeLibraries([{ name: 'test', patterns: [alpha, beta], diagnostics: [] }]).diagnostics, []);
    assert.strictEqual(compilePatternDetectors(alpha).detectors.length, 1);
  });

  it('reads the README example as the full parser does', () => {
    const readme = fs.readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
    const example = /```markdown\n(---\n[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README has a pattern example');
    const { fast, full } = both(example);
    assert.deepStrictEqual(fast, full);
    assert.strictEqual(fast.pattern?.status, 'adopted');
  });

  it('leaves aliases, complex keys, non-text values and any problem to the full parser', () => {
    const fullOnly = [
      ['owner: &o platform', 'reviewer: *o'], ['? [x, y]', ': v'], ['review:', '  rfc: 42'], ['draft: true'], ['owner:'], ['tags: [a, [b]]'],
      ['maintainers: [not an email!]'],
    ];
    for (const extra of [...fullOnly.map((lines) => ['status: adopted', ...lines]), ['status: adoptd']]) {
      const text = doc('---', 'id: a', 'title: A', 'summary: s', 'community: c', ...extra, '---');
      const { fast, full } = both(text);
      assert.ok(!readQuickly(fast.pattern), JSON.stringify(extra));
      assert.deepStrictEqual(fast, full, JSON.stringify(extra));
    }
  });

  it('still reports invalid front matter with its file, line and cause', () => {
    const cases: Array<[string, RegExp, number]> = [
      [doc('---', 'id: a', 'title: A', 'id: b', '---'), /unique/, 4],
      [doc('---', 'id: a', 'title: A', 'tags: [unclosed', 'status: adopted', '---'), /invalid YAML/, 4],
      [doc('---', 'id: a', 'title:\tA', 'summary: s: t', '---'), /invalid YAML/, 3],
    ];
    for (const [text, cause, minLine] of cases) {
      const { fast, full } = both(text, 'library/bad.md');
      assert.deepStrictEqual(fast, full);
      assert.strictEqual(fast.pattern, undefined);
      const first = fast.diagnostics[0];
      assert.strictEqual(first.file, 'library/bad.md');
      assert.strictEqual(first.code, 'invalid-front-matter');
      assert.match(first.message, cause);
      assert.ok(first.line >= minLine, `${first.message} at line ${first.line}`);
    }
    const badValues = doc('---', 'title: A', 'id: Retry_With_Backoff', 'summary: s', 'community: c', 'status: adopted', '---');
    assert.deepStrictEqual(both(badValues).fast.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`), ['p.md:3:5 bad-id']);
  });
});
