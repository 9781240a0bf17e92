/**
 * The one Content-Security-Policy and nonce every webview of the extension uses (pattern pages,
 * community pages): nothing by default, the extension's own files, scripts only with the page's
 * nonce, images only from the extension and the hosts a setting allows. No editor import, so the
 * page renderers stay testable (and the bench renders pages) in plain Node.
 */
import { randomBytes } from 'crypto';

export interface WebviewPolicy {
  /** `webview.cspSource`: where the extension's own files are served from. */
  cspSource: string;
  nonce: string;
  /** Extra `img-src` sources (already CSP sources, e.g. from imageCspSources). */
  imageSources?: readonly string[];
  /** Allow a `<style nonce>` element (pages whose chart styles travel with the document). */
  nonceStyles?: boolean;
}

/** A fresh nonce for one document: 128 random bits (never Math.random). */
export function webviewNonce(): string {
  return randomBytes(16).toString('base64');
}

export function webviewCsp(policy: WebviewPolicy): string {
  const { cspSource, nonce } = policy;
  return [
    "default-src 'none'",
    policy.nonceStyles ? `style-src ${cspSource} 'nonce-${nonce}'` : `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    ['img-src', cspSource, ...(policy.imageSources ?? [])].join(' '),
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}
