/**
 * Script of the community pages. The extension renders the whole page (escaped HTML and SVG); this
 * script only turns clicks on `data-action` buttons into typed messages, follows in-page links,
 * and reports the page's first contentful paint.
 */
import { messageForAction, type FromCommunityPage, type ToCommunityPage } from './messages';

interface VsCodeApi {
  postMessage(message: FromCommunityPage): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// Outside a webview (the bench loads the page in a plain browser) there is nobody to talk to.
const api: VsCodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => undefined };

function focusSection(id: string): void {
  const section = document.getElementById(id);
  if (!section) return;
  section.scrollIntoView({ block: 'start' });
  const heading = section.querySelector<HTMLElement>('h2, h3') ?? section;
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action], a[href]') : null;
  if (!target) return;
  if (target.tagName === 'A') {
    event.preventDefault();
    const href = target.getAttribute('href') ?? '';
    if (href.startsWith('#')) focusSection(decodeURIComponent(href.slice(1)));
    return;
  }
  const message = messageForAction(target.getAttribute('data-action') ?? undefined, target.getAttribute('data-arg') ?? undefined);
  if (message) api.postMessage(message);
});

window.addEventListener('message', (event: MessageEvent<ToCommunityPage>) => {
  if (event.data?.type === 'focus') focusSection(event.data.section);
});

const initial = document.body.getAttribute('data-focus');
if (initial) focusSection(initial);

try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') api.postMessage({ type: 'painted', firstContentfulPaintMs: entry.startTime });
    }
  }).observe({ type: 'paint', buffered: true });
} catch {
  // No paint timing here: nothing to report.
}

api.postMessage({ type: 'ready' });
