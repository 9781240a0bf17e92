import * as assert from 'assert';
import { e2eSpec } from './registry';
import { editorLine, openFile, runCommand } from './workbench';

// "Who Knows This Code?" from the palette opens the Constellation sidebar whose Experts view lists
// the experts of the block at the cursor, says which lines it shows, and offers the full list.
e2eSpec('Who Knows This Code? fills the Experts view', async ({ page, fixture, screenshot, log }) => {
  const target = fixture.expectations.find((e) => e.expectedRelationships[0] !== 'your-team') ?? fixture.expectations[0];
  const top = fixture.people.find((p) => p.email === target.expectedTopEmails[0]);
  assert.ok(top, `fixture person ${target.expectedTopEmails[0]}`);
  await openFile(page, target.file);
  const line = editorLine(page, target.lineText);
  await line.waitFor({ state: 'visible', timeout: 20_000 });
  await line.click();
  // The Constellation container sits in the activity bar; opening it shows the Experts view.
  await page.locator('.activitybar .action-item a[aria-label^="Constellation"]').first().click();
  const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Experts' }) }).first();
  await pane.waitFor({ state: 'visible', timeout: 15_000 });
  const row = pane.locator('.monaco-list-row').filter({ hasText: top.name }).first();
  for (let attempt = 1; attempt <= 10; attempt++) {
    await runCommand(page, 'Constellation: Who Knows This Code?');
    try {
      await row.waitFor({ state: 'visible', timeout: 4_000 });
      break;
    } catch {
      log(`attempt ${attempt}: ${top.name} not listed yet`);
    }
  }
  await row.waitFor({ state: 'visible', timeout: 1_000 });
  const rows = (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  log(`Experts view: ${JSON.stringify(rows)}`);
  assert.ok(rows.some((r) => r.startsWith(top.name) && /(your team|other team|other business unit|other company|unknown) · /.test(r)), `${top.name} listed with a relationship badge`);
  assert.ok(rows.some((r) => /^Show all experts \(\d+\)$/.test(r)), '"Show all experts (N)" offered');
  const header = (await pane.locator('.pane-header').first().innerText()).replace(/\s+/g, ' ');
  log(`Experts header: ${JSON.stringify(header)}`);
  assert.match(header, /lines \d+–\d+ of /, 'the view says which lines it shows');
  log(`screenshot ${await screenshot('experts-view')}`);
});
