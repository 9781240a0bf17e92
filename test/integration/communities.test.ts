import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CommunityReport } from '../../src/core/communities/reportTypes';
import type { ConstellationApi } from '../../src/extension';
import type { CommunitiesNode } from '../../src/vscode/communities/viewModel';
import { fixtureThreads } from '../support/fixtureCommunities';
import { PEOPLE } from '../support/fixtureOrg';
import { WAREHOUSE } from '../support/fixtureWarehouse';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { activeApi, eventually, fixture, fixtureUri, indexReady } from './support/workbench';

const THREAD = fixtureThreads('test')[0];

describe('communities in the editor', function () {
  this.timeout(120_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  let report: CommunityReport;

  const children = (node: CommunitiesNode) => api.communities.viewChildren(node);
  const pageHtml = (kind: 'community' | 'map' | 'participation'): string => {
    const html = api.communities.page(kind)?.html;
    assert.ok(html, `the ${kind} page is open`);
    return html;
  };

  before(async () => {
    info = fixture();
    api = await activeApi();
    await vscode.window.showTextDocument(fixtureUri(info, 'src/payments/gateway.ts'));
    await indexReady(api, info);
    // The first report may predate the threads' first listing: it follows once they are listed.
    report = await eventually('a report with the reliability thread', async () => {
      const r = await api.communities.refresh();
      return r?.communities.find((c) => c.id === 'reliability')?.threads.total === 1 ? r : undefined;
    }, 60_000);
  });

  it('computes one report over every repository of the workspace, the nested one included', () => {
    assert.deepStrictEqual(report.repositories.map((r) => r.name).sort(), ['acme/shop', WAREHOUSE.name]);
    assert.deepStrictEqual(report.communities.map((c) => c.id), ['reliability', 'identity', 'api-design']);
    const gap = report.coordinationGaps.find((g) => g.repository === WAREHOUSE.name);
    assert.ok(gap, 'the planted coordination gap');
    assert.deepStrictEqual(gap.sides.map((s) => s.path), [WAREHOUSE.gap.a, WAREHOUSE.gap.b]);
    assert.deepStrictEqual(gap.sides.map((s) => s.people), [[PEOPLE.sam.email], [PEOPLE.dave.email]]);
    const proposal = report.proposals.find((p) => p.people.includes(PEOPLE.sam.email));
    assert.deepStrictEqual(proposal?.people, WAREHOUSE.potential.people);
  });

  it('shows the current file’s communities on top, each community’s members by level and team, its patterns, threads and health', async () => {
    await vscode.window.showTextDocument(fixtureUri(info, 'src/payments/gateway.ts'));
    const roots = await eventually('the file group', async () => {
      const nodes = await api.communities.viewNodes();
      return nodes[0]?.kind === 'fileGroup' ? nodes : undefined;
    });
    assert.deepStrictEqual((await children(roots[0])).map(labelOf), ['Reliability Guild']);
    assert.deepStrictEqual(roots.slice(1).map(labelOf), ['Reliability Guild', 'Identity & Access', 'API Design', 'Potential communities (1)']);
    const sections = await children(roots[1]);
    assert.deepStrictEqual(sections.map(labelOf), ['Members (5)', 'Patterns (3)', 'Open threads (1)', 'Health']);
    const levels = await children(sections[0]);
    assert.deepStrictEqual(levels.map(labelOf), ['Core (2)', 'Peripheral (1)', 'Newcomers (2)']);
    const core = await children(levels[0]);
    assert.deepStrictEqual(core.map((n) => (n.kind === 'member' ? [n.name, n.team, n.member.declaredRole] : [])), [['Carol Checkout', 'Checkout', undefined], ['Dave Smith', 'Payments', 'coordinator']]);
    assert.deepStrictEqual((await children(sections[1])).map(labelOf).sort(), ['Circuit breaker around remote calls', 'Idempotency keys for unsafe requests', 'Retry with exponential backoff']);
    assert.deepStrictEqual((await children(sections[2])).map(labelOf), [THREAD.title]);
    const health = (await children(sections[3])).map(labelOf);
    assert.ok(health.includes('Truck factor 1'), health.join(', '));
    assert.ok(health.some((h) => /^Knowledge islands: 3$/.test(h)), health.join(', '));
    assert.ok(health.some((h) => /^Insularity \d+%$/.test(h)), health.join(', '));
    const potential = await children(roots[roots.length - 1]);
    const people = (await children(potential[0])).map(labelOf);
    assert.deepStrictEqual(people.slice(0, 3), ['Alice Pricing', 'Bob Identity', 'Sam Supplier']);

    await vscode.window.showTextDocument(fixtureUri(info, 'src/auth/session.ts'));
    const other = await eventually('the file group of session.ts', async () => {
      const nodes = await api.communities.viewNodes();
      return nodes[0]?.kind === 'fileGroup' && nodes[0].communities[0] === 'identity' ? nodes[0] : undefined;
    });
    assert.deepStrictEqual((await children(other)).map(labelOf), ['Identity & Access']);
  });

  it('opens the community page: CSP with a nonce and no remote source, every chart with a text alternative', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('constellation.communities.openPage', 'reliability'), true);
    await eventually('a webview tab titled Reliability Guild', async () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Reliability Guild'),
    );
    const html = pageHtml('community');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none';/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce in ${csp}`);
    assert.ok(!/unsafe-inline|unsafe-eval|http:|\s\*(?:\s|;|$)/.test(csp), csp);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    assert.ok(scripts.length > 0 && scripts.every((a) => a.includes(`nonce="${nonce}"`)), 'every script carries the nonce');
    // Every asset is a file of the extension (served by the webview), none from elsewhere.
    const extensionPath = vscode.extensions.getExtension('constellation.constellation')!.extensionUri.path;
    const assets = [...html.matchAll(/\s(?:src|href)="([^"#][^"]*)"/g)].map((m) => decodeURIComponent(m[1]));
    assert.ok(assets.length >= 3, assets.join(', '));
    for (const asset of assets) assert.ok(asset.includes(`${extensionPath}/dist/`) || asset.includes(`${extensionPath}/media/`), `${asset} is an extension file`);
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handler');
    const figures = [...html.matchAll(/<figure class="chart" id="([^"]+)">([\s\S]*?)<\/figure>/g)];
    assert.deepStrictEqual(figures.map((f) => f[1]), ['chart-rings', 'chart-participation', 'chart-matrix', 'chart-knowledge']);
    for (const [, id, body] of figures) {
      assert.match(body, /<svg [^>]*role="img" aria-labelledby="[^"]+"/, `${id} is an image with a label`);
      const alt = /<summary>Text alternative<\/summary><pre>([^<]+)<\/pre>/.exec(body)?.[1] ?? '';
      assert.ok(alt.trim().length > 20, `${id} has a text alternative: ${alt}`);
    }
    assert.match(html, /core: [^\n<]*Dave Smith \(Payments\)/, 'the rings’ text alternative names the core');
    assert.match(html, /<section id="join"/);
  });

  it('opens a file from the page’s knowledge islands, in either repository, and ignores a malformed message', async () => {
    await vscode.commands.executeCommand('constellation.communities.openPage', 'reliability');
    const files = api.communities.page('community')?.targets?.files ?? [];
    for (const [repository, file, where] of [['acme/shop', 'src/http/retryingClient.ts', ''], [WAREHOUSE.name, WAREHOUSE.gap.b, WAREHOUSE.folder]]) {
      const index = files.findIndex((f) => f.repository === repository && f.path === file);
      assert.ok(index >= 0, `${file} is linked from the page: ${files.map((f) => f.path).join(', ')}`);
      assert.strictEqual(await api.communities.fromPage('community', { type: 'openFile', index }), true);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(info.root, where, file));
    }
    const before = vscode.window.activeTextEditor?.document.uri.fsPath;
    for (const bad of [{ type: 'openFile', index: -1 }, { type: 'openFile', index: '0' }, { type: 'openFile', index: files.length }, { type: 'openFile', path: '../../etc/passwd' }, { type: 'openCommunity', id: '../x' }]) {
      assert.strictEqual(await api.communities.fromPage('community', bad), undefined, JSON.stringify(bad));
    }
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, before);
  });

  it('starts a design thread on a coordination gap with both sides suggested', async () => {
    await vscode.commands.executeCommand('constellation.communities.openPage', 'reliability');
    const gaps = api.communities.page('community')?.targets?.gaps ?? [];
    const index = gaps.findIndex((g) => g.sides[0].path === WAREHOUSE.gap.a);
    assert.ok(index >= 0, 'the gap is on the page');
    const started = (await api.communities.fromPage('community', { type: 'startGapThread', index })) as { community: string; body: string; draftUri: string } | undefined;
    assert.ok(started, 'the threads feature opened a draft');
    try {
      assert.strictEqual(started.community, WAREHOUSE.gap.community);
      assert.match(started.body, /@dsmith/, 'Dave is suggested by his login');
      assert.match(started.body, /Sam Supplier/, 'Sam is suggested');
      assert.match(started.body, /`dispatch\/labels\.ts` and `inventory\/stock\.ts` changed together in 3 commits/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('shows the constellation map with potential and unrecognized communities dashed', async () => {
    await vscode.commands.executeCommand('constellation.communities.showMap');
    const html = pageHtml('map');
    const circles = [...html.matchAll(/<circle class="(cst-[a-z]+)"[^>]*><title>([^<]+)<\/title>/g)].map((m) => [m[1], m[2].split(':')[0]]);
    assert.deepStrictEqual(circles, [
      ['cst-community', 'Reliability Guild'],
      ['cst-potential', 'Identity &amp; Access (not recognised by the organisation)'],
      ['cst-community', 'API Design'],
      ['cst-potential', 'Potential'],
    ]);
    assert.match(html, /Identity &amp; Access \(unrecognized\)/, 'the text alternative says so too');
    assert.strictEqual(await api.communities.fromPage('map', { type: 'openCommunity', id: 'api-design' }), true);
    assert.strictEqual(api.communities.page('community')?.title, 'API Design');
  });

  it('lists how to join: adopted patterns, core members of other teams, open threads, code areas', async () => {
    const join = await api.communities.join('reliability');
    assert.ok(join);
    assert.deepStrictEqual(join.patterns.map((p) => p.id), ['idempotency-keys', 'retry-with-backoff'], 'adopted only, by title');
    assert.deepStrictEqual(join.people.map((p) => [p.name, p.team]), [['Dave Smith', 'Payments']], 'Carol is in your team: no need to meet her through the community');
    assert.match(join.people[0].why, /day-to-day/);
    assert.deepStrictEqual(join.threads.map((t) => t.thread.title), [THREAD.title]);
    assert.deepStrictEqual(join.areas.map((a) => (a.repository ? `${a.repository}:${a.glob}` : a.glob)), ['src/payments/**', 'src/http/**', 'src/shipping/**', 'warehouse:inventory/**']);
    assert.strictEqual(join.myLevel, 'newcomer');
    assert.strictEqual(await vscode.commands.executeCommand('constellation.communities.join', 'reliability'), true);
    assert.match(pageHtml('community'), /<body data-focus="join">|<section id="join"/);
    const threads = api.communities.page('community')?.targets?.threads ?? [];
    assert.deepStrictEqual(threads.map((t) => t.thread.title), [THREAD.title]);
    // A files-venue thread opens at its code.
    await api.communities.fromPage('community', { type: 'openThread', index: 0 });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(info.root, THREAD.file));
  });

  it('serves the cached report until a HEAD moves, then recomputes; a run can be cancelled', async () => {
    const computed = api.communities.computations();
    await api.communities.refresh();
    assert.strictEqual(api.communities.computations(), computed, 'same HEADs, config and window: no new computation');
    const cancelled = api.communities.refresh(true);
    api.communities.cancel();
    await cancelled;
    assert.strictEqual(api.communities.computations(), computed, 'the cancelled run computed nothing');
    assert.strictEqual(api.communities.state().kind, 'ready', 'the previous report is kept');
    const warehouse = path.join(info.root, WAREHOUSE.folder);
    const git = (args: string[]): string => execFileSync('git', args, { cwd: warehouse, encoding: 'utf8' });
    git(['-c', 'user.name=T', '-c', 'user.email=t@example.test', 'commit', '-q', '--allow-empty', '-m', 'an empty commit']);
    const head = git(['rev-parse', 'HEAD']).trim();
    const after = await eventually('a report at the new HEAD', async () => {
      const r = await api.communities.refresh();
      return r?.repositories.find((x) => x.name === WAREHOUSE.name)?.head === head ? r : undefined;
    }, 60_000);
    assert.ok(api.communities.computations() > computed);
    assert.deepStrictEqual(after.communities.map((c) => c.id), report.communities.map((c) => c.id));
  });
});

function labelOf(node: CommunitiesNode): string {
  switch (node.kind) {
    case 'community':
      return node.name;
    case 'fileGroup':
      return `This file: ${node.file}`;
    case 'potentialGroup':
      return `Potential communities (${node.proposals.length})`;
    case 'section':
    case 'level':
      return node.label;
    case 'member':
      return node.name;
    case 'pattern':
      return node.title;
    case 'thread':
      return node.thread.thread.title;
    case 'fact':
    case 'message':
      return 'label' in node ? node.label : node.text;
    case 'proposal':
      return node.proposal.name;
  }
}
