import * as assert from 'assert';
import { e2eSpec } from './registry';
import { editorLine, openFile } from './workbench';

e2eSpec('opens a fixture file in the editor', async ({ page, fixture, screenshot, log }) => {
  const target = fixture.expectations[0];
  await openFile(page, target.file);
  const line = editorLine(page, target.lineText);
  await line.waitFor({ state: 'visible', timeout: 20_000 });
  assert.ok((await line.innerText()).includes(target.functionName));
  log(`screenshot ${await screenshot('open-file')}`);
});
