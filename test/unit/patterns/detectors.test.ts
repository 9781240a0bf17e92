import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { createLibrary, mergeLibraries } from '../../../src/core/patterns/library';
import { detectorDiagnostics, matchPatterns } from '../../../src/core/patterns/detectors';
import { appliesTo } from '../../../src/core/patterns/applicability';
import { loadFolderLibrary } from '../../../src/core/patterns/sources/folderSource';
import { fixtureLibrary, fixtureWorkspace, parse, patternDoc } from './helpers';

function catalogueOf(...docs: string[]) {
  return mergeLibraries([createLibrary('t', docs.map((d, i) => parse(d, `p${i}.md`)))]);
}

describe('pattern applicability and detectors', () => {
  it('applies by language id AND file globs; globs without a slash match the file name', () => {
    const p = catalogueOf(patternDoc('p', 'appliesTo:', '  languages: [typescript, javascript]', '  files: ["src/**", "*.config.ts"]')).patterns[0];
    assert.ok(appliesTo(p, { path: 'src/http/client.ts', languageId: 'typescript' }));
    assert.ok(appliesTo(p, { path: './src/a.js', languageId: 'javascript' }));
    assert.ok(appliesTo(p, { path: 'tools\\build\\vite.config.ts', languageId: 'typescript' }));
    assert.ok(!appliesTo(p, { path: 'src/app.py', languageId: 'python' }));
    assert.ok(!appliesTo(p, { path: 'test/client.ts', languageId: 'typescript' }));
    const anywhere = catalogueOf(patternDoc('q')).patterns[0];
    assert.ok(appliesTo(anywhere, { path: 'whatever/x.rb', languageId: 'ruby' }));
  });

  it('finds the fixture patterns in the fixture workspace, with line ranges', async () => {
    const catalogue = mergeLibraries([await loadFolderLibrary({ root: fixtureLibrary() })]);
    assert.deepStrictEqual(detectorDiagnostics(catalogue), []);
    const read = (p: string) => fs.readFile(path.join(fixtureWorkspace(), p), 'utf8');
    const orders = matchPatterns(catalogue, { path: 'src/api/listOrders.ts', languageId: 'typescript', text: await read('src/api/listOrders.ts') });
    assert.deepStrictEqual(orders.matches.sort((a, b) => a.patternId.localeCompare(b.patternId)), [
      { patternId: 'cursor-pagination', ranges: [{ startLine: 8, endLine: 8 }, { startLine: 15, endLine: 15 }, { startLine: 18, endLine: 19 }] },
      { patternId: 'offset-pagination', ranges: [{ startLine: 22, endLine: 22 }] },
    ]);
    assert.strictEqual(orders.budgetExceeded, false);
    const retry = matchPatterns(catalogue, { path: 'src/http/retryingClient.ts', languageId: 'typescript', text: await read('src/http/retryingClient.ts') });
    assert.deepStrictEqual(retry.matches, [{ patternId: 'retry-with-backoff', ranges: [{ startLine: 32, endLine: 32 }] }]);
    // Same text, but outside `src/**`: the pattern does not apply.
    const elsewhere = matchPatterns(catalogue, { path: 'scripts/retryingClient.ts', languageId: 'typescript', text: await read('src/http/retryingClient.ts') });
    assert.deepStrictEqual(elsewhere.matches, []);
    const flags = matchPatterns(catalogue, { path: 'src/flags/checkout.ts', languageId: 'typescript', text: await read('src/flags/checkout.ts') });
    assert.deepStrictEqual(flags.matches, [{ patternId: 'feature-flag-naming', ranges: [{ startLine: 5, endLine: 6 }] }]);
  });

  it('matches line by line like grep, joining consecutive lines, case-insensitively with (?i)', () => {
    const catalogue = catalogueOf(patternDoc('sql', 'appliesTo:', '  detect:', "    - '(?i)^\\s*limit\\s+\\d+\\s+offset'"));
    const text = 'select 1\nLIMIT 10 OFFSET 5\n  limit 1 offset 2\r\nLIMIT 10\n  OFFSET 5\nx LIMIT 1 OFFSET 1\nLİMİT 1 OFFSET 1\nlimit 3 offset 3';
    const r = matchPatterns(catalogue, { path: 'q.sql', languageId: 'sql', text });
    assert.deepStrictEqual(r.matches, [{ patternId: 'sql', ranges: [{ startLine: 2, endLine: 3 }, { startLine: 8, endLine: 8 }] }]);
  });

  it('reports detectors RE2 cannot run (lookaround, backreferences, syntax, empty match) at their line, and skips them', () => {
    const catalogue = catalogueOf(
      patternDoc('bad-detectors', 'appliesTo:', '  detect:', "    - '(?<=foo)bar'", "    - '(a)\\1'", "    - 'unclosed('", "    - 'x*'", "    - 'good'"),
    );
    const diagnostics = detectorDiagnostics(catalogue);
    assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.file, d.line, d.column]), [
      ['bad-detector', 'p0.md', 9, 7], ['bad-detector', 'p0.md', 10, 7], ['bad-detector', 'p0.md', 11, 7], ['bad-detector', 'p0.md', 12, 7],
    ]);
    assert.match(diagnostics[0].message, /RE2 syntax: no backreferences or lookaround/);
    assert.match(diagnostics[1].message, /invalid escape/);
    assert.match(diagnostics[2].message, /missing closing \)/);
    assert.match(diagnostics[3].message, /matches empty text/);
    const r = matchPatterns(catalogue, { path: 'a.txt', languageId: 'plaintext', text: 'foobar\ngood\n' });
    assert.deepStrictEqual(r.matches, [{ patternId: 'bad-detectors', ranges: [{ startLine: 2, endLine: 2 }] }]);
  });

  it('runs a catastrophic expression in linear time', () => {
    const catalogue = catalogueOf(patternDoc('evil', 'appliesTo:', '  detect:', "    - '(a+)+$'"));
    const text = 'a'.repeat(50000) + '!';
    const native = /(a+)+$/;
    assert.ok(native.test('aaaa'), 'the expression is a real one');
    const started = performance.now();
    const r = matchPatterns(catalogue, { path: 'x', languageId: 'plaintext', text });
    const elapsed = performance.now() - started;
    assert.deepStrictEqual(r.matches, []);
    // A backtracking engine would not finish this in hours; RE2 takes milliseconds. The bound is
    // loose because this machine is shared: it only has to tell linear from exponential.
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(1)} ms`);
    assert.deepStrictEqual(matchPatterns(catalogue, { path: 'x', languageId: 'plaintext', text: 'b\naaa' }).matches, [{ patternId: 'evil', ranges: [{ startLine: 2, endLine: 2 }] }]);
  });

  it('stops at the time budget and says so', () => {
    const catalogue = catalogueOf(patternDoc('a', 'appliesTo:', '  detect: [alpha]'), patternDoc('b', 'appliesTo:', '  detect: [beta]'));
    const text = Array.from({ length: 20000 }, (_, i) => (i % 2 ? 'alpha beta' : 'gamma')).join('\n');
    let clock = 0;
    // Each reading of the clock advances it 10 ms: the budget of 25 ms runs out while the first detector is still going.
    const r = matchPatterns(catalogue, { path: 'x', languageId: 'plaintext', text }, { budgetMs: 25, maxLinesPerPattern: 1e6, now: () => (clock += 10) });
    assert.strictEqual(r.budgetExceeded, true);
    assert.ok(!r.matches.some((m) => m.patternId === 'b'), 'the second detector never ran');
    // A budget no shared machine exhausts: with time left, every detector runs.
    const full = matchPatterns(catalogue, { path: 'x', languageId: 'plaintext', text }, { budgetMs: 60_000, maxLinesPerPattern: 1e6 });
    assert.strictEqual(full.budgetExceeded, false);
    assert.deepStrictEqual(full.matches.map((m) => m.patternId).sort(), ['a', 'b']);
  });

  it('caps the number of matching lines per pattern', () => {
    const catalogue = catalogueOf(patternDoc('many', 'appliesTo:', '  detect: [hit]'));
    const text = Array.from({ length: 2000 }, () => 'hit').join('\n');
    const r = matchPatterns(catalogue, { path: 'x', languageId: 'plaintext', text }, { maxLinesPerPattern: 10 });
    assert.deepStrictEqual(r.matches[0].ranges, [{ startLine: 1, endLine: 10 }]);
  });
});
