import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeApi, eventually, fixture, fixtureUri } from './support/workbench';

describe('org directory problems', function () {
  this.timeout(60_000);

  it('shows a broken directory.yml at its line and clears it once fixed', async () => {
    await activeApi();
    const info = fixture();
    const file = path.join(info.root, '.constellation', 'directory.yml');
    const uri = vscode.Uri.file(file);
    const original = await fs.readFile(file, 'utf8');
    await vscode.window.showTextDocument(fixtureUri(info, info.expectations[0].file));
    const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Constellation');
    try {
      const broken = original.replace(/^(\s+team: )checkout$/m, '$1no-such-team');
      assert.notStrictEqual(broken, original, 'the fixture has a person in team checkout');
      const line = broken.split('\n').findIndex((l) => l.includes('no-such-team'));
      await fs.writeFile(file, broken);
      const found = await eventually('a diagnostic for the unknown team', async () => {
        const list = ours().filter((d) => /no-such-team/.test(d.message));
        return list.length > 0 ? list : undefined;
      });
      assert.strictEqual(found[0].range.start.line, line, 'at the line of the bad reference');
    } finally {
      await fs.writeFile(file, original);
    }
    await eventually('the diagnostic cleared', async () => (ours().length === 0 ? true : undefined));
  });

  it('reads and reloads a directory at a custom constellation.directory.path', async () => {
    const api = await activeApi();
    void api;
    const info = fixture();
    const original = await fs.readFile(path.join(info.root, '.constellation', 'directory.yml'), 'utf8');
    const custom = path.join(info.root, 'config', 'org.yml');
    await fs.mkdir(path.dirname(custom), { recursive: true });
    await fs.writeFile(custom, original);
    const uri = vscode.Uri.file(custom);
    const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Constellation');
    await vscode.workspace.getConfiguration('constellation.directory').update('path', 'config/org.yml', vscode.ConfigurationTarget.Global);
    try {
      await vscode.window.showTextDocument(fixtureUri(info, info.expectations[0].file));
      await fs.writeFile(custom, original.replace(/^(\s+team: )checkout$/m, '$1moved-team'));
      await eventually('a diagnostic in the custom directory file', async () => (ours().some((d) => /moved-team/.test(d.message)) ? true : undefined));
      await fs.writeFile(custom, original);
      await eventually('the custom file diagnostic cleared', async () => (ours().length === 0 ? true : undefined));
    } finally {
      await vscode.workspace.getConfiguration('constellation.directory').update('path', undefined, vscode.ConfigurationTarget.Global);
      await fs.rm(path.dirname(custom), { recursive: true, force: true });
    }
  });
});
