import * as assert from 'assert';
import { webviewCsp, webviewNonce } from '../../../src/vscode/platform/webviewSecurity';

describe('webview security (one CSP for every page)', () => {
  it('allows only the extension, the nonce and the given image hosts', () => {
    assert.strictEqual(
      webviewCsp({ cspSource: 'https://w.example', nonce: 'n1', imageSources: ['https://img.example'] }),
      "default-src 'none'; style-src https://w.example; font-src https://w.example; img-src https://w.example https://img.example; script-src 'nonce-n1'",
    );
    assert.match(webviewCsp({ cspSource: 'https://w.example', nonce: 'n2', nonceStyles: true }), /style-src https:\/\/w\.example 'nonce-n2';/);
  });

  it('makes a fresh 128-bit nonce per document', () => {
    const nonces = new Set(Array.from({ length: 50 }, webviewNonce));
    assert.strictEqual(nonces.size, 50);
    for (const n of nonces) assert.strictEqual(Buffer.from(n, 'base64').length, 16);
  });
});
