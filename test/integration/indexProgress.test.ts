import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../src/extension';
import type { IndexProgressReport } from '../../src/vscode/experts/indexController';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { activeApi, fixture, fixtureUri, gitIn, indexReady } from './support/workbench';

describe('Rebuild Expertise Index', function () {
  this.timeout(120_000);
  let info: FixtureInfo;
  let api: ConstellationApi;

  before(async () => {
    info = fixture();
    api = await activeApi();
    await indexReady(api, info);
  });

  it('shows the share of commits read of the total, rising to 100%, then says what it found', async () => {
    await vscode.window.showTextDocument(fixtureUri(info, 'src/pricing/discounts.ts'));
    const total = Number(gitIn(info, ['rev-list', '--count', 'HEAD']).trim());
    assert.ok(total >= 20, `enough commits for several reports: ${total}`);
    const reports: IndexProgressReport[] = [];
    const messages: string[] = [];
    const listeners = [
      api.experts.onDidReportIndexProgress((r) => reports.push(r)),
      api.platform.onDidShowMessage((m) => messages.push(m)),
    ];
    try {
      await vscode.commands.executeCommand('constellation.experts.rebuildIndex');
    } finally {
      for (const l of listeners) l.dispose();
    }
    const here = reports.filter((r) => r.repository === info.root);
    assert.ok(here.length >= 10, `reported along the way, not only at the end: ${here.length} reports`);
    const percents = here.map((r) => r.percent);
    assert.deepStrictEqual(percents, [...percents].sort((a, b) => a - b), 'never goes back');
    assert.strictEqual(percents[percents.length - 1], 100);
    assert.ok(percents[0] < 50, `starts low: ${percents[0]}%`);
    for (const r of here) {
      const m = /^(\d+)% · ([\d,]+) of ([\d,]+) commits read$/.exec(r.message);
      assert.ok(m, r.message);
      assert.strictEqual(Number(m[1]), r.percent);
      assert.strictEqual(Number(m[3].replace(/,/g, '')), total, 'out of all the commits of HEAD');
      assert.strictEqual(Math.floor((Number(m[2].replace(/,/g, '')) / total) * 100), r.percent);
    }
    const done = messages.find((m) => m.startsWith(`Constellation indexed ${path.basename(info.root)}:`));
    assert.ok(done, `a message when done: ${messages.join(' | ')}`);
    const found = /: ([\d,]+) commits, ([\d,]+) files, ([\d,]+) people in [\d.]+ s\.$/.exec(done);
    assert.ok(found, done);
    assert.strictEqual(Number(found[1].replace(/,/g, '')), total);
    assert.ok(Number(found[2]) > 0 && Number(found[3]) > 1, done);
    assert.strictEqual(api.experts.indexState(info.root).state, 'ready');
  });
});
