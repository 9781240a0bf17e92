import * as assert from 'assert';
import * as vscode from 'vscode';
import { RELATIONSHIP_LABELS, type Relationship } from '../../src/core/directory/types';
import { CROSS_TEAM_ORDER } from '../../src/core/experts/display';
import type { ExpertRanking } from '../../src/core/experts/types';
import type { ConstellationApi } from '../../src/extension';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { activeApi, constellationHover, eventually, fixture, fixtureUri, gitIn, hoverBadges, hoverNames, indexReady } from './support/workbench';

describe('experts in the editor', function () {
  this.timeout(90_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  const nameOf = (email: string): string => info.people.find((p) => p.email === email)?.name ?? email;

  before(async () => {
    info = fixture();
    api = await activeApi();
    await vscode.window.showTextDocument(fixtureUri(info, info.expectations[0].file));
    await indexReady(api, info);
  });

  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('constellation.experts');
    await config.update('hoverCount', undefined, vscode.ConfigurationTarget.Global);
    await config.update('enableHover', undefined, vscode.ConfigurationTarget.Global);
    await config.update('crossTeamFirst', undefined, vscode.ConfigurationTarget.Global);
  });

  it('hovers each chosen function with its experts, cross-team first, with relationship badges', async () => {
    for (const expectation of info.expectations) {
      const uri = fixtureUri(info, expectation.file);
      await vscode.window.showTextDocument(uri);
      const text = await eventually(`hover on ${expectation.file}:${expectation.line}`, () => constellationHover(uri, expectation.line));
      const names = hoverNames(text);
      assert.ok(names.length >= 1 && names.length <= 3, `1..3 experts shown, got ${names.join(', ')}`);
      assert.ok(names.includes(nameOf(expectation.expectedTopEmails[0])), `${expectation.functionName}: top expert ${expectation.expectedTopEmails[0]} shown in ${names.join(', ')}`);
      const badges = hoverBadges(text);
      const top = names.indexOf(nameOf(expectation.expectedTopEmails[0]));
      assert.strictEqual(badges[top], RELATIONSHIP_LABELS[expectation.expectedRelationships[0]]);
      // Cross-team first only reorders comparable evidence: whoever is shown above the top expert is from farther away.
      const ranks = badges.map((badge) => CROSS_TEAM_ORDER.findIndex((r) => RELATIONSHIP_LABELS[r] === badge));
      for (let i = 0; i < top; i++) assert.ok(ranks[i] < ranks[top], `${names[i]} (${badges[i]}) above the top expert (${badges[top]})`);
      assert.match(text, /wrote \d+% of these lines/);
      assert.match(text, /command:constellation\.experts\.askInThread\?/);
      assert.match(text, /command:constellation\.experts\.copyEmail\?/);
      assert.match(text, /Show all experts/);
      assert.match(text, /Owned by [^\n]+ \(CODEOWNERS\)/, 'CODEOWNERS owners named');
    }
  });

  it('shows exactly the top experts by score when the hover has room for fewer', async () => {
    await vscode.workspace.getConfiguration('constellation.experts').update('hoverCount', 1, vscode.ConfigurationTarget.Global);
    for (const expectation of info.expectations) {
      const uri = fixtureUri(info, expectation.file);
      await vscode.window.showTextDocument(uri);
      const text = await eventually(`single-expert hover on ${expectation.file}`, async () => {
        const hover = await constellationHover(uri, expectation.line);
        return hover && hoverNames(hover).length === 1 ? hover : undefined;
      });
      assert.deepStrictEqual(hoverNames(text), [nameOf(expectation.expectedTopEmails[0])], expectation.functionName);
      assert.deepStrictEqual(hoverBadges(text), [RELATIONSHIP_LABELS[expectation.expectedRelationships[0]]]);
    }
  });

  it('ranks the whole function in the expected order (Who Knows This Code? on a selection)', async () => {
    for (const expectation of info.expectations) {
      const editor = await vscode.window.showTextDocument(fixtureUri(info, expectation.file));
      editor.selection = new vscode.Selection(expectation.startLine - 1, 0, expectation.endLine - 1, 0);
      const ranking = await vscode.commands.executeCommand<ExpertRanking>('constellation.experts.whoKnows');
      assert.ok(ranking, 'the command returns the ranking');
      const emails = ranking.experts.map((e) => e.email).slice(0, expectation.expectedTopEmails.length);
      assert.deepStrictEqual(emails, expectation.expectedTopEmails, `${expectation.functionName} order`);
      const relationships = ranking.experts.slice(0, expectation.expectedRelationships.length).map((e) => e.relationship);
      assert.deepStrictEqual(relationships, expectation.expectedRelationships);
      for (const bot of info.botEmails) assert.ok(!ranking.experts.some((e) => e.email === bot), 'bots are left out');
    }
  });

  it('fills the Experts view for the selection, grouped by relationship', async () => {
    const expectation = info.expectations[0];
    const editor = await vscode.window.showTextDocument(fixtureUri(info, expectation.file));
    editor.selection = new vscode.Selection(expectation.startLine - 1, 0, expectation.endLine - 1, 0);
    await vscode.commands.executeCommand('constellation.experts.whoKnows');
    const groups = await eventually('view groups', async () => {
      const nodes = await api.experts.viewNodes();
      const found = nodes.filter((n) => n.kind === 'group');
      return found.length > 0 ? found : undefined;
    });
    const relationships = groups.map((g) => (g.kind === 'group' ? g.relationship : undefined)) as Relationship[];
    assert.deepStrictEqual(relationships, CROSS_TEAM_ORDER.filter((r) => relationships.includes(r)), 'groups in cross-team order');
    const viewEmails = groups.flatMap((g) => api.experts.groupChildren(g)).map((n) => (n.kind === 'expert' ? n.expert.email : ''));
    for (const email of expectation.expectedTopEmails) assert.ok(viewEmails.includes(email), `${email} listed in the view`);
    const topGroup = groups.find((g) => g.kind === 'group' && g.experts.some((e) => e.email === expectation.expectedTopEmails[0]));
    assert.ok(topGroup && topGroup.kind === 'group' && topGroup.relationship === expectation.expectedRelationships[0]);
  });

  it('applies settings without a reload', async () => {
    const expectation = info.expectations[0];
    const uri = fixtureUri(info, expectation.file);
    const config = vscode.workspace.getConfiguration('constellation.experts');
    await config.update('hoverCount', 1, vscode.ConfigurationTarget.Global);
    const one = await eventually('hover with one expert', async () => {
      const text = await constellationHover(uri, expectation.line);
      return text && hoverNames(text).length === 1 ? text : undefined;
    });
    assert.strictEqual(hoverNames(one).length, 1);
    await config.update('enableHover', false, vscode.ConfigurationTarget.Global);
    assert.strictEqual(await constellationHover(uri, expectation.line), undefined, 'hover off');
    await config.update('enableHover', true, vscode.ConfigurationTarget.Global);
    assert.ok(await constellationHover(uri, expectation.line), 'hover back on');
  });

  it('follows the unsaved buffer: rewritten lines no longer count for their old authors', async () => {
    const expectation = info.expectations[0];
    const uri = fixtureUri(info, expectation.file);
    const editor = await vscode.window.showTextDocument(uri);
    const share = (text: string): number => Number(/wrote (\d+)% of these lines/.exec(text)?.[1] ?? 0);
    const before = await eventually('hover before editing', () => constellationHover(uri, expectation.line));
    const blockStart = expectation.line; // the header line stays; the body below is replaced
    const bodyRange = new vscode.Range(blockStart, 0, expectation.endLine - 1, 0);
    const original = editor.document.getText(bodyRange);
    const rewritten = original.split('\n').map((l) => (l.trim() && !/^\s*[}\])]/.test(l) ? `${l} // rewritten` : l)).join('\n');
    await editor.edit((b) => b.replace(bodyRange, rewritten));
    assert.ok(editor.document.isDirty);
    try {
      const after = await eventually('hover after editing', async () => {
        const text = await constellationHover(uri, expectation.line);
        return text && text !== before ? text : undefined;
      });
      assert.ok(share(after) < share(before), `top share fell: ${share(before)}% → ${share(after)}%`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(!editor.document.isDirty);
  });

  it('updates the index incrementally after a new commit', async () => {
    const newcomer = info.people.find((p) => p.relationship === 'other-company')!;
    const relPath = 'src/newcomer/fresh.ts';
    const uri = fixtureUri(info, relPath);
    await vscode.workspace.fs.writeFile(uri, Buffer.from('export function fresh(): number {\n  return 42;\n}\n'));
    gitIn(info, ['add', relPath]);
    const env = { GIT_AUTHOR_NAME: newcomer.name, GIT_AUTHOR_EMAIL: newcomer.email, GIT_COMMITTER_NAME: newcomer.name, GIT_COMMITTER_EMAIL: newcomer.email };
    gitIn(info, ['commit', '-q', '-m', 'a fresh module'], env);
    await vscode.window.showTextDocument(uri);
    const text = await eventually('hover on the new file', async () => {
      const hover = await constellationHover(uri, 1);
      return hover && hoverNames(hover).includes(newcomer.name) ? hover : undefined;
    }, 30_000);
    assert.ok(hoverBadges(text).includes(RELATIONSHIP_LABELS['other-company']));
    await eventually('incremental update recorded', async () => (api.experts.indexState(info.root).lastUpdate === 'incremental' ? true : undefined));
  });
});
