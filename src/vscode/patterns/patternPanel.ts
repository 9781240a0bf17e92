/** The pattern page: a webview rendering the pattern, its people, examples, usages and lineage. */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { Pattern } from '../../core/patterns/patternTypes';
import { isAllowedLink } from '../../core/patterns/render';
import type { ExpertsApi } from '../experts/expertsFeature';
import type { ExternalOpener } from '../platform/links';
import { webviewCsp, webviewNonce } from '../platform/webviewSecurity';
import { affects } from '../platform/configuration';
import type { OrgDirectoryService } from '../platform/orgDirectory';
import { resolveExamples, type ResolvedExample } from './exampleLinks';
import { parseFromPanel, type FromPanel, type PanelModel, type ToPanel } from '../../webview/panelMessages';
import { buildPanelModel, maintainersOf, renderBody, type PanelInputs } from './panelModel';
import { imageCspSources } from '../../core/patterns/imageHosts';
import type { DocumentLinkTarget } from '../../core/patterns/documentLinks';
import { patternSource } from './sourceLinks';
import { expertsAvailable, patternExperts } from './patternExperts';
import type { PatternStore } from './patternStore';
import { openPatternSource } from './patternActions';
import { readPatternSettings } from './patternSettings';
import { notify } from '../platform/notify';
import { findPatternUsages, usageLocation } from './usageSearch';

export const PANEL_VIEW_TYPE = 'constellation.patternPanel';

