import * as assert from 'assert';
import { fixturePatternInfo } from '../support/fixturePatterns';
import { e2eSpec } from './registry';
import { openFile } from './workbench';

// The Patterns view lists the patterns of the open file on top; clicking one opens its rendered page.
e2eSpec('Clicking a pattern in the Patterns view opens its page', async ({ page, screenshot, log }) => {
  const { retry } = fixturePatternInfo();
  await openFile(page, retry.markerFile);
  const header = page.locator('.pane-header', { hasText: 'Patterns' }).first();
  // The activity bar item toggles the sidebar: click it only when Constellation is not shown already.
  if (!(await header.isVisible())) await page.locator('.activitybar .action-item a[aria-label^="Constellation"]').first().click();
  await header.waitFor({ state: 'visible', timeout: 15_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  const pane = page.locator('.pane').filter({ has: header }).first();
  await pane.locator('.monaco-list-row', { hasText: 'Applies to this file' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const row = pane.locator('.monaco-list-row', { hasText: retry.title }).first();
  await row.click();
  await page.locator('.tabs-container .tab.active', { hasText: retry.title }).first().waitFor({ state: 'visible', timeout: 15_000 });
  // The page lives in the webview's nested frames.
  const content = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const heading = content.locator('header h1');
  await heading.waitFor({ state: 'visible', timeout: 20_000 });
  assert.strictEqual((await heading.innerText()).trim(), retry.title);
  const body = await content.locator('article').innerText();
  assert.match(body, /Do\s/, 'the Markdown body is rendered');
  await content.locator('aside', { hasText: 'Dave Smith' }).waitFor({ state: 'visible', timeout: 20_000 });
  log(`page: ${(await content.locator('aside').innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
  log(`screenshot ${await screenshot('pattern-panel')}`);
  // The remote image is not loaded: its alt text links to it instead.
  assert.strictEqual(await content.locator('article img').count(), 0, 'no remote image loaded');
  assert.strictEqual(await content.locator('article a.blocked-image', { hasText: 'Retry timeline' }).count(), 1);
  // A relative link to another pattern document opens that pattern's page.
  await content.locator('article a', { hasText: 'circuit breaker' }).first().click();
  const next = content.locator('header h1', { hasText: 'Circuit breaker around remote calls' });
  await next.waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('.tabs-container .tab.active', { hasText: 'Circuit breaker around remote calls' }).first().waitFor({ state: 'visible', timeout: 15_000 });
});
