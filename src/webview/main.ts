/** Entry of the pattern panel's script: renders what the extension sends, reports clicks back. */
import type { ToPanel } from './panelMessages';
import { renderPage } from './render';
import { vscodeApi } from './vscodeApi';

const api = vscodeApi();
const root = document.getElementById('root');

window.addEventListener('message', (event: MessageEvent<ToPanel>) => {
  const message = event.data;
  if (root && message?.type === 'render') renderPage(root, message.model, (m) => api.postMessage(m));
});

// Links inside the rendered Markdown: the extension decides what may open (http(s), Constellation
// commands, the patterns and files its renderer resolved as data-link anchors).
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!target) return;
  event.preventDefault();
  const documentLink = target.getAttribute('data-link');
  if (documentLink !== null) {
    api.postMessage({ type: 'openDocumentLink', index: Number(documentLink) });
    return;
  }
  const section = target.getAttribute('data-anchor');
  if (section !== null) {
    document.getElementById(section)?.scrollIntoView();
    return;
  }
  const href = target.getAttribute('href') ?? '';
  if (href.startsWith('#')) {
    document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    return;
  }
  api.postMessage({ type: 'openLink', href });
});

api.postMessage({ type: 'ready' });
