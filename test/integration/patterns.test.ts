import * as assert from 'assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parsePatternDocument } from '../../src/core/patterns/frontMatter';
import { RACY_WINDOW_MS } from '../../src/core/patterns/sources/parsedFileCache';
import type { ConstellationApi } from '../../src/extension';
import type { PatternsNode } from '../../src/vscode/patterns/patternTreeModel';
import type { UsageSearchResult } from '../../src/vscode/patterns/usageSearch';
import { fixturePatternInfo } from '../support/fixturePatterns';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { activeApi, eventually, fixture, fixtureUri } from './support/workbench';

const P = fixturePatternInfo();
const ids = (nodes: PatternsNode[]): string[] =>
  nodes.flatMap((n) => (n.kind === 'pattern' ? [n.pattern.id] : n.kind === 'group' ? ids(n.children) : []));
const textOf = (hover: vscode.Hover): string => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');

describe('pattern library in the editor', function () {
  this.timeout(90_000);
  let info: FixtureInfo;
  let api: ConstellationApi;

  const open = async (file: string) => vscode.window.showTextDocument(fixtureUri(info, file));
  const diagnosticsOf = (file: string, source = 'Constellation') =>
    vscode.languages.getDiagnostics(fixtureUri(info, file)).filter((d) => d.source === source);

  before(async () => {
    info = fixture();
    api = await activeApi();
    await eventually('the pattern catalogue', async () => ((await api.patterns.whenLoaded())?.patterns.length ? true : undefined));
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('constellation.patterns').update('codeLens', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('constellation.patterns.clearFilter');
  });

  it('loads the workspace library (README left out) and reports its problems at their line', async () => {
    const catalogue = api.patterns.catalogue();
    assert.deepStrictEqual(catalogue?.patterns.map((p) => p.id).sort(), [...P.patternIds].sort());
    const problems = await eventually('library diagnostics', async () => {
      const list = diagnosticsOf(P.danglingRelated.file);
      return list.length > 0 ? list : undefined;
    });
    assert.strictEqual(problems.length, 1, problems.map((d) => d.message).join('; '));
    assert.strictEqual(problems[0].range.start.line, P.danglingRelated.line - 1);
    assert.match(problems[0].message, /related `bulkhead`/);
    // Every example of the fixture library exists: no broken-example anywhere.
    const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list).filter((d) => d.code === 'broken-example');
    assert.deepStrictEqual(all.map((d) => d.message), []);
  });

  it('shows "Applies to this file" on top of the communities for the active editor', async () => {
    await open(P.retry.markerFile);
    const roots = await eventually('applies group', async () => {
      const nodes = api.patterns.viewNodes();
      return nodes[0]?.kind === 'group' && nodes[0].label === 'Applies to this file' ? nodes : undefined;
    });
    assert.deepStrictEqual(ids([roots[0]]), [P.retry.id]);
    const communities = roots.slice(1).map((n) => (n.kind === 'group' ? n.label : n.kind));
    assert.deepStrictEqual(communities, ['api-design', 'delivery', 'observability', 'reliability']);
    const reliability = roots.find((n) => n.kind === 'group' && n.label === 'reliability');
    assert.ok(reliability?.kind === 'group');
    assert.deepStrictEqual(reliability.children.map((n) => (n.kind === 'group' ? n.label : '')), ['http', 'payments', 'resilience']);
    await open(P.deprecatedUse.file);
    const api_ = await eventually('applies group of listOrders.ts', async () => {
      const nodes = api.patterns.viewNodes();
      return nodes[0]?.kind === 'group' && ids([nodes[0]]).includes('cursor-pagination') ? nodes[0] : undefined;
    });
    // Used here (marker, detection), or scoped to src/** by its globs.
    assert.deepStrictEqual(ids([api_]), ['cursor-pagination', 'offset-pagination', P.retry.id]);
  });

  it('filters the view and clears the filter', async () => {
    await vscode.commands.executeCommand('constellation.patterns.filter', 'deprecated');
    assert.deepStrictEqual([...new Set(ids(api.patterns.viewNodes()))], ['offset-pagination']);
    await vscode.commands.executeCommand('constellation.patterns.clearFilter');
    assert.strictEqual(api.patterns.viewFilter(), undefined);
    assert.deepStrictEqual([...new Set(ids(api.patterns.viewNodes()))].sort(), [...P.patternIds].sort());
  });

  it('turns markers into links and hovers', async () => {
    const uri = fixtureUri(info, P.retry.markerFile);
    await open(P.retry.markerFile);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const link = links.find((l) => l.range.start.line === P.retry.markerLine - 1);
    assert.ok(link, `a link on line ${P.retry.markerLine}`);
    assert.strictEqual(decodeURIComponent(link.target?.toString() ?? ''), `command:constellation.patterns.open?["${P.retry.id}"]`);
    const column = link.range.start.character + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(P.retry.markerLine - 1, column));
    const hover = hovers.map(textOf).find((t) => t.includes('Community pattern'));
    assert.ok(hover, 'a pattern hover');
    assert.match(hover, /Retry with exponential backoff/);
    assert.match(hover, /adopted/);
    assert.match(hover, /waiting exponentially longer/);
  });

  it('shows a CodeLens on detected uses, and none when turned off', async () => {
    const uri = fixtureUri(info, P.retry.markerFile);
    await open(P.retry.markerFile);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const ours = lenses.filter((l) => l.command?.command === 'constellation.patterns.open');
    assert.deepStrictEqual(ours.map((l) => [l.range.start.line + 1, l.command?.title]), [[21, `Community pattern: ${P.retry.title}`]]);
    await vscode.workspace.getConfiguration('constellation.patterns').update('codeLens', false, vscode.ConfigurationTarget.Global);
    const after = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepStrictEqual(after.filter((l) => l.command?.command === 'constellation.patterns.open'), []);
  });

  it('warns about an unknown marker id and offers the closest id', async () => {
    const { file, line, id, closest } = P.unknownMarker;
    const editor = await open(file);
    const warning = await eventually('unknown marker warning', async () =>
      diagnosticsOf(file).find((d) => d.severity === vscode.DiagnosticSeverity.Warning && d.range.start.line === line - 1),
    );
    assert.match(warning.message, new RegExp(`Unknown pattern "${id}".*Did you mean "${closest}"`));
    assert.strictEqual(editor.document.getText(warning.range), id);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith(`Change to "${closest}"`));
    assert.ok(fix?.edit, `quick fix among ${actions.map((a) => a.title).join(', ')}`);
    const edits = fix.edit.get(editor.document.uri);
    assert.deepStrictEqual(edits.map((e) => e.newText), [closest]);
  });

  it('flags code following a deprecated or retired pattern, naming the replacement, with a fix to open it', async () => {
    for (const use of [P.deprecatedUse, P.retiredUse]) {
      const editor = await open(use.file);
      const info_ = await eventually(`${use.patternId} diagnostic`, async () =>
        diagnosticsOf(use.file).find((d) => d.severity === vscode.DiagnosticSeverity.Information && d.range.start.line === use.line - 1),
      );
      assert.match(info_.message, new RegExp(`\\(${use.replacedBy}\\) instead`));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, info_.range, vscode.CodeActionKind.QuickFix.value);
      const openIt = actions.find((a) => a.command?.command === 'constellation.patterns.open');
      assert.deepStrictEqual(openIt?.command?.arguments, [use.replacedBy]);
    }
  });

  it('finds the usages of a pattern across the workspace (markers and detections)', async () => {
    const result = await vscode.commands.executeCommand<UsageSearchResult>('constellation.patterns.findUsages', P.retry.id, { show: false });
    const found = result.usages.map((u) => `${vscode.workspace.asRelativePath(u.uri, false)}:${u.range.startLine}-${u.range.endLine}:${u.kind}`).sort();
    assert.deepStrictEqual(found, [
      'src/http/retryingClient.ts:21-21:detected',
      'src/http/retryingClient.ts:7-18:marker',
      'src/shipping/carrierClient.ts:6-6:detected',
    ]);
    assert.strictEqual(result.truncated, false);
  });

  it('links the selection to a pattern with a marker in the language comment syntax, indented', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'def fetch():\n    return retry(call)\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 6, 1, 10);
    assert.strictEqual(await api.patterns.linkSelection(P.retry.id), true);
    assert.strictEqual(document.getText(), `def fetch():\n    # pattern: ${P.retry.id}\n    return retry(call)\n`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('creates a valid draft pattern from the selection, and the catalogue picks it up', async () => {
    const editor = await open(P.deprecatedUse.file);
    editor.selection = new vscode.Selection(5, 0, 10, 0);
    const folder = path.join(info.root, P.libraryDir);
    const file = await api.patterns.newFromSelection({ title: 'Keyset pagination', id: 'keyset-pagination', summary: 'Page by the last key seen, not by offset.', community: 'api-design', folder });
    assert.ok(file);
    try {
      assert.strictEqual(file, path.join(folder, 'api-design', 'keyset-pagination.md'));
      assert.ok(existsSync(file));
      const parsed = parsePatternDocument(readFileSync(file, 'utf8'), { file, source: 'test' });
      assert.deepStrictEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.strictEqual(parsed.pattern?.status, 'proposed');
      assert.deepStrictEqual(parsed.pattern?.maintainers, [info.you.email]);
      assert.deepStrictEqual(parsed.pattern?.examples, [`${P.deprecatedUse.file}#L6-L10`]);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, file);
      await eventually('catalogue reload', async () => (api.patterns.catalogue()?.byId('keyset-pagination') ? true : undefined));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(file, { force: true });
    }
    await eventually('catalogue reload after delete', async () => (api.patterns.catalogue()?.byId('keyset-pagination') ? undefined : true));
  });

  it('opens the pattern page with maintainers, examples, usages and experts', async () => {
    await vscode.commands.executeCommand('constellation.patterns.open', P.retry.id);
    const panel = api.patterns.panel();
    assert.strictEqual(panel?.title, P.retry.title);
    await eventually('a webview tab titled with the pattern', async () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === P.retry.title),
    );
    const model = await eventually('experts of the pattern', async () => api.patterns.panel()?.model?.experts?.length ? api.patterns.panel()?.model : undefined);
    assert.ok(model);
    assert.deepStrictEqual(model.maintainers.map((m) => [m.label, m.detail]), [['Dave Smith', 'Payments · dave@acme.example'], ['Bob Identity', 'Identity · @bob-id']]);
    assert.deepStrictEqual(model.examples.map((e) => [e.label, e.detail]), [['src/http/retryingClient.ts#L7-L18', undefined]]);
    assert.strictEqual(model.usages?.length, 3);
    assert.deepStrictEqual(model.related.map((r) => r.id), ['idempotency-keys', 'circuit-breaker']);
    const experts = model.experts ?? [];
    assert.deepStrictEqual(experts.map((e) => e.label), ['Dave Smith', 'Bob Identity']);
    assert.match(experts[0].detail ?? '', /^Payments · 13 lines in 2 usages$/);
    assert.match(model.html, /<h1 id="section-retry-with-exponential-backoff">Retry with exponential backoff<\/h1>/);
    const deprecated = api.patterns.catalogue()?.byId('cursor-pagination');
    assert.ok(deprecated);
    await vscode.commands.executeCommand('constellation.patterns.open', 'cursor-pagination');
    const replaced = await eventually('cursor page', async () => (api.patterns.panel()?.model?.id === 'cursor-pagination' ? api.patterns.panel()?.model : undefined));
    assert.deepStrictEqual(replaced.replaces.map((r) => r.id), ['offset-pagination']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('loads no remote image unless its host is allowed, in the page and in its CSP', async () => {
    const settings = () => vscode.workspace.getConfiguration('constellation.patterns');
    await vscode.commands.executeCommand('constellation.patterns.open', P.retry.id);
    const blocked = await eventually('the retry page', async () => (api.patterns.panel()?.model?.id === P.retry.id ? api.patterns.panel() : undefined));
    const imgSrc = (html: string): string => /img-src ([^;"]*)/.exec(html)?.[1] ?? '';
    assert.ok(!/https:(?!\/\/)|images\.acme/.test(imgSrc(blocked.html)), `default img-src: ${imgSrc(blocked.html)}`);
    assert.ok(!/<img/.test(blocked.model?.html ?? ''), 'no <img> by default');
    assert.match(blocked.model?.html ?? '', /class="blocked-image"[^>]*>.*Retry timeline<\/a>/);
    assert.match(blocked.model?.html ?? '', /<a href="#" data-link="0">circuit breaker<\/a>/, 'the relative link is a navigable data-link');
    try {
      await settings().update('allowImagesFrom', ['images.acme.example'], vscode.ConfigurationTarget.Workspace);
      const allowed = await eventually('a page allowing the host', async () => {
        const panel = api.patterns.panel();
        return panel && imgSrc(panel.html).includes('https://images.acme.example') ? panel : undefined;
      });
      assert.match(allowed.model?.html ?? '', /<img src="https:\/\/images\.acme\.example\/retry-timeline\.png" alt="Retry timeline">/);
    } finally {
      await settings().update('allowImagesFrom', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('starts a thread about a pattern through the threads feature', async () => {
    const started = await vscode.commands.executeCommand<{ draftUri: string; body: string } | undefined>(
      'constellation.patterns.startThread', P.retry.id, { title: 'When do we stop retrying?', community: 'reliability' },
    );
    assert.ok(started, 'the threads feature started a draft');
    assert.ok(started.body.includes(P.retry.id) || started.body.includes(P.retry.title), `the draft names the pattern: ${started.body}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('drops the parsed files of a library removed from constellation.patterns.libraries', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'constellation-removed-library-'));
    const file = path.join(folder, 'removed-pattern.md');
    writeFileSync(file, ['---', 'id: removed-pattern', 'title: Removed pattern', 'summary: A library that leaves the settings.', 'status: adopted', '---', '', '# Removed pattern', ''].join('\n'));
    // The session cache keeps only files older than its racy window (the change time included, which cannot be set back).
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 500));
    const libraries = vscode.workspace.getConfiguration('constellation.patterns');
    try {
      await libraries.update('libraries', [folder], vscode.ConfigurationTarget.Global);
      await eventually('the added library', async () => ((await api.patterns.whenLoaded())?.byId('removed-pattern') ? true : undefined));
      assert.ok(api.patterns.parsedFileSources().includes(`folder:${folder}`), api.patterns.parsedFileSources().join(', '));
      await libraries.update('libraries', undefined, vscode.ConfigurationTarget.Global);
      await eventually('the library removed', async () => ((await api.patterns.whenLoaded())?.byId('removed-pattern') ? undefined : true));
      assert.deepStrictEqual(api.patterns.parsedFileSources().filter((s) => s.includes(folder)), [], 'its parsed files went with it');
    } finally {
      await libraries.update('libraries', undefined, vscode.ConfigurationTarget.Global);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
