import * as assert from 'assert';
import { resolveMe } from '../../../src/vscode/communities/communityModel';
import { communityPage } from '../../../src/vscode/communities/pages/communityPage';
import { contentSecurityPolicy, pageDocument } from '../../../src/vscode/communities/pages/html';
import { mapPage } from '../../../src/vscode/communities/pages/mapPage';
import { participationPage } from '../../../src/vscode/communities/pages/participationPage';
import { participationModel } from '../../../src/vscode/communities/participationModel';
import { childNodes, rootNodes } from '../../../src/vscode/communities/viewModel';
import type { CommunitySnapshot } from '../../../src/vscode/communities/snapshot';
import { P } from '../communities/plantedHistory';
import { plantedSnapshot, type PlantedSnapshot } from './plantedSnapshot';

describe('community pages and view nodes', function () {
  this.timeout(60_000);
  let planted: PlantedSnapshot;
  let snapshot: CommunitySnapshot;

  before(async () => {
    planted = await plantedSnapshot();
    snapshot = planted.snapshot;
  });

  after(() => planted?.planted.repo.dispose());

  it('draws every chart of the community page with a text alternative, and links its files by index', () => {
    const page = communityPage(snapshot, 'billing', resolveMe(snapshot, [P.gus.email]));
    assert.ok(page);
    const figures = [...page.body.matchAll(/<figure class="chart" id="([^"]+)">([\s\S]*?)<\/figure>/g)];
    assert.deepStrictEqual(figures.map((f) => f[1]), ['chart-rings', 'chart-participation', 'chart-matrix', 'chart-knowledge']);
    for (const [, id, body] of figures) assert.match(body, /<details class="alt"><summary>Text alternative<\/summary><pre>[^<]{10,}<\/pre><\/details>/, id);
    // Billing's knowledge rests on Finn: its files are listed, each a button naming an index of the targets.
    const buttons = [...page.body.matchAll(/data-action="openFile" data-arg="(\d+)"[^>]*>([^<]+)</g)].map((m) => [Number(m[1]), m[2]] as const);
    assert.ok(buttons.length > 0, 'file buttons');
    for (const [index, label] of buttons) assert.strictEqual(page.targets.files[index].path, label);
    assert.ok(page.targets.files.some((f) => f.path === 'src/billing/legacy.ts'), 'the orphaned file is linked');
    assert.match(page.body, /data-action="startGapThread" data-arg="0"/, 'the planted gap offers a thread');
    assert.strictEqual(page.targets.gaps[0].sides.map((s) => s.path).join(' '), 'src/billing/invoice.ts src/shipping/label.ts');
  });

  it('escapes what comes from repositories and configs', () => {
    const hostile = structuredClone(snapshot.report);
    hostile.communities[0].name = '<img src=x onerror=alert(1)>';
    hostile.people[P.ana.email].name = '"><script>alert(2)</script>';
    const page = communityPage({ ...snapshot, report: hostile }, hostile.communities[0].id, resolveMe(snapshot, []));
    assert.ok(page);
    for (const html of [page.body, mapPage(hostile).body]) {
      assert.ok(!/<img|<script/i.test(html), 'no markup from the data');
      const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
      assert.deepStrictEqual(tags.filter((t) => /\son[a-z]+=/i.test(t)), [], 'no event handler attribute');
    }
    assert.match(page.body, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('wraps a page in a document whose CSP allows only its own files and the nonce', () => {
    const csp = contentSecurityPolicy('https://webview.example', 'abc123');
    assert.strictEqual(csp, "default-src 'none'; style-src https://webview.example 'nonce-abc123'; font-src https://webview.example; img-src https://webview.example; script-src 'nonce-abc123'");
    const html = pageDocument({ nonce: 'abc123', cspSource: 'https://webview.example', scriptUri: 'https://webview.example/dist/communitiesWebview.js', styleUris: ['https://webview.example/media/communities.css'], title: 'T <b>', body: '<p>x</p>', focus: 'join' });
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview.example\/dist\/communitiesWebview.js"><\/script>/);
    assert.match(html, /<style nonce="abc123">\s*\.cst-chart/);
    assert.match(html, /<title>T &lt;b&gt;<\/title>/);
    assert.match(html, /<body data-focus="join">/);
  });

  it('dashes potential and unrecognized communities on the map', () => {
    const unrecognized = structuredClone(snapshot.report);
    unrecognized.communities.find((c) => c.id === 'shipping')!.declared.relationship = 'unrecognized';
    const circles = [...mapPage(unrecognized).body.matchAll(/<circle class="(cst-[a-z]+)"[^>]*><title>([^:<]+)/g)].map((m) => [m[2], m[1]]);
    assert.deepStrictEqual(circles.slice(0, 3), [['Reliability Guild', 'cst-community'], ['Billing', 'cst-community'], ['Shipping (not recognised by the organisation)', 'cst-potential']]);
    assert.ok(circles.slice(3).length > 0 && circles.slice(3).every(([, cls]) => cls === 'cst-potential'), 'discovered communities are dashed');
  });

  it('gathers my participation: levels, roles declared and inferred, patterns, threads answered by login', () => {
    const ben = participationModel(snapshot, resolveMe(snapshot, [P.ben.email]));
    const reliability = ben.communities.find((c) => c.id === 'reliability');
    assert.ok(reliability, JSON.stringify(ben.communities));
    assert.strictEqual(reliability.declaredMemberRole, 'sponsor');
    assert.ok(reliability.roles.some((r) => r.role === 'institutional' && r.source === 'declared'));
    assert.deepStrictEqual(ben.patterns.map((p) => p.id), ['hedged-requests'], 'maintained as benb');
    assert.deepStrictEqual(ben.answered.map((t) => t.thread.id), ['timeouts', 'breakers'], 'replies posted as benb');
    const ana = participationModel(snapshot, resolveMe(snapshot, [P.ana.email]));
    assert.deepStrictEqual(ana.started.map((t) => t.thread.id), ['timeouts', 'breakers']);
    const page = participationPage(snapshot.report, ben);
    assert.match(page.body, /data-action="copyMarkdown"/);
    assert.match(page.targets.markdown ?? '', /^# Community participation: Ben Brook$/m);
    assert.match(page.targets.markdown ?? '', /^ {2}- institutional leadership \(declared\)$/m);
    // Names and titles come from repositories: escaped, so they cannot turn into links or mentions.
    assert.match(page.targets.markdown ?? '', /^- hedged\\-requests \(`hedged-requests`, proposed, reliability\)$/m);
  });

  it('puts the current file’s communities on top of the view and the discovered ones in their own group', () => {
    const roots = rootNodes(snapshot, { path: 'src/billing/invoice.ts', communities: ['billing'] });
    assert.deepStrictEqual(roots.map((n) => n.kind), ['fileGroup', 'community', 'community', 'community', 'potentialGroup']);
    assert.deepStrictEqual(childNodes(snapshot, roots[0]).map((n) => (n.kind === 'community' ? n.name : '')), ['Billing']);
    const potential = childNodes(snapshot, roots[4]);
    assert.ok(potential.every((n) => n.kind === 'proposal'));
    const people = childNodes(snapshot, potential[0]).filter((n) => n.kind === 'fact' && n.icon === 'person').map((n) => (n.kind === 'fact' ? n.label : ''));
    assert.deepStrictEqual(people.sort(), [P.ivy.name, P.jon.name, P.kim.name].sort());
    assert.deepStrictEqual(rootNodes(snapshot).map((n) => n.kind)[0], 'community', 'no file: no group on top');
  });
});
