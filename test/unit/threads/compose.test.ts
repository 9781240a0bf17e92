import * as assert from 'assert';
import { createAnchor, parseAnchor } from '../../../src/core/threads/anchor';
import { chooseFence, languageForPath } from '../../../src/core/threads/codeFence';
import { bodyBesideCode, composeThreadBody, renderPreview } from '../../../src/core/threads/compose';
import { buildPermalink } from '../../../src/core/threads/permalink';

const SHA = 'a'.repeat(40);

describe('thread composition', () => {
  const snippetText = 'const md = "```js";\nconst more = "````";\n';
  const anchor = createAnchor({ remote: 'https://ghe.example.test/acme/shop', path: 'src/md.ts', commit: SHA, startLine: 3, endLine: 4, fileText: `x\ny\n${snippetText}` });
  const input = {
    question: 'Should we escape fences here?',
    snippet: { path: 'src/md.ts', startLine: 3, endLine: 4, text: snippetText },
    permalink: buildPermalink('git@ghe.example.test:acme/shop.git', SHA, 'src/md.ts', 3, 4),
    anchor,
    experts: [
      { name: 'Own Teammate', login: 'mate', relationship: 'your-team' as const },
      { name: 'Bo Builder', login: 'bo-b', team: 'Payments', relationship: 'other-team' as const },
      { name: 'Cy @ Ops', email: 'cy@example.test', team: 'Ops', relationship: 'other-business-unit' as const },
      { name: 'Dup', login: 'bo-b', relationship: 'other-team' as const },
      { name: 'Bad Login', login: 'not valid!', relationship: 'other-company' as const },
    ],
    patterns: [{ title: 'Escaping *Markdown*', url: 'https://ghe.example.test/acme/patterns/blob/main/escaping (v2).md' }, { title: 'Untitled link-less pattern' }],
  };

  it('picks a fence longer than any backtick run and the language from the path', () => {
    assert.strictEqual(chooseFence('no ticks'), '```');
    assert.strictEqual(chooseFence(snippetText), '`````');
    assert.strictEqual(languageForPath('src/md.ts'), 'typescript');
    assert.strictEqual(languageForPath('build/Dockerfile'), 'dockerfile');
    assert.strictEqual(languageForPath('notes.unknownext'), '');
  });

  it('composes question, permalink, fenced snippet, experts, patterns and the hidden anchor', () => {
    const body = composeThreadBody(input);
    const expected = [
      'Should we escape fences here?',
      '',
      `**Code:** [\`src/md.ts\` lines 3–4](https://ghe.example.test/acme/shop/blob/${SHA}/src/md.ts#L3-L4)`,
      '',
      '`````typescript',
      'const md = "```js";',
      'const more = "````";',
      '`````',
      '',
      '**Suggested experts from other teams:** @bo-b (Payments), Cy \\@ Ops (Ops), Bad Login',
      '',
      '**Related patterns:**',
      '- [Escaping \\*Markdown\\*](<https://ghe.example.test/acme/patterns/blob/main/escaping%20(v2).md>)',
      '- Untitled link\\-less pattern',
      '',
    ].join('\n');
    assert.ok(body.startsWith(expected), body);
    assert.deepStrictEqual(parseAnchor(body), anchor);
  });

  it('gives the UI a preview whose body is what will be sent', () => {
    const preview = renderPreview(input);
    assert.deepStrictEqual(preview.experts, [
      { label: '@bo-b', mention: true, team: 'Payments' },
      { label: 'Cy @ Ops', mention: false, team: 'Ops' },
      { label: 'Bad Login', mention: false, team: undefined },
    ]);
    assert.strictEqual(preview.code?.language, 'typescript');
    assert.strictEqual(preview.body, composeThreadBody(input));
    assert.strictEqual(renderPreview({ ...input, maxExperts: 1 }).experts.length, 1);
  });

  it('works without code, experts or patterns', () => {
    assert.strictEqual(composeThreadBody({ question: '  Just a question?  ' }), 'Just a question?\n');
  });

  it('shows the body beside the code without the snippet it sits under, keeping the link, the rest and nothing of the anchor', () => {
    const body = composeThreadBody(input);
    assert.ok(body.includes('`````typescript'), 'the posted body has the snippet');
    const beside = bodyBesideCode(body);
    assert.ok(!beside.includes(snippetText.split('\n')[0]), beside);
    assert.ok(!beside.includes('`````'), beside);
    assert.ok(!beside.includes('constellation:anchor'), beside);
    const link = `**Code:** [\`src/md.ts\` lines 3–4](https://ghe.example.test/acme/shop/blob/${SHA}/src/md.ts#L3-L4)`;
    assert.ok(beside.startsWith(`Should we escape fences here?\n\n${link}\n\n**Suggested experts from other teams:**`), beside);
    assert.ok(beside.includes('**Related patterns:**'));
  });

  it('leaves a body written otherwise as it is (a fence of the person, no Code line)', () => {
    const own = 'Look at this:\n\n```ts\nconst x = 1;\n```\n';
    assert.strictEqual(bodyBesideCode(own), own);
    const withoutFence = '**Code:** `src/a.ts` line 3\n\nA question after it.\n';
    assert.strictEqual(bodyBesideCode(withoutFence), withoutFence);
  });
});
