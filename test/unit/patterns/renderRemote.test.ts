/** Remote content in a pattern page: images blocked unless their host is allowed; relative links navigable. */
import * as assert from 'assert';
import * as path from 'path';
import type { Pattern } from '../../../src/core/patterns/patternTypes';
import { resolveDocumentLink } from '../../../src/core/patterns/documentLinks';
import { imageAllowed, imageCspSources, parseImageHosts } from '../../../src/core/patterns/imageHosts';
import { renderPatternDocument, renderPatternMarkdown } from '../../../src/core/patterns/render';
import { parse, patternDoc } from './helpers';

function pattern(id: string, file: string, source = 'lib'): Pattern {
  const parsed = parse(patternDoc(id), file, source);
  assert.ok(parsed.pattern, JSON.stringify(parsed.diagnostics));
  return parsed.pattern;
}

describe('remote images in pattern pages', () => {
  const PIXEL = '![](https://tracker.example/p.gif?u=1) ![Architecture](https://images.acme.example/arch.png "the map")';

  it('show alt text and a link by default, with no <img> at all', () => {
    const html = renderPatternMarkdown(PIXEL);
    assert.ok(!/<img/i.test(html), html);
    assert.match(html, /<a href="https:\/\/tracker\.example\/p\.gif\?u=1" class="blocked-image" title="Image from tracker\.example, not loaded[^"]*">.*image<\/a>/);
    assert.match(html, /<a href="https:\/\/images\.acme\.example\/arch\.png" class="blocked-image"[^>]*>.*Architecture<\/a>/);
  });

  it('load from listed hosts only, over https only', () => {
    const html = renderPatternMarkdown(`${PIXEL} ![plain](http://images.acme.example/x.png)`, { allowImagesFrom: ['images.acme.example'] });
    assert.match(html, /<img src="https:\/\/images\.acme\.example\/arch\.png" alt="Architecture" title="the map">/);
    assert.strictEqual((html.match(/<img/g) ?? []).length, 1, html);
    assert.match(html, /class="blocked-image"[^>]*>.*plain<\/a>/, 'http is never loaded');
  });

  it('a blocked image inside a link shows as text, not a nested link', () => {
    const html = renderPatternMarkdown('[![build](https://ci.example/badge.svg)](https://ci.example/job)');
    assert.match(html, /^<p><a href="https:\/\/ci\.example\/job"><span class="blocked-image">.*build<\/span><\/a><\/p>/);
  });

  it('relative and data images never load', () => {
    const html = renderPatternMarkdown('![local](./diagram.png) ![inline](data:image/png;base64,AAAA)', { allowImagesFrom: ['*.example'] });
    assert.ok(!/<img/i.test(html), html);
    assert.match(html, /<span class="blocked-image">.*local<\/span>/);
  });

  it('host entries: exact, wildcard subdomains, port; invalid ones reported; CSP sources agree', () => {
    const { hosts, invalid } = parseImageHosts(['Images.Acme.Example', '*.cdn.example', 'art.example:8443', 'https://x.example', '*', 'a/b', 7]);
    assert.deepStrictEqual(hosts, ['images.acme.example', '*.cdn.example', 'art.example:8443']);
    assert.deepStrictEqual(invalid, ['https://x.example', '*', 'a/b', '7']);
    assert.ok(imageAllowed('https://images.acme.example/a.png', hosts));
    assert.ok(!imageAllowed('https://evil.images.acme.example/a.png', hosts), 'an exact host is not a wildcard');
    assert.ok(imageAllowed('https://eu.cdn.example/a.png', hosts));
    assert.ok(!imageAllowed('https://cdn.example/a.png', hosts), 'a wildcard means subdomains');
    assert.ok(!imageAllowed('https://images.acme.example:444/a.png', hosts), 'only the default port without a port entry');
    assert.ok(imageAllowed('https://art.example:8443/a.png', hosts));
    assert.ok(!imageAllowed('https://user@images.acme.example/a.png', hosts));
    assert.deepStrictEqual(imageCspSources(hosts), ['https://images.acme.example', 'https://*.cdn.example', 'https://art.example:8443']);
  });
});

