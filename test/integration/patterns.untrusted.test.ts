import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixturePatternInfo } from '../support/fixturePatterns';
import { activeApi, eventually, fixture, fixtureUri } from './support/workbench';

const P = fixturePatternInfo();

describe('pattern library in restricted mode', function () {
  this.timeout(60_000);

  it('still loads folder libraries and checks markers, but runs no git for experts', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const info = fixture();
    const api = await activeApi();
    const catalogue = await eventually('the catalogue', async () => ((await api.patterns.whenLoaded())?.patterns.length ? api.patterns.catalogue() : undefined));
    assert.deepStrictEqual(catalogue.patterns.map((p) => p.id).sort(), [...P.patternIds].sort());
    const uri = fixtureUri(info, P.unknownMarker.file);
    await vscode.window.showTextDocument(uri);
    await eventually('unknown marker warning', async () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Constellation' && d.range.start.line === P.unknownMarker.line - 1),
    );
    await vscode.commands.executeCommand('constellation.patterns.open', P.retry.id);
    const model = await eventually('the page with usages', async () => (api.patterns.panel()?.model?.usages ? api.patterns.panel()?.model : undefined));
    assert.strictEqual(model.usages?.length, 3);
    assert.strictEqual(model.experts, undefined, 'no experts without trust');
    assert.match(model.expertsNote ?? '', /Trust this workspace/);
    // Maintainers come from the directory file: reading YAML needs no trust.
    assert.strictEqual(model.maintainers[0].label, 'Dave Smith');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
