import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../src/extension';
import { loadMultiRootFixture, ORG_PEOPLE, type FixtureSpot, type MultiRootFixture } from '../support/fixtureMultiRoot';
import { activeApi, constellationHover, eventually, hoverNames } from './support/workbench';

function spotUri(spot: FixtureSpot): vscode.Uri {
  return vscode.Uri.file(path.join(spot.folder, spot.file));
}

describe('a multi-root workspace: every repository takes part', function () {
  this.timeout(120_000);
  let f: MultiRootFixture;
  let api: ConstellationApi;

  before(async () => {
    f = loadMultiRootFixture();
    api = await activeApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the .code-workspace with both folders and finds the clone nested in the web folder, each by its remote name', async () => {
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((w) => w.uri.fsPath), [f.web, f.http]);
    assert.deepStrictEqual((await api.platform.discoverRepositories()).sort(), [f.codegen, f.http, f.web].sort());
    const named = (await api.org.repositories()).map((r) => [path.relative(path.dirname(f.workspaceFile), r.root), r.name]).sort();
    assert.deepStrictEqual(named, [['http', 'acme/http'], ['web', 'acme/web'], [path.join('web', 'tools', 'codegen'), 'acme/codegen']].sort());
  });

  it('indexes every repository, the nested one too, without any of its files being opened', async () => {
    for (const root of [f.web, f.http, f.codegen]) {
      await eventually(`the history index of ${root}`, async () => (api.experts.indexState(root).state === 'ready' ? true : undefined), 90_000);
    }
  });

  it('shows each repository\'s own experts in the hover and the Experts view, the nested clone included', async () => {
    const httpHover = await eventually('the hover in http', async () => constellationHover(spotUri(f.spots.http), f.spots.http.line));
    assert.deepStrictEqual(hoverNames(httpHover), [ORG_PEOPLE.priya.name]);
    const codegenHover = await eventually('the hover in the nested clone', async () => constellationHover(spotUri(f.spots.codegen), f.spots.codegen.line));
    assert.deepStrictEqual(hoverNames(codegenHover), [ORG_PEOPLE.omar.name]);
    const editor = await vscode.window.showTextDocument(spotUri(f.spots.codegen));
    editor.selection = new vscode.Selection(f.spots.codegen.line - 1, 0, f.spots.codegen.line, 0);
    const experts = await eventually('the Experts view of the nested clone', async () => {
      const nodes = await api.experts.viewNodes();
      const people = nodes.flatMap((n) => (n.kind === 'expert' ? [n.expert.email] : []));
      return people.length > 0 ? people : undefined;
    });
    assert.deepStrictEqual(experts, [ORG_PEOPLE.omar.email]);
  });

  it('loads the patterns of the nested clone next to those of the workspace folders', async () => {
    const catalogue = await eventually('the pattern catalogue', async () => {
      const loaded = await api.patterns.whenLoaded();
      return loaded?.byId(f.codegenPattern) ? loaded : undefined;
    });
    const pattern = catalogue.byId(f.codegenPattern);
    assert.ok(pattern && pattern.file.startsWith(f.codegen), pattern?.file);
  });

  it('places the second folder\'s thread on its code, and links a new thread to that repository', async () => {
    await api.threads.refresh();
    const shown = await eventually('the http thread in the editor', async () => api.threads.commentThreads().find((t) => t.title === f.httpThread.title));
    assert.strictEqual(shown.uri, vscode.Uri.file(path.join(f.http, 'src/client.ts')).toString());
    const started = await vscode.commands.executeCommand<{ body: string; community: string }>('constellation.threads.start', {
      uri: spotUri(f.spots.http).toString(), startLine: f.spots.http.line, endLine: f.spots.http.line + 1,
      community: f.httpThread.community, title: 'Timeouts in request()', question: 'Which timeout should request() use?',
    });
    assert.ok(started, 'a draft opened');
    assert.strictEqual(started.community, f.httpThread.community);
    assert.match(started.body, new RegExp(`https://github\\.com/acme/http/blob/[0-9a-f]{40}/src/client\\.ts#L${f.spots.http.line}-L${f.spots.http.line + 1}`), 'the permalink is to the http repository');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
