import * as assert from 'assert';
import { RELATIONSHIP_LABELS } from '../../src/core/directory/types';
import { e2eSpec } from './registry';
import { hoverLine } from './workbench';

// Hovering a function's header shows its experts; the fixture fixes who the top expert is.
e2eSpec('hover shows the experts of a function', async ({ page, fixture, screenshot, log }) => {
  for (const target of fixture.expectations.slice(0, 3)) {
    const top = fixture.people.find((p) => p.email === target.expectedTopEmails[0]);
    assert.ok(top, `fixture person ${target.expectedTopEmails[0]}`);
    const text = await hoverLine(page, target.file, target.lineText, { expect: top.name, word: target.functionName, attempts: 15 });
    log(`${target.file}:${target.line} -> ${JSON.stringify(text.split('\n').slice(0, 4).join(' | '))}`);
    assert.ok(text.includes(top.name), `hover over ${target.functionName} names ${top.name}`);
    const badge = RELATIONSHIP_LABELS[target.expectedRelationships[0]];
    assert.ok(text.includes(badge), `hover shows the "${badge}" badge of ${top.name}`);
    if (target === fixture.expectations[0]) log(`screenshot ${await screenshot('hover')}`);
    await page.keyboard.press('Escape');
  }
});
