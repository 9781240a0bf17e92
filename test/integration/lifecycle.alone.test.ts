import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeApi, constellationHover, eventually, EXTENSION_ID, fixture, fixtureUri } from './support/workbench';

interface ExtensionModule {
  activate(context: vscode.ExtensionContext): unknown;
}

/** The declared commands that are registered now (VS Code adds its own per-view commands). */
async function registeredOf(declared: string[]): Promise<string[]> {
  const all = new Set(await vscode.commands.getCommands(true));
  return declared.filter((c) => all.has(c)).sort();
}

/** A memento that keeps its values in memory, as a fresh workspace's state would start. */
function memoryMemento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => {
      if (value === undefined) values.delete(key);
      else values.set(key, value);
    },
  } as vscode.Memento;
}

/** Only what activate() reads; each run gets its own storage. */
function freshContext(): vscode.ExtensionContext {
  const storage = vscode.Uri.file(path.join(os.tmpdir(), `constellation-lifecycle-${process.pid}-${Date.now()}`));
  return {
    subscriptions: [],
    globalStorageUri: storage,
    workspaceState: memoryMemento(),
    extensionMode: vscode.ExtensionMode.Production,
    extensionUri: vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri,
  } as unknown as vscode.ExtensionContext;
}

/**
 * Disposes the host's activation, which every other test uses: it runs in the "alone" group, in a
 * host of its own (see index.ts), so its place in the file order does not matter.
 */
describe('activation and deactivation', function () {
  this.timeout(60_000);

  it('deactivates without leaking registrations and activates again', async () => {
    const api = await activeApi();
    const info = fixture();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // The host loaded this very module; requiring it again returns the same instance.
    const module = (await import(path.join(extension.extensionPath, 'dist', 'extension.js'))) as ExtensionModule;
    const declared = (extension.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    assert.deepStrictEqual(await registeredOf(declared), declared);

    assert.strictEqual((module as { deactivate?: unknown }).deactivate, undefined, 'lifecycle is left to the host');
    api.platform.disposeForTests();
    assert.deepStrictEqual(await registeredOf(declared), [], 'every command unregistered');
    const uri = fixtureUri(info, info.expectations[0].file);
    await vscode.window.showTextDocument(uri);
    assert.strictEqual(await constellationHover(uri, info.expectations[0].line), undefined, 'hover provider gone');

    for (let round = 0; round < 2; round++) {
      const context = freshContext();
      assert.strictEqual(module.activate(context), undefined, 'no test API outside test mode');
      assert.deepStrictEqual(await registeredOf(declared), declared, `round ${round}: commands back`);
      await eventually('hover after re-activation', () => constellationHover(uri, info.expectations[0].line), 30_000);
      if (round === 0) {
        for (const d of context.subscriptions.splice(0)) d.dispose();
        assert.deepStrictEqual(await registeredOf(declared), [], 'disposing the subscriptions unregisters everything');
      }
    }
  });
});
