import * as assert from 'assert';
import { fixtureThreads } from '../support/fixtureCommunities';
import { e2eSpec } from './registry';
import { openFile } from './workbench';

// A design thread already in the fixture's files venue shows up as a comment thread on its code.
e2eSpec('design thread shows next to its code', async ({ page, fixture, screenshot, log }) => {
  const thread = fixtureThreads(fixture.preset)[0];
  await openFile(page, thread.file);
  // The gutter glyph of a comment thread: `comment-thread`, or `comment-thread-unresolved` once it has a state.
  const glyph = page.locator('.monaco-editor .margin-view-overlays .comment-range-glyph[class*="comment-thread"]').first();
  try {
    await glyph.waitFor({ state: 'attached', timeout: 45_000 });
  } catch (error) {
    log(`no glyph; screenshot ${await screenshot('thread-missing')}`);
    throw error;
  }
  log(`comment glyph shown in ${thread.file}`);
  await glyph.click({ force: true });
  const widget = page.locator('.review-widget').filter({ hasText: thread.title }).first();
  await widget.waitFor({ state: 'visible', timeout: 20_000 });
  const text = (await widget.innerText()).replace(/\s+/g, ' ');
  log(`thread widget: ${text.slice(0, 200)}`);
  assert.ok(text.includes('Reliability Guild'), 'the widget names the community');
  assert.ok(text.includes('deliberate'), 'the reply is shown');
  log(`screenshot ${await screenshot('thread')}`);
});
