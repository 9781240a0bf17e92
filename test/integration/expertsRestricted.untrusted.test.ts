import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, constellationHover, fixture, fixtureUri } from './support/workbench';

// Runs only in the "untrusted" group: Constellation must not run git in restricted mode.
describe('experts in an untrusted workspace', function () {
  this.timeout(60_000);

  before(function () {
    if (process.env.CONSTELLATION_TEST_GROUP !== 'untrusted') this.skip();
  });

  it('shows no experts, runs no git, and explains why', async () => {
    const api = await activeApi();
    const info = fixture();
    const expectation = info.expectations[0];
    const uri = fixtureUri(info, expectation.file);
    await vscode.window.showTextDocument(uri);
    assert.strictEqual(await constellationHover(uri, expectation.line), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('constellation.experts.whoKnows'), undefined);
    await vscode.commands.executeCommand('constellation.experts.rebuildIndex');
    assert.deepStrictEqual(await api.experts.viewNodes(), []);
    assert.deepStrictEqual(api.experts.indexState(info.root), { state: 'idle', lastUpdate: undefined }, 'the history was never read');
    const welcome = (vscode.extensions.getExtension('constellation.constellation')!.packageJSON.contributes.viewsWelcome as Array<{ when: string; contents: string }>)
      .find((w) => w.when === '!isWorkspaceTrusted');
    assert.match(welcome!.contents, /does not run git in an untrusted workspace/);
  });
});
