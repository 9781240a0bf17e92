import * as assert from 'assert';
import { anchorComment, createAnchor, embedAnchor, fingerprintLines, parseAnchor, stripAnchor } from '../../../src/core/threads/anchor';

const FILE = 'line one\n  function pay() {\n    return 1;\n  }\nlast\n';
const anchor = createAnchor({ remote: 'https://ghe.example.test/acme/shop', path: 'src/--odd--> <dir>/pay.ts', commit: 'b'.repeat(40), startLine: 2, endLine: 4, fileText: FILE });

describe('anchor', () => {
  it('fingerprints whitespace-normalized lines', () => {
    assert.strictEqual(anchor.fingerprint.lines.length, 3);
    assert.deepStrictEqual(fingerprintLines(['function   pay() {', '\treturn 1;', '}']), anchor.fingerprint);
    assert.notStrictEqual(fingerprintLines(['function pay() {', 'return 2;', '}']).sha1, anchor.fingerprint.sha1);
  });

  it('round-trips through a Markdown body, hidden in an HTML comment', () => {
    const body = embedAnchor('Why do we return 1 here?', anchor);
    assert.match(body, /^Why do we return 1 here\?\n\n<!-- constellation:anchor \{.*\} -->\n$/);
    const comment = anchorComment(anchor);
    assert.strictEqual(comment.slice(4, -3).includes('--'), false, 'no "--" inside the comment, so it cannot end early');
    assert.strictEqual(comment.slice(4, -3).includes('>'), false);
    assert.deepStrictEqual(parseAnchor(body), anchor);
  });

  it('survives edits around it and replaces, not duplicates, on re-embedding', () => {
    const body = embedAnchor('Question', anchor);
    const edited = `# Edited title\r\n\r\nSomeone added text.\r\n${body.replace(/\n/g, '\r\n')}\r\n\r\n> and a quote after`;
    assert.deepStrictEqual(parseAnchor(edited), anchor);
    const moved = { ...anchor, startLine: 5, endLine: 6 };
    const again = embedAnchor(edited, moved);
    assert.strictEqual(again.match(/constellation:anchor/g)?.length, 1);
    assert.deepStrictEqual(parseAnchor(again), moved);
    assert.strictEqual(stripAnchor(body).trim(), 'Question');
  });

  it('gives undefined for missing or malformed anchors, never throwing', () => {
    const valid = anchorComment(anchor);
    const json = JSON.parse(valid.slice('<!-- constellation:anchor '.length, -' -->'.length)) as Record<string, unknown>;
    const variants: unknown[] = [
      undefined,
      null,
      '',
      'no anchor here',
      '<!-- constellation:anchor {not json} -->',
      '<!-- constellation:anchor {"remote":"x"} -->',
      valid.replace('}', ''),
      `<!-- constellation:anchor ${JSON.stringify({ ...json, startLine: 0 })} -->`,
      `<!-- constellation:anchor ${JSON.stringify({ ...json, endLine: 1 })} -->`,
      `<!-- constellation:anchor ${JSON.stringify({ ...json, fingerprint: { sha1: 'zz', lines: [] } })} -->`,
      `<!-- constellation:anchor ${JSON.stringify({ ...json, fingerprint: { sha1: 'a'.repeat(40), lines: [1] } })} -->`,
      `<!-- constellation:anchor ${JSON.stringify({ ...json, path: '' })} -->`,
      `<!-- constellation:anchor [1,2] -->`,
    ];
    for (const v of variants) {
      assert.strictEqual(parseAnchor(v as string), undefined, String(v));
    }
    assert.deepStrictEqual(parseAnchor(`<!-- constellation:anchor ${JSON.stringify(json)} -->`), anchor, 'unescaped JSON is accepted too');
  });
});
