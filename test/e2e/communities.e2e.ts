import * as assert from 'assert';
import type { Frame, Page } from 'playwright-core';
import { e2eSpec } from './registry';
import { runCommand } from './workbench';

/** The webview frame whose page has this heading (webviews live in nested frames). */
async function pageFrame(page: Page, heading: string, timeoutMs = 30_000): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const h1 = await frame.evaluate(() => document.querySelector('main h1')?.textContent ?? '').catch(() => '');
      if (h1.trim() === heading) return frame;
    }
    if (Date.now() > end) throw new Error(`no webview page titled "${heading}"`);
    await page.waitForTimeout(250);
  }
}

/** The page's own first contentful paint, as the webview's Chromium measured it. */
async function firstPaint(frame: Frame): Promise<number | undefined> {
  return frame.evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime);
}

/** Runs a palette command, retrying while the extension's commands are not registered yet (the host still starting). */
async function runWhenRegistered(page: Page, title: string, attempts = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runCommand(page, title);
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(2000);
    }
  }
}

async function withoutSideBar(page: Page, work: () => Promise<void>): Promise<void> {
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  try {
    await work();
  } finally {
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  }
}

// The community page: rings, participation over time, the team matrix, knowledge at risk, gaps, Join.
e2eSpec('The community page draws its charts, each with a text alternative', async ({ page, screenshot, log }) => {
  await runWhenRegistered(page, 'Constellation: Open Community Page');
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Reliability Guild' }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await row.click();
  const frame = await pageFrame(page, 'Reliability Guild', 60_000);
  const charts = await frame.evaluate(() => Array.from(document.querySelectorAll('figure.chart')).map((f) => ({ id: f.id, svg: !!f.querySelector('svg[role="img"]'), alt: (f.querySelector('details.alt pre')?.textContent ?? '').length })));
  assert.deepStrictEqual(charts.map((c) => c.id), ['chart-rings', 'chart-participation', 'chart-matrix', 'chart-knowledge']);
  assert.ok(charts.every((c) => c.svg && c.alt > 10), JSON.stringify(charts));
  // Keyboard: Enter on a text alternative's summary opens it.
  const summary = frame.locator('#chart-rings details.alt summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.strictEqual(await frame.evaluate(() => (document.querySelector('#chart-rings details.alt') as HTMLDetailsElement).open), true);
  await page.keyboard.press('Enter');
  log(`community page first contentful paint in the webview: ${(await firstPaint(frame))?.toFixed(0) ?? '?'} ms`);
  await withoutSideBar(page, async () => {
    await frame.evaluate(() => document.getElementById('members')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    log(`screenshot ${await screenshot('community-page')}`);
    await frame.evaluate(() => document.getElementById('knowledge')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    log(`screenshot ${await screenshot('community-knowledge')}`);
  });
});

// The constellation map: every community, linked by the people they share; potential and unrecognized ones dashed.
e2eSpec('The constellation map shows every community, potential ones dashed', async ({ page, screenshot, log }) => {
  await runWhenRegistered(page, 'Constellation: Show the Constellation Map');
  const frame = await pageFrame(page, 'Constellation of communities', 60_000);
  const nodes = await frame.evaluate(() => Array.from(document.querySelectorAll('#chart-constellation circle')).map((c) => `${c.getAttribute('class')}: ${c.querySelector('title')?.textContent ?? ''}`));
  assert.ok(nodes.some((n) => n.startsWith('cst-potential: Potential')), nodes.join('\n'));
  assert.ok(nodes.some((n) => n.startsWith('cst-community: Reliability Guild')), nodes.join('\n'));
  log(`constellation map first contentful paint in the webview: ${(await firstPaint(frame))?.toFixed(0) ?? '?'} ms`);
  await withoutSideBar(page, async () => {
    await frame.evaluate(() => document.getElementById('map')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    log(`screenshot ${await screenshot('constellation-map')}`);
  });
});
