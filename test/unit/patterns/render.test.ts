import * as assert from 'assert';
import { isAllowedLink, renderPatternMarkdown } from '../../../src/core/patterns/render';

describe('pattern Markdown rendering', () => {
  it('escapes raw HTML instead of passing it through', () => {
    const html = renderPatternMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<iframe src="https://evil.example"></iframe>');
    assert.ok(!/<script|<img|<iframe/i.test(html), html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;iframe/);
  });

  it('renders http(s) and constellation command links, and neutralises the rest', () => {
    const html = renderPatternMarkdown(
      '[docs](https://example.com/a?b=1) [open](command:constellation.patterns.open?%5B%22x%22%5D) [bad](javascript:alert(1)) [cmd](command:workbench.action.terminal.new) [file](file:///etc/passwd) [data](data:text/html,hi)',
    );
    assert.match(html, /<a href="https:\/\/example\.com\/a\?b=1">docs<\/a>/);
    assert.match(html, /<a href="command:constellation\.patterns\.open\?%5B%22x%22%5D">open<\/a>/);
    const anchors = html.match(/<a /g) ?? [];
    assert.strictEqual(anchors.length, 2, html);
    assert.ok(!/href="(javascript|file|data|command:workbench)/i.test(html), html);
    assert.match(html, /\[bad\]\(javascript:alert\(1\)\)/);
  });

  it('linkifies bare URLs but not bare emails', () => {
    const html = renderPatternMarkdown('See https://example.com/x and write to a@b.example');
    assert.match(html, /<a href="https:\/\/example\.com\/x">https:\/\/example\.com\/x<\/a>/);
    assert.ok(!html.includes('mailto:'));
  });

  it('highlights known languages and escapes unknown ones', () => {
    const ts = renderPatternMarkdown('```ts\nconst a = "<b>";\n```');
    assert.match(ts, /<pre><code class="language-ts"><span class="hljs-keyword">const<\/span>/);
    assert.match(ts, /&quot;&lt;b&gt;&quot;|"&lt;b&gt;"/);
    const unknown = renderPatternMarkdown('```klingon\n<script>x</script>\n```');
    assert.match(unknown, /<code class="language-klingon">&lt;script&gt;x&lt;\/script&gt;/);
    const plain = renderPatternMarkdown('    <b>indented</b>');
    assert.match(plain, /&lt;b&gt;indented&lt;\/b&gt;/);
  });

  it('allows only http(s) and constellation commands', () => {
    assert.ok(isAllowedLink('https://a.example'));
    assert.ok(isAllowedLink('command:constellation.experts.show'));
    assert.ok(!isAllowedLink('command:constellationx.run'));
    assert.ok(!isAllowedLink('JAVASCRIPT:alert(1)'));
    assert.ok(!isAllowedLink('vscode://file/etc/passwd'));
  });
});
