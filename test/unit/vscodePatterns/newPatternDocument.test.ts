import * as assert from 'assert';
import { parsePatternDocument } from '../../../src/core/patterns/frontMatter';
import { idFromTitle, newPatternDocument, validatePatternId } from '../../../src/vscode/patterns/newPatternDocument';

describe('new pattern document', () => {
  it('derives a kebab-case id from a title', () => {
    assert.strictEqual(idFromTitle('Retry with Backoff!'), 'retry-with-backoff');
    assert.strictEqual(idFromTitle('  Café: crème brûlée  '), 'cafe-creme-brulee');
  });

  it('rejects bad and taken ids', () => {
    assert.match(validatePatternId('Retry_Backoff', () => false) ?? '', /kebab-case/);
    assert.match(validatePatternId('retry', (id) => id === 'retry') ?? '', /already exists/);
    assert.strictEqual(validatePatternId('retry-2', () => false), undefined);
  });

  it('is a valid pattern document: proposed, you as maintainer, the selection as example', () => {
    const text = newPatternDocument({
      id: 'guard-clauses', title: 'Guard clauses: return early', community: 'clean-code', maintainer: 'you@acme.example',
      languageId: 'typescript', examplePath: 'src/a.ts', startLine: 3, endLine: 9, snippet: 'if (!x) return;\nconst s = `a ``` b`;\n',
    });
    const parsed = parsePatternDocument(text, { file: '/lib/guard-clauses.md', source: 'test' });
    assert.deepStrictEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
    const p = parsed.pattern;
    assert.ok(p);
    assert.strictEqual(p.id, 'guard-clauses');
    assert.strictEqual(p.title, 'Guard clauses: return early');
    assert.strictEqual(p.status, 'proposed');
    assert.deepStrictEqual(p.maintainers, ['you@acme.example']);
    assert.deepStrictEqual(p.examples, ['src/a.ts#L3-L9']);
    assert.deepStrictEqual(p.appliesTo.languages, ['typescript']);
    // The snippet's own triple backticks do not close the fence early.
    assert.match(p.body, /````typescript\nif \(!x\) return;\nconst s = `a ``` b`;\n````/);
  });

  it('writes a one-line example as #Ln', () => {
    const text = newPatternDocument({ id: 'a', title: 'A', community: 'c', languageId: 'python', examplePath: 'x.py', startLine: 4, endLine: 4, snippet: 'pass' });
    assert.match(text, /- x\.py#L4\n/);
    assert.match(text, /maintainers: \[\]/);
  });
});
