import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'constellation.constellation';

interface Contributes {
  commands?: Array<{ command: string }>;
  views?: Record<string, Array<{ id: string }>>;
}

function contributes(extension: vscode.Extension<unknown>): Contributes {
  return (extension.packageJSON as { contributes?: Contributes }).contributes ?? {};
}

function declaredCommands(extension: vscode.Extension<unknown>): string[] {
  return (contributes(extension).commands ?? []).map((c) => c.command);
}

/** The workbench registers `<viewId>.focus`, `.open`, `.toggleVisibility`... for every contributed view. */
function isViewCommand(extension: vscode.Extension<unknown>, id: string): boolean {
  const viewIds = Object.values(contributes(extension).views ?? {}).flat().map((v) => v.id);
  return viewIds.some((viewId) => id.startsWith(`${viewId}.`) && !id.slice(viewId.length + 1).includes('.'));
}

describe('extension smoke', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed in the extension host`);
    extension = found;
    await extension.activate();
  });

  it('activates', () => {
    assert.strictEqual(extension.isActive, true);
  });

  it('opens the fixture workspace, trusted', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'exactly one workspace folder');
    assert.strictEqual(vscode.workspace.isTrusted, true);
  });

  it('registers every command it declares', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declaredCommands(extension).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], 'declared in package.json but not registered');
  });

  it('declares every constellation command it registers', async () => {
    const declared = new Set(declaredCommands(extension));
    const undeclared = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('constellation.') && !declared.has(id) && !isViewCommand(extension, id));
    assert.deepStrictEqual(undeclared, [], 'registered but not declared in package.json contributes.commands');
  });
});
