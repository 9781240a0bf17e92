import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../src/extension';
import { DEMO_HOVERED } from '../support/fixtureDemo';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { activeApi, constellationHover, eventually, fixture, fixtureUri, hoverNames, indexReady } from './support/workbench';

describe('the demo organisation in the editor', function () {
  this.timeout(90_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  const nameOf = (email: string): string => info.people.find((p) => p.email === email)?.name ?? email;

  before(async () => {
    info = fixture();
    assert.strictEqual(info.preset, 'demo');
    api = await activeApi();
    await vscode.window.showTextDocument(fixtureUri(info, info.demoExpectations[0].file));
    await indexReady(api, info);
  });

  it('hovers functions written by a colleague of the module owner and shows that colleague first', async () => {
    for (const name of DEMO_HOVERED) {
      const expectation = info.demoExpectations.find((e) => e.functionName === name);
      assert.ok(expectation, name);
      const uri = fixtureUri(info, expectation.file);
      await vscode.window.showTextDocument(uri);
      // Inside the body, as someone reading the function would.
      const text = await eventually(`hover on ${expectation.file}:${expectation.line + 2}`, () => constellationHover(uri, expectation.line + 2));
      const names = hoverNames(text);
      assert.strictEqual(names[0], nameOf(expectation.expectedTopEmails[0]), `${name}: ${names.join(', ')}`);
      assert.match(text, /wrote \d+% of these lines/);
    }
  });
});
