import * as assert from 'assert';
import type { Frame, Locator, Page } from 'playwright-core';
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

/** The Communities pane of the Constellation sidebar, expanded. */
async function communitiesPane(page: Page): Promise<Locator> {
  await page.locator('.activitybar .action-item a[aria-label^="Constellation"]').first().click();
  const pane = page.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: /^Communities$/ }) }).first();
  await pane.waitFor({ state: 'visible', timeout: 15_000 });
  const header = pane.locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return pane;
}

/** A tree row by its label (the text before the description), expanded through its twistie. */
async function expandRow(pane: Locator, label: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const row = pane.locator('.monaco-list-row').filter({ has: pane.page().locator('.label-name', { hasText: label }) }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  return row;
}

const rowTexts = async (pane: Locator): Promise<string[]> => (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

// The Communities view lists the fixture's declared communities, the potential one apart, and members by level and team.
e2eSpec('The Communities view lists each community with its members by level and team', async ({ page, screenshot, log }) => {
  const pane = await communitiesPane(page);
  // The report is computed in the background once the extension is up: the row appears when it is.
  await expandRow(pane, /^Reliability Guild$/, 90_000);
  const roots = await rowTexts(pane);
  log(`Communities view: ${JSON.stringify(roots)}`);
  for (const name of ['Identity & Access', 'API Design', 'Potential communities (1)']) assert.ok(roots.some((r) => r.startsWith(name)), `${name} listed: ${JSON.stringify(roots)}`);
  await expandRow(pane, /^Members \(5\)$/);
  const core = pane.locator('.monaco-list-row').filter({ hasText: /^Core \(2\)/ }).first();
  await core.waitFor({ state: 'visible', timeout: 10_000 });
  const dave = pane.locator('.monaco-list-row').filter({ hasText: 'Dave Smith' }).first();
  await dave.waitFor({ state: 'visible', timeout: 10_000 });
  const rows = await rowTexts(pane);
  const after = rows.slice(rows.findIndex((r) => r.startsWith('Core (2)')) + 1);
  assert.deepStrictEqual(after.slice(0, 2), ['Carol Checkout Checkout', 'Dave Smith Payments · coordinator'], JSON.stringify(rows));
  log(`screenshot ${await screenshot('communities-view')}`);
  // A click on the community opens its page.
  await pane.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^Reliability Guild$/ }) }).first().locator('.label-name').click();
  const frame = await pageFrame(page, 'Reliability Guild', 60_000);
  const members = await frame.evaluate(() => Array.from(document.querySelectorAll('details.members tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 3).map((td) => td.textContent?.trim() ?? '')));
  assert.deepStrictEqual(members.filter((m) => m[0] === 'Core'), [['Core', 'Carol Checkout', 'Checkout'], ['Core', 'Dave Smith', 'Payments']], JSON.stringify(members));
  assert.strictEqual(members.length, 5, JSON.stringify(members));
  const leaders = await frame.evaluate(() => Array.from(document.querySelectorAll('#leadership tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 3).map((td) => td.textContent?.trim() ?? '').join(' | ')));
  assert.ok(leaders.includes('day-to-day | Dave Smith | declared'), JSON.stringify(leaders));
  assert.ok(leaders.some((l) => l.endsWith('| inferred')), `inferred roles labelled as such: ${JSON.stringify(leaders)}`);
});

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
