/** Driving the real workbench from e2e specs: open files, hover lines, run palette commands. */
import type { Locator, Page } from 'playwright-core';

const PALETTE_ROW = '.quick-input-widget .quick-input-list .monaco-list-row';

export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench .part.editor').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

/**
 * Opens the quick input and sets its whole value (not keystrokes: right after a webview had focus,
 * the first keys can still go to its frame). A webview taking focus back closes the quick input
 * before the value lands, so this tries again a few times before it gives up.
 */
async function fillQuickInput(page: Page, value: string, attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      const input = page.locator(QUICK_INPUT).first();
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(value, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await page.keyboard.press('Escape');
      // Focus the workbench itself (the status bar takes no action on a click of its empty middle).
      await page.locator('.monaco-workbench .part.statusbar').first().click({ position: { x: 640, y: 10 } }).catch(() => undefined);
      await page.waitForTimeout(500);
    }
  }
}

/** Sets the quick input's value and picks the row showing `rowText`. */
async function pickInQuickInput(page: Page, value: string, rowText: string): Promise<void> {
  await fillQuickInput(page, value);
  const row = page.locator(PALETTE_ROW).filter({ hasText: rowText }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
}

/** Runs a command through the command palette by its full title ("Category: Title"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await pickInQuickInput(page, `>${title}`, title);
}

/** Opens a workspace file through quick open and waits for its editor tab. */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const fileName = relPath.split('/').pop() ?? relPath;
  await pickInQuickInput(page, relPath, fileName); // no '>' prefix: file mode
  await page.locator('.tabs-container .tab.active').filter({ hasText: fileName }).first().waitFor({ timeout: 15_000 });
}

/** The rendered editor line containing `lineText` (the file must be open and the line on screen). */
export function editorLine(page: Page, lineText: string): Locator {
  return page.locator('.editor-instance .monaco-editor .view-lines .view-line').filter({ hasText: lineText.trim() }).first();
}

/** Screen box of the first occurrence of `text` inside a rendered line. */
async function textBox(line: Locator, text: string): Promise<{ x: number; y: number } | undefined> {
  return line.evaluate((element, wanted) => {
    // Browser context: walk the text nodes of the line for the first character of `wanted`.
    const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = (node.textContent ?? '').replace(/\u00a0/g, ' ');
      const index = value.indexOf(wanted);
      if (index >= 0) {
        const range = element.ownerDocument.createRange();
        range.setStart(node, index);
        range.setEnd(node, Math.min(value.length, index + Math.max(1, wanted.length)));
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
    }
    return undefined;
  }, text);
}

export interface HoverOptions {
  /** Text the hover must contain (e.g. from our provider); other hovers are ignored. */
  expect?: string | RegExp;
  /** Word of the line to point at (default: the first non-blank word). */
  word?: string;
  attempts?: number;
}

/** Opens `fileName`, moves the mouse over `lineText` and returns the visible hover widget's text. */
export async function hoverLine(page: Page, fileName: string, lineText: string, options: HoverOptions = {}): Promise<string> {
  await openFile(page, fileName);
  const line = editorLine(page, lineText);
  await line.waitFor({ state: 'visible', timeout: 20_000 });
  const word = options.word ?? lineText.trim().split(/\s+/)[0];
  const hover = page.locator('.monaco-hover:not(.hidden)').filter(options.expect ? { hasText: options.expect } : {}).first();
  for (let attempt = 1; attempt <= (options.attempts ?? 10); attempt++) {
    const point = await textBox(line, word);
    if (!point) throw new Error(`"${word}" not found in the rendered line "${lineText}"`);
    await page.mouse.move(2, 2);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    try {
      await hover.waitFor({ state: 'visible', timeout: 3_000 });
      return (await hover.innerText()).trim();
    } catch {
      // provider not ready yet (extension still activating, index building): point again
    }
  }
  throw new Error(`no hover${options.expect ? ` matching ${String(options.expect)}` : ''} over "${lineText}" in ${fileName}`);
}