describe('relative links between pattern documents', () => {
  const root = path.join(path.sep, 'lib');
  const asyncIo = pattern('async-await-io', path.join(root, 'concurrency', 'async-await-io.md'));
  const retry = pattern('retry-with-backoff', path.join(root, 'reliability', 'retry-with-backoff.md'));
  const breaker = pattern('circuit-breaker', path.join(root, 'reliability', 'circuit-breaker.md'));
  const elsewhere = pattern('other-library', path.join(path.sep, 'other', 'x.md'), 'other');
  const all = [asyncIo, retry, breaker, elsewhere];

  it('resolve a bare id, a path with or without .md, a fragment, and other library files', () => {
    assert.deepStrictEqual(resolveDocumentLink('async-await-io', retry, all), { kind: 'pattern', id: 'async-await-io' });
    assert.deepStrictEqual(resolveDocumentLink('circuit-breaker.md#when-to-open', retry, all), { kind: 'pattern', id: 'circuit-breaker', fragment: 'when-to-open' });
    assert.deepStrictEqual(resolveDocumentLink('../concurrency/async-await-io', retry, all), { kind: 'pattern', id: 'async-await-io' });
    assert.deepStrictEqual(resolveDocumentLink('../api/x.md', retry, all), { kind: 'file', file: path.join(root, 'api', 'x.md') });
    assert.deepStrictEqual(resolveDocumentLink('notes%20on%20retries.md', retry, all), { kind: 'file', file: path.join(root, 'reliability', 'notes on retries.md') });
  });

  it('refuse paths out of the library, absolute URLs and other schemes', () => {
    assert.strictEqual(resolveDocumentLink('../../etc/passwd', retry, all), undefined);
    assert.strictEqual(resolveDocumentLink('../../other/x.md', retry, all), undefined, 'another library is not reached by path');
    for (const href of ['https://a.example/x.md', 'file:///etc/passwd', 'vscode://file/x', '//evil.example/x', 'javascript:alert(1)']) {
      assert.strictEqual(resolveDocumentLink(href, retry, all), undefined, href);
    }
  });

  it('resolve within a GitHub library, never above its folder', () => {
    const a = pattern('gh-a', 'acme/patterns@main:docs/a/one.md', 'github:acme/patterns');
    const b = pattern('gh-b', 'acme/patterns@main:docs/b/two.md', 'github:acme/patterns');
    assert.deepStrictEqual(resolveDocumentLink('../b/two.md', a, [a, b]), { kind: 'pattern', id: 'gh-b' });
    assert.deepStrictEqual(resolveDocumentLink('../guide.md#setup', a, [a, b]), { kind: 'file', file: 'acme/patterns@main:docs/guide.md', fragment: 'setup' });
    assert.strictEqual(resolveDocumentLink('../../README.md', a, [a, b]), undefined);
  });

  it('render to data-link anchors with their targets; unresolved ones to plain text; #section to the heading', () => {
    const body = [
      'See [async/await](async-await-io), [the breaker](circuit-breaker.md#state) and [API notes](../api/x.md).',
      '[gone](../../../etc/passwd) and [later](#further-reading).',
      '',
      '## Further reading',
    ].join('\n');
    const { html, links } = renderPatternDocument(body, { resolveLink: (href) => resolveDocumentLink(href, retry, all) });
    assert.match(html, /<a href="#" data-link="0">async\/await<\/a>/);
    assert.match(html, /<a href="#" data-link="1">the breaker<\/a>/);
    assert.match(html, /<a href="#" data-link="2">API notes<\/a>/);
    assert.deepStrictEqual(links, [
      { kind: 'pattern', id: 'async-await-io' },
      { kind: 'pattern', id: 'circuit-breaker', fragment: 'state' },
      { kind: 'file', file: path.join(root, 'api', 'x.md') },
    ]);
    assert.match(html, /\ngone and <a href="#" data-anchor="section-further-reading">later<\/a>\.<\/p>/);
    assert.match(html, /<h2 id="section-further-reading">Further reading<\/h2>/);
    assert.ok(!html.includes('etc/passwd'), html);
  });

  it('without a resolver, relative links are plain text and keep no raw Markdown', () => {
    const html = renderPatternMarkdown('[async/await](async-await-io)');
    assert.strictEqual(html, '<p>async/await</p>\n');
  });
});
