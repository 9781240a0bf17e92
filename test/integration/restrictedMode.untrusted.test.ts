import * as assert from 'assert';
import * as vscode from 'vscode';

// Runs only in the "untrusted" group (see index.ts): the fixture opened in restricted mode.
describe('restricted mode (untrusted workspace)', function () {
  before(function () {
    if (process.env.CONSTELLATION_TEST_GROUP !== 'untrusted') this.skip();
  });

  it('opens the workspace untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
  });

  it('still activates the extension (it declares limited support)', async () => {
    const extension = vscode.extensions.getExtension('constellation.constellation');
    assert.ok(extension, 'extension present');
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });
});