export class PatternPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private inputs: PanelInputs | undefined;
  private ready = false;
  private loadId = 0;
  private search: vscode.CancellationTokenSource | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: () => vscode.Uri,
    private readonly store: PatternStore,
    private readonly experts: ExpertsApi,
    private readonly directories: OrgDirectoryService,
    private readonly external: ExternalOpener,
    private readonly logger: Logger,
  ) {
    // The CSP lists the allowed image hosts: a changed list needs a new page.
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affects(e, 'patterns.allowImagesFrom') || !this.panel) return;
      this.ready = false;
      this.panel.webview.html = this.html(this.panel.webview, this.extensionUri());
    }));
  }

  /** The open panel (tests). */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  get patternId(): string | undefined {
    return this.inputs?.pattern.id;
  }

  /** What the page shows now (tests). */
  currentModel(): PanelModel | undefined {
    return this.inputs && buildPanelModel(this.inputs);
  }

  async show(pattern: Pattern): Promise<void> {
    const catalogue = this.store.catalogue();
    if (!catalogue) return;
    const panel = this.ensurePanel();
    panel.title = pattern.title;
    panel.reveal(undefined, false);
    const id = ++this.loadId;
    this.search?.cancel();
    const [maintainers, examples] = await Promise.all([maintainersOf(pattern, this.directories), resolveExamples(pattern)]);
    if (id !== this.loadId) return;
    this.inputs = { pattern, catalogue, maintainers, examples, expertsNote: expertsAvailable() ? undefined : 'Trust this workspace to see who wrote the code using this pattern (it needs git).' };
    this.post();
    void this.findUsages(pattern, id);
  }

  private async findUsages(pattern: Pattern, id: number): Promise<void> {
    const search = new vscode.CancellationTokenSource();
    this.search = search;
    try {
      const result = await findPatternUsages(pattern, { keyword: readPatternSettings().markerKeyword, token: search.token });
      if (id !== this.loadId || !this.inputs) return;
      this.inputs.usages = result.usages;
      this.inputs.usagesNote = result.truncated ? `Searched the first ${result.filesSearched} files only.` : undefined;
      this.post();
      if (!expertsAvailable()) return;
      const controller = new AbortController();
      search.token.onCancellationRequested(() => controller.abort());
      const experts = await patternExperts(result.usages, this.experts, controller.signal);
      if (id !== this.loadId || !this.inputs) return;
      this.inputs.experts = experts;
      if (experts.length === 0) this.inputs.expertsNote = 'Nobody yet: no committed code uses this pattern.';
      this.post();
    } catch (error) {
      this.logger.warn(`pattern panel: ${(error as Error).message}`);
    } finally {
      search.dispose();
    }
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const root = this.extensionUri();
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Pattern', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
    });
    panel.iconPath = vscode.Uri.joinPath(root, 'media', 'constellation.svg');
    panel.webview.html = this.html(panel.webview, root);
    this.ready = false;
    this.disposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.inputs = undefined;
        this.search?.cancel();
      }),
      panel.webview.onDidReceiveMessage((data: unknown) => {
        const message = parseFromPanel(data);
        if (!message) {
          this.logger.warn('pattern panel: ignored a malformed message');
          return;
        }
        this.handle(message).catch((error: Error) => this.logger.error(`pattern panel: ${error.message}`));
      }),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down; it says `ready` again when shown.
        if (!panel.visible) this.ready = false;
      }),
    );
    this.panel = panel;
    return panel;
  }

  private html(webview: vscode.Webview, root: vscode.Uri): string {
    const nonce = webviewNonce();
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(root, ...parts)).toString();
    const csp = webviewCsp({ cspSource: webview.cspSource, nonce, imageSources: imageCspSources(readPatternSettings().allowImagesFrom) });
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'patterns.css')}">
<title>Pattern</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="muted">Loading…</p></main>
<script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
  }

  private post(): void {
    if (!this.panel || !this.inputs || !this.ready) return;
    const message: ToPanel = { type: 'render', model: buildPanelModel(this.inputs) };
    void this.panel.webview.postMessage(message);
  }

  private async handle(message: FromPanel): Promise<void> {
    const inputs = this.inputs;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'openLink':
        await this.openLink(message.href);
        return;
      case 'openExample':
        return inputs ? this.openExample(inputs.examples[message.index]) : undefined;
      case 'openUsage': {
        const usage = inputs?.usages?.[message.index];
        if (usage) await vscode.window.showTextDocument(usage.uri, { selection: usageLocation(usage).range, preview: true });
        return;
      }
      case 'openPattern': {
        const pattern = this.store.catalogue()?.byId(message.id);
        if (pattern) await this.show(pattern);
        return;
      }
      case 'openDocumentLink': {
        const target = inputs ? renderBody(inputs).links[message.index] : undefined;
        return target ? this.openDocumentLink(target) : undefined;
      }
      case 'openSource':
        return inputs ? openPatternSource(inputs.pattern, this.external) : undefined;
    }
  }

  /** A relative link of the body, as the core resolved it: another pattern's page, or the library file. */
  private async openDocumentLink(target: DocumentLinkTarget): Promise<void> {
    if (target.kind === 'pattern') {
      const pattern = this.store.catalogue()?.byId(target.id);
      if (pattern) await this.show(pattern);
      return;
    }
    const source = patternSource(target.file, readPatternSettings().githubWeb);
    if (source.kind === 'web') {
      await this.external.open(source.url);
    } else if (source.kind === 'file') {
      await vscode.window.showTextDocument(vscode.Uri.file(source.path), { preview: true }).then(undefined, () =>
        notify.warning(`The linked file ${source.path} cannot be opened.`),
      );
    }
  }

  /** What a click on a link of the page does (the extension's tests call it as the webview would). */
  async openLink(href: string): Promise<boolean> {
    // Pattern documents come from repositories and shared libraries: untrusted. Links may only
    // navigate (the allow-list) or open an https page.
    if (!isAllowedLink(href)) {
      this.external.refuse(href);
      return false;
    }
    return /^command:/i.test(href.trim()) ? this.external.runLink(href) : this.external.open(href);
  }

  private async openExample(example: ResolvedExample | undefined): Promise<void> {
    if (!example || example.kind === 'missing') return;
    if (example.kind === 'url') {
      await this.external.open(example.uri);
      return;
    }
    await vscode.window.showTextDocument(example.uri, { selection: example.range, preview: true });
  }

  dispose(): void {
    this.search?.cancel();
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
