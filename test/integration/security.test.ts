import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../src/extension';
import { fixturePatternInfo } from '../support/fixturePatterns';
import { activeApi, eventually } from './support/workbench';

const P = fixturePatternInfo();

describe('hostile links and where the GitHub token may go', function () {
  this.timeout(60_000);
  let api: ConstellationApi;
  const refused: string[] = [];

  before(async () => {
    api = await activeApi();
    api.platform.onDidRefuseLink((what) => refused.push(what));
    await eventually('the pattern catalogue', async () => ((await api.patterns.whenLoaded())?.patterns.length ? true : undefined));
  });

  after(async () => {
    const github = vscode.workspace.getConfiguration('constellation.github');
    await github.update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs no forged command link of a pattern page and opens no vscode:// or file:/// address', async () => {
    await vscode.commands.executeCommand('constellation.patterns.open', P.retry.id);
    await eventually('the pattern page', async () => (api.patterns.panel()?.patternId === P.retry.id ? true : undefined));
    const forgedNode = encodeURIComponent(JSON.stringify([{ kind: 'thread', known: { thread: { url: 'vscode://vscode.git/clone?url=x' } } }]));
    const forged = [
      `command:constellation.threads.openOnWeb?${forgedNode}`,
      `command:constellation.threads.discardDraft?${encodeURIComponent(JSON.stringify([{ kind: 'draft', draft: { id: 'd-x' } }]))}`,
      `command:constellation.patterns.newFromSelection?${encodeURIComponent(JSON.stringify([{ title: 'x', id: 'x', community: 'x', folder: '/tmp' }]))}`,
      `command:workbench.action.terminal.new`,
      `command:constellation.patterns.open?${encodeURIComponent(JSON.stringify([{ not: 'an id' }]))}`,
      'vscode://vscode.git/clone?url=https://evil.example/x.git',
      'file:///etc/passwd',
      'http://evil.example/pixel',
    ];
    for (const href of forged) {
      refused.length = 0;
      assert.strictEqual(await api.patterns.clickLink(href), false, href);
      assert.deepStrictEqual(refused.length, 1, `refused and logged: ${href}`);
    }
    assert.strictEqual(api.patterns.panel()?.patternId, P.retry.id, 'the page did not change');
    // The allow-listed navigation still works.
    assert.strictEqual(await api.patterns.clickLink(`command:constellation.patterns.open?${encodeURIComponent(JSON.stringify(['circuit-breaker']))}`), true);
    await eventually('the linked pattern page', async () => (api.patterns.panel()?.patternId === 'circuit-breaker' ? true : undefined));
  });

  it('ignores forged arguments of commands that open addresses, even when run directly', async () => {
    refused.length = 0;
    await vscode.commands.executeCommand('constellation.threads.openOnWeb', { kind: 'thread', known: { thread: { url: 'file:///etc/passwd' } } });
    await vscode.commands.executeCommand('constellation.threads.discardDraft', { kind: 'draft', draft: { id: 'd-x' } });
    assert.deepStrictEqual(refused, [], 'nothing was even tried: the node is not one the extension made');
  });

  it('sends the token only over https to the host that issued it, and a workspace cannot choose the address', async () => {
    const github = vscode.workspace.getConfiguration('constellation.github');
    assert.ok(api.platform.githubEndpoint().ok, 'github.com by default');
    await github.update('apiUrl', 'http://api.github.com', vscode.ConfigurationTarget.Global);
    const plain = api.platform.githubEndpoint();
    assert.ok(!plain.ok && /not https/.test(plain.message), JSON.stringify(plain));
    await github.update('apiUrl', 'https://collector.evil.example/api', vscode.ConfigurationTarget.Global);
    const foreign = api.platform.githubEndpoint();
    assert.ok(!foreign.ok && /not on github\.com/.test(foreign.message), JSON.stringify(foreign));
    await github.update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await assert.rejects(Promise.resolve(github.update('apiUrl', 'https://api.github.com', vscode.ConfigurationTarget.Workspace)), 'a workspace cannot set the API address');
    await assert.rejects(Promise.resolve(github.update('enterpriseUri', 'https://ghe.evil.example', vscode.ConfigurationTarget.Workspace)));
  });
});
