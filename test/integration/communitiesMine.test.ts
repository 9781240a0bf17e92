import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseCommunities } from '../../src/core/communities/parseCommunities';
import type { ConstellationApi } from '../../src/extension';
import { fixtureThreads } from '../support/fixtureCommunities';
import { PEOPLE } from '../support/fixtureOrg';
import { WAREHOUSE } from '../support/fixtureWarehouse';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { activeApi, constellationHover, eventually, fixture, fixtureUri, indexReady } from './support/workbench';

describe('my participation, community roles of experts, and declaring communities', function () {
  this.timeout(120_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  const repositories = (): string[] => [info.root, path.join(info.root, WAREHOUSE.folder)];
  const setEmail = (email: string): void => {
    for (const cwd of repositories()) execFileSync('git', ['config', 'user.email', email], { cwd });
  };

  before(async () => {
    info = fixture();
    api = await activeApi();
    await indexReady(api, info);
    await eventually('the report with the threads', async () => ((await api.communities.refresh())?.communities.find((c) => c.id === 'reliability')?.threads.total === 1 ? true : undefined), 60_000);
  });

  it('shows my participation: levels, declared and inferred roles', async () => {
    const mine = await api.communities.participation();
    assert.ok(mine);
    assert.strictEqual(mine.name, info.you.name);
    assert.deepStrictEqual(mine.communities.map((c) => [c.id, c.level, c.declaredMemberRole]), [['reliability', 'newcomer', undefined], ['api-design', 'newcomer', 'newsletter editor']]);
    assert.deepStrictEqual(mine.communities[0].roles.map((r) => [r.role, r.source]), [['cuttingEdge', 'inferred']]);
  });

  it('follows git user.email: patterns I maintain, threads I answered, and a page to copy as Markdown', async () => {
    setEmail(PEOPLE.dave.email);
    try {
      const mine = await eventually('Dave as me', async () => {
        const m = await api.communities.participation();
        return m?.name === PEOPLE.dave.name ? m : undefined;
      }, 30_000);
      const reliability = mine.communities.find((c) => c.id === 'reliability');
      assert.strictEqual(reliability?.level, 'core');
      assert.strictEqual(reliability?.declaredMemberRole, 'coordinator');
      assert.deepStrictEqual(reliability?.roles.filter((r) => r.role === 'dayToDay').map((r) => r.source), ['declared', 'inferred']);
      assert.deepStrictEqual(mine.patterns.map((p) => p.id), ['retry-with-backoff']);
      assert.deepStrictEqual(mine.answered.map((t) => t.thread.title), [fixtureThreads('test')[0].title]);
      await vscode.commands.executeCommand('constellation.communities.myParticipation');
      const html = await eventually('the page for Dave', async () => (api.communities.page('participation')?.html?.includes(PEOPLE.dave.name) ? api.communities.page('participation')?.html : undefined));
      assert.match(html, /data-action="copyMarkdown"/);
      const markdown = await api.communities.fromPage('participation', { type: 'copyMarkdown' });
      const clipboard = await vscode.env.clipboard.readText();
      assert.strictEqual(clipboard, markdown);
      assert.match(clipboard, /^# Community participation: Dave Smith$/m);
      assert.match(clipboard, /^- \*\*Reliability Guild\*\*: core \(declared member: coordinator\)/m);
      assert.match(clipboard, /^ {2}- day-to-day leadership \(declared\)$/m);
      assert.match(clipboard, /^- Retry with exponential backoff \(`retry-with-backoff`, adopted, reliability\)$/m);
      assert.match(clipboard, /^- Should chargeCard retry declined cards\? \(open\)$/m);
    } finally {
      setEmail(info.you.email);
    }
    // The tests after this one need "you" back, as the registry sees it.
    await eventually('you as me again', async () => ((await api.communities.participation())?.name === info.you.name ? true : undefined), 30_000);
  });

  it('says in the hover and the Experts view which community an expert is core to', async () => {
    const expectation = info.expectations.find((e) => e.file === 'src/payments/gateway.ts')!;
    const uri = fixtureUri(info, expectation.file);
    const editor = await vscode.window.showTextDocument(uri);
    const hover = await eventually('the hover with community roles', async () => {
      const text = await constellationHover(uri, expectation.line);
      return text?.includes('core in') ? text : undefined;
    });
    const daveLine = hover.split('\n').find((l) => l.startsWith(`**${PEOPLE.dave.name}**`));
    assert.match(daveLine ?? '', /· \*core in Reliability Guild\*/, hover);
    const aliceLine = hover.split('\n').find((l) => l.startsWith(`**${PEOPLE.alice.name}**`));
    assert.ok(aliceLine && !aliceLine.includes('core in'), 'Alice is not core anywhere');
    editor.selection = new vscode.Selection(expectation.startLine - 1, 0, expectation.endLine - 1, 0);
    await vscode.commands.executeCommand('constellation.experts.whoKnows');
    const description = await eventually('Dave in the Experts view', async () => {
      const top = await api.experts.viewNodes();
      const nodes = [...top, ...top.filter((n) => n.kind === 'area' || n.kind === 'all').flatMap((n) => api.experts.groupChildren(n))];
      const dave = nodes.find((n) => n.kind === 'expert' && n.expert.email === PEOPLE.dave.email);
      return dave ? api.experts.viewDescription(dave) : undefined;
    });
    assert.match(description, /core in Reliability Guild/);
  });

  it('without a communities.yml, offers to create one from the discovered communities', async () => {
    const file = path.join(info.root, '.constellation', 'communities.yml');
    const original = await fs.readFile(file, 'utf8');
    await fs.rm(file);
    try {
      await eventually('nothing declared', async () => ((await api.communities.refresh())?.communities.length === 0 ? true : undefined), 30_000);
      assert.deepStrictEqual(await api.communities.viewNodes(), [], 'an empty view shows its welcome');
      const created = await vscode.commands.executeCommand<string>('constellation.communities.createConfig');
      assert.strictEqual(created, file);
      const parsed = parseCommunities(await fs.readFile(file, 'utf8'), file);
      assert.deepStrictEqual(parsed.diagnostics, []);
      const proposal = parsed.communities.find((c) => c.members.some((m) => m.email === PEOPLE.sam.email));
      assert.ok(proposal, 'the discovered community is declared');
      assert.strictEqual(proposal.stage, 'potential');
      assert.strictEqual(proposal.relationship, 'unrecognized');
      assert.ok(proposal.codeAreas.some((a) => a.repo === 'warehouse' && a.glob === 'dispatch/**'), JSON.stringify(proposal.codeAreas));
      const declared = await eventually('the new community in the report', async () => {
        const r = await api.communities.refresh();
        return r && r.communities.length > 0 ? r : undefined;
      }, 30_000);
      assert.ok(declared.communities.some((c) => c.id === proposal.id));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await fs.writeFile(file, original);
    }
    await eventually('the fixture communities back', async () => ((await api.communities.refresh())?.communities.map((c) => c.id).join(',') === 'reliability,identity,api-design' ? true : undefined), 30_000);
  });
});
