import * as assert from 'assert';
import { splitFrontMatter } from '../../../src/core/patterns/frontMatter';
import { doc, parse } from './helpers';

const codes = (r: ReturnType<typeof parse>) => r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);

describe('pattern front matter', () => {
  it('parses every field, the body and its first line', () => {
    const r = parse(
      doc(
        '---',
        'id: retry-with-backoff',
        'title: Retry with backoff',
        'summary: Retry transient failures.',
        'community: reliability',
        'tags: [resilience, http]',
        'status: adopted',
        'maintainers: [maya@acme.example, jdelacroix]',
        'appliesTo:',
        '  languages: [typescript]',
        '  files: ["src/**"]',
        "  detect: ['retryWithBackoff\\(']",
        'related: [idempotency-keys]',
        'examples: ["src/a.ts#L1-L5"]',
        '---',
        '# Body',
      ),
    );
    assert.deepStrictEqual(r.diagnostics, []);
    const p = r.pattern!;
    assert.strictEqual(p.id, 'retry-with-backoff');
    assert.deepStrictEqual(p.tags, ['resilience', 'http']);
    assert.deepStrictEqual(p.maintainers, ['maya@acme.example', 'jdelacroix']);
    assert.deepStrictEqual(p.appliesTo, { languages: ['typescript'], files: ['src/**'], detect: ['retryWithBackoff\\('] });
    assert.deepStrictEqual(p.related, ['idempotency-keys']);
    assert.deepStrictEqual(p.examples, ['src/a.ts#L1-L5']);
    assert.strictEqual(p.body, '# Body');
    assert.strictEqual(p.bodyLine, 16);
    assert.deepStrictEqual(p.positions.fields['appliesTo.detect'], { line: 12, column: 3 });
    assert.deepStrictEqual(p.positions.items['related'], [{ line: 13, column: 11 }]);
  });

  it('keeps unknown fields, including nested appliesTo ones, in `extra`', () => {
    const r = parse(doc('---', 'id: a', 'title: A', 'summary: s', 'community: c', 'status: proposed', 'owner-team: platform', 'review:', '  rfc: 42', 'appliesTo:', '  runtimes: [node]', '---'));
    assert.deepStrictEqual(r.diagnostics, []);
    assert.deepStrictEqual(r.pattern!.extra, { 'owner-team': 'platform', review: { rfc: 42 }, 'appliesTo.runtimes': ['node'] });
  });

  it('splits CRLF documents and reports a missing or unclosed fence at line 1', () => {
    const split = splitFrontMatter('---\r\nid: a\r\n---\r\nbody');
    assert.ok(split.ok && split.document.yaml === 'id: a' && split.document.bodyLine === 4);
    assert.deepStrictEqual(codes(parse('# just markdown')), ['invalid-front-matter@1:1']);
    assert.match(parse('# just markdown').diagnostics[0].message, /must start with a `---` line/);
    assert.deepStrictEqual(codes(parse(doc('---', 'id: a'))), ['invalid-front-matter@1:1']);
    assert.match(parse(doc('---', 'id: a')).diagnostics[0].message, /not closed/);
  });

  it('reports invalid YAML at its line, and skips the pattern', () => {
    const r = parse(doc('---', 'id: a', 'title: A', 'tags: [unclosed', 'status: adopted', '---'));
    assert.strictEqual(r.pattern, undefined);
    assert.ok(r.diagnostics.length > 0 && r.diagnostics.every((d) => d.code === 'invalid-front-matter'));
    assert.ok(r.diagnostics[0].line >= 4, `line ${r.diagnostics[0].line}`);
    const dup = parse(doc('---', 'id: a', 'title: A', 'id: b', '---'));
    assert.deepStrictEqual(codes(dup), ['invalid-front-matter@4:1']);
    assert.match(dup.diagnostics[0].message, /unique/);
  });

  it('reports empty front matter and front matter that is not a map', () => {
    assert.deepStrictEqual(codes(parse(doc('---', '---'))), ['invalid-front-matter@1:1']);
    const list = parse(doc('---', '- a', '- b', '---'));
    assert.deepStrictEqual(codes(list), ['invalid-front-matter@1:1']);
    assert.match(list.diagnostics[0].message, /key: value/);
  });

  it('skips a pattern without an id or with a bad id, at the right line', () => {
    const missing = parse(doc('---', 'title: A', 'summary: s', 'community: c', 'status: adopted', '---'));
    assert.strictEqual(missing.pattern, undefined);
    assert.deepStrictEqual(codes(missing), ['missing-field@1:1']);
    assert.match(missing.diagnostics[0].message, /`id`/);
    const bad = parse(doc('---', 'title: A', 'id: Retry_With_Backoff', 'summary: s', 'community: c', 'status: adopted', '---'));
    assert.strictEqual(bad.pattern, undefined);
    assert.deepStrictEqual(codes(bad), ['bad-id@3:5']);
    const notText = parse(doc('---', 'id: [a, b]', 'title: A', 'summary: s', 'community: c', 'status: adopted', '---'));
    assert.deepStrictEqual(codes(notText), ['invalid-field@2:1']);
  });

  it('loads a pattern missing other fields partially, reporting each', () => {
    const r = parse(doc('---', 'id: lonely', '---'));
    assert.strictEqual(r.pattern?.id, 'lonely');
    assert.strictEqual(r.pattern?.title, 'lonely');
    assert.strictEqual(r.pattern?.status, 'proposed');
    assert.deepStrictEqual(
      r.diagnostics.map((d) => `${d.code}:${d.severity}:${d.message.match(/`(\w+)`/)?.[1]}@${d.line}`),
      ['missing-field:error:title@1', 'missing-field:warning:summary@1', 'missing-field:error:community@1', 'missing-field:warning:status@1'],
    );
    assert.ok(r.diagnostics.every((d) => d.patternId === 'lonely'));
  });

  it('reports an unknown status at its line and assumes proposed', () => {
    const r = parse(doc('---', 'id: a', 'title: A', 'summary: s', 'community: c', 'status:   adoptd', '---'));
    assert.deepStrictEqual(codes(r), ['unknown-status@6:11']);
    assert.strictEqual(r.pattern?.status, 'proposed');
  });

  it('reports bad list items at the line of the item and keeps the good ones', () => {
    const r = parse(
      doc(
        '---', 'id: a', 'title: A', 'summary: s', 'community: c', 'status: deprecated',
        'maintainers:', '  - ok@acme.example', '  - not an email!', 'related:', '  - fine-id', '  - Not_An_Id',
        'examples:', '  - src/a.ts#L10-L20', '  - src/b.ts#lines-3', '  - /etc/passwd', '  - javascript:alert(1)',
        'tags: [a, {x: 1}]', 'replacedBy: Bad_Id', '---',
      ),
    );
    assert.deepStrictEqual(codes(r), [
      'invalid-field@9:5', 'bad-id@12:5', 'broken-example@15:5', 'broken-example@16:5', 'broken-example@17:5', 'invalid-field@18:11', 'bad-id@19:13',
    ]);
    const p = r.pattern!;
    assert.deepStrictEqual([p.maintainers, p.related, p.examples, p.tags, p.replacedBy], [['ok@acme.example'], ['fine-id'], ['src/a.ts#L10-L20'], ['a'], undefined]);
  });

  it('reports fields of the wrong shape', () => {
    const r = parse(doc('---', 'id: a', 'title: [x]', 'summary: ""', 'community: c', 'status: adopted', 'tags: {a: 1}', 'appliesTo: typescript', '---'));
    assert.deepStrictEqual(codes(r), ['invalid-field@3:1', 'invalid-field@4:1', 'invalid-field@7:1', 'invalid-field@8:1']);
    assert.strictEqual(r.pattern?.title, 'a');
  });

  it('warns when replacedBy is set on a pattern that is still adopted', () => {
    const r = parse(doc('---', 'id: a', 'title: A', 'summary: s', 'community: c', 'status: adopted', 'replacedBy: b', '---'));
    assert.deepStrictEqual(r.diagnostics.map((d) => `${d.code}:${d.severity}@${d.line}`), ['invalid-field:warning@7']);
    assert.strictEqual(r.pattern?.replacedBy, 'b');
  });
});
