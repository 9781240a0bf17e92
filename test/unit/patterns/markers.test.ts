import * as assert from 'assert';
import { findMarkers, markerComment } from '../../../src/core/patterns/markers';

const ids = (text: string, languageId: string, keyword?: string) =>
  findMarkers(text, languageId, keyword ? { keyword } : {}).map((m) => `${m.id}@${m.line}:${m.startCol}-${m.endCol}`);

describe('pattern markers', () => {
  it('finds `// pattern:` in TypeScript with exact columns, not inside strings', () => {
    const text = ['const a = 1; // pattern: retry-with-backoff', 'const s = "// pattern: not-a-marker";', '/* pattern: cursor-pagination */ call();'].join('\n');
    assert.deepStrictEqual(ids(text, 'typescript'), ['retry-with-backoff@1:26-44', 'cursor-pagination@3:13-30']);
    const line = text.split('\n')[0];
    const [m] = findMarkers(text, 'typescript');
    assert.strictEqual(line.slice(m.startCol - 1, m.endCol - 1), 'retry-with-backoff');
  });

  it('finds markers in block comments that span lines (JSDoc)', () => {
    const text = ['/**', ' * Fetches with retries.', ' * Pattern: retry-with-backoff', ' */', 'const pattern = 1; // pattern:idempotency-keys'].join('\n');
    assert.deepStrictEqual(ids(text, 'javascript'), ['retry-with-backoff@3:13-31', 'idempotency-keys@5:31-47']);
  });

  it('uses `#` in Python, shell and YAML, but not inside strings', () => {
    assert.deepStrictEqual(ids('x = "# pattern: no"  # pattern: structured-logging', 'python'), ['structured-logging@1:33-51']);
    assert.deepStrictEqual(ids('retry() { :; } # pattern: retry-with-backoff', 'shellscript'), ['retry-with-backoff@1:27-45']);
    assert.deepStrictEqual(ids('key: value # pattern: feature-flag-naming', 'yaml'), ['feature-flag-naming@1:23-42']);
  });

  it('uses `--` in SQL and Lua, `<!-- -->` in HTML/Markdown, `;` in Clojure, `%` in LaTeX, `\'` in VB', () => {
    assert.deepStrictEqual(ids('SELECT * FROM t -- pattern: cursor-pagination', 'sql'), ['cursor-pagination@1:29-46']);
    assert.deepStrictEqual(ids("local s = '-- pattern: no' -- pattern: circuit-breaker", 'lua'), ['circuit-breaker@1:40-55']);
    assert.deepStrictEqual(ids('<div><!-- pattern: error-envelope --></div>', 'html'), ['error-envelope@1:20-34']);
    assert.deepStrictEqual(ids('Text\n<!--\n  pattern: structured-logging\n-->', 'markdown'), ['structured-logging@3:12-30']);
    assert.deepStrictEqual(ids('(defn f [] 1) ; pattern: idempotency-keys', 'clojure'), ['idempotency-keys@1:26-42']);
    assert.deepStrictEqual(ids('50\\% done % pattern: correlation-ids', 'latex'), ['correlation-ids@1:22-37']);
    assert.deepStrictEqual(ids('Dim s = "\' pattern: no" \' pattern: retry-with-backoff', 'vb'), ['retry-with-backoff@1:36-54']);
    assert.deepStrictEqual(ids('-- pattern: a\n# pattern: b\n// pattern: c', 'haskell'), ['a@1:13-14']);
  });

  it('reads several ids, a custom keyword, and ignores look-alikes', () => {
    assert.deepStrictEqual(ids('// pattern: structured-logging, correlation-ids', 'go'), ['structured-logging@1:13-31', 'correlation-ids@1:33-48']);
    assert.deepStrictEqual(ids('// uses: retry-with-backoff  // pattern: nope', 'rust', 'uses'), ['retry-with-backoff@1:10-28']);
    assert.deepStrictEqual(ids('// antipattern: nope\n// pattern: Not_Kebab\n// pattern:', 'typescript'), []);
    assert.deepStrictEqual(ids('# pattern: from-fallback', 'some-unknown-language'), ['from-fallback@1:12-25']);
  });

  it('writes the marker in each language\'s comment syntax, and finds it again', () => {
    const cases: Array<[string, string]> = [
      ['typescript', '// pattern: retry-with-backoff'],
      ['python', '# pattern: retry-with-backoff'],
      ['sql', '-- pattern: retry-with-backoff'],
      ['html', '<!-- pattern: retry-with-backoff -->'],
      ['css', '/* pattern: retry-with-backoff */'],
      ['clojure', '; pattern: retry-with-backoff'],
      ['latex', '% pattern: retry-with-backoff'],
      ['vb', "' pattern: retry-with-backoff"],
      ['bat', 'REM pattern: retry-with-backoff'],
      ['ocaml', '(* pattern: retry-with-backoff *)'],
    ];
    for (const [languageId, expected] of cases) {
      const comment = markerComment(languageId, 'retry-with-backoff');
      assert.strictEqual(comment, expected, languageId);
      assert.deepStrictEqual(findMarkers(`code\n${comment}`, languageId).map((m) => [m.id, m.line]), [['retry-with-backoff', 2]], languageId);
    }
    assert.strictEqual(markerComment('go', 'x', { keyword: 'uses' }), '// uses: x');
  });
});
