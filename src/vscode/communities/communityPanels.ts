/**
 * The community pages as webview panels: one for a community (its Join section included), one for
 * the constellation map, one for "My participation". Each page is rendered whole on the extension
 * side into a document with a strict CSP; the page answers with typed messages naming an index or
 * an id, which are checked here before anything opens.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { parseFromCommunityPage, type FromCommunityPage, type ToCommunityPage } from '../../webview/communities/messages';
import { Commands, runCommand, type StartResult } from '../contracts';
import type { ExternalOpener } from '../platform/links';
import { notify } from '../platform/notify';
import { webviewNonce } from '../platform/webviewSecurity';
import { resolveMe } from './communityModel';
import { gapThreadArgs } from './gapThread';
import type { CommunityHubFigures } from './hubFigures';
import { openInside, openThread } from './openTargets';
import { communityPage } from './pages/communityPage';
import { pageDocument, type PageContent } from './pages/html';
import { mapPage } from './pages/mapPage';
import { participationPage } from './pages/participationPage';
import { participationModel } from './participationModel';
import type { CommunityReportService } from './reportService';
import type { CommunitySnapshot } from './snapshot';

export type PageKind = 'community' | 'map' | 'participation';
export const PAGE_VIEW_TYPES: Record<PageKind, string> = { community: 'constellation.communityPage', map: 'constellation.constellationMap', participation: 'constellation.myParticipation' };

export interface PanelDeps {
  extensionUri: vscode.Uri;
  service: CommunityReportService;
  /** My git emails, one per repository. */
  meEmails: () => Promise<string[]>;
  external: ExternalOpener;
  logger: Logger;
  createConfig: () => Promise<unknown>;
  /** A community's figures from the hub index, and when they change (pages render them as they arrive). */
  hub?: { get: (communityId: string) => CommunityHubFigures | undefined; onDidChange: vscode.Event<void> };
}

interface OpenPage {
  kind: PageKind;
  panel: vscode.WebviewPanel;
  communityId?: string;
  content?: PageContent;
  html?: string;
  /** Title and body last rendered: the document is replaced only when they change. */
  renderedKey?: string;
  /** First contentful paint the page reported (ms after its document started loading). */
  firstPaintMs?: number;
}

export class CommunityPanels implements vscode.Disposable {
  private readonly pages = new Map<PageKind, OpenPage>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly painted = new vscode.EventEmitter<{ kind: PageKind; ms: number }>();
  /** A page reported its first paint (the e2e harness and tests read it). */
  readonly onDidPaint = this.painted.event;

  constructor(private readonly deps: PanelDeps) {
    this.disposables.push(this.painted, deps.service.onDidChange(() => void this.rerender()));
    if (deps.hub) this.disposables.push(deps.hub.onDidChange(() => void this.rerender()));
  }

  openPages(): number {
    return this.pages.size;
  }

  /** An open page (tests). */
  page(kind: PageKind): Readonly<OpenPage> | undefined {
    return this.pages.get(kind);
  }

  async showCommunity(id: string, focus?: string): Promise<boolean> {
    const page = await this.openWhenReady('community', id);
    const snapshot = this.deps.service.snapshot();
    if (!snapshot?.report.communities.some((c) => c.id === id)) {
      if (snapshot) void notify.warning(`No declared community "${id}" in .constellation/communities.yml.`);
      await this.render(page, snapshot);
      return false;
    }
    await this.render(page, snapshot, focus);
    return true;
  }

  async showMap(): Promise<void> {
    await this.render(await this.openWhenReady('map'), this.deps.service.snapshot());
  }

  async showParticipation(): Promise<void> {
    await this.render(await this.openWhenReady('participation'), this.deps.service.snapshot());
  }

  /** Opens (or reveals) the panel at once, saying the report is being computed when it is not there yet. */
  private async openWhenReady(kind: PageKind, communityId?: string): Promise<OpenPage> {
    const page = this.open(kind);
    if (communityId) page.communityId = communityId;
    if (!this.deps.service.snapshot()) {
      await this.render(page, undefined);
      await this.deps.service.ensure(true);
    }
    return page;
  }

  /** What a message from a page does (the extension's tests call it as the webview would). */
  async handle(kind: PageKind, data: unknown): Promise<unknown> {
    const message = parseFromCommunityPage(data);
    const page = this.pages.get(kind);
    if (!message || !page) {
      this.deps.logger.warn(`community page: ignored a malformed message`);
      return undefined;
    }
    return this.act(page, message);
  }

  private async act(page: OpenPage, message: FromCommunityPage): Promise<unknown> {
    const snapshot = this.deps.service.snapshot();
    const targets = page.content?.targets;
    switch (message.type) {
      case 'ready':
        return undefined;
      case 'painted':
        page.firstPaintMs = message.firstContentfulPaintMs;
        this.painted.fire({ kind: page.kind, ms: message.firstContentfulPaintMs });
        return undefined;
      case 'openFile': {
        const target = targets?.files[message.index];
        const root = target && snapshot?.repositories.find((r) => r.name === target.repository)?.root;
        return root ? openInside(root, target.path) : undefined;
      }
      case 'openThread':
        return targets?.threads[message.index] ? openThread(targets.threads[message.index], this.deps.external) : undefined;
      case 'startGapThread': {
        const gap = targets?.gaps[message.index];
        if (!gap || !snapshot) return undefined;
        const args = gapThreadArgs(snapshot, gap);
        return args ? runCommand<typeof Commands.threads.start, StartResult>(Commands.threads.start, args) : undefined;
      }
      case 'openCommunity':
      case 'join':
        return this.showCommunity(message.id, message.type === 'join' ? 'join' : undefined);
      case 'openPattern':
        return snapshot?.patterns.some((p) => p.id === message.id) ? runCommand(Commands.patterns.open, message.id) : undefined;
      case 'openMap':
        return this.showMap();
      case 'openParticipation':
        return this.showParticipation();
      case 'copyMarkdown':
        if (!targets?.markdown) return undefined;
        await vscode.env.clipboard.writeText(targets.markdown);
        void notify.info('Copied your community participation as Markdown.');
        return targets.markdown;
      case 'createConfig':
        return this.deps.createConfig();
    }
  }

  private open(kind: PageKind): OpenPage {
    const existing = this.pages.get(kind);
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const root = this.deps.extensionUri;
    const panel = vscode.window.createWebviewPanel(PAGE_VIEW_TYPES[kind], kind === 'map' ? 'Constellation map' : kind === 'participation' ? 'My participation' : 'Community', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
    });
    panel.iconPath = vscode.Uri.joinPath(root, 'media', 'constellation.svg');
    const page: OpenPage = { kind, panel };
    this.pages.set(kind, page);
    const listeners = [
      panel.webview.onDidReceiveMessage((data: unknown) => {
        this.handle(kind, data).catch((err: unknown) => {
          this.deps.logger.error(`community page: ${err instanceof Error ? err.message : String(err)}`);
          void notify.error(`Constellation: ${err instanceof Error ? err.message : String(err)}`);
        });
      }),
    ];
    panel.onDidDispose(() => {
      if (this.pages.get(kind) === page) this.pages.delete(kind);
      for (const l of listeners) l.dispose();
    });
    return page;
  }

  private async render(page: OpenPage, snapshot: CommunitySnapshot | undefined, focus?: string): Promise<void> {
    const content = snapshot ? await this.contentOf(page, snapshot) : undefined;
    page.content = content ?? { title: 'Communities', body: `<p class="muted">${this.waitingText()}</p>`, targets: { files: [], threads: [], gaps: [] } };
    page.panel.title = page.content.title;
    const webview = page.panel.webview;
    const nonce = webviewNonce();
    const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...parts)).toString();
    const key = `${page.content.title}\0${page.content.body}`;
    if (page.renderedKey === key) {
      if (focus) void webview.postMessage({ type: 'focus', section: focus } satisfies ToCommunityPage);
      return;
    }
    page.renderedKey = key;
    page.html = pageDocument({
      nonce,
      cspSource: webview.cspSource,
      scriptUri: asset('dist', 'communitiesWebview.js'),
      styleUris: [asset('dist', 'codicons', 'codicon.css'), asset('media', 'communities.css')],
      title: page.content.title,
      body: page.content.body,
      focus,
    });
    webview.html = page.html;
  }

  private async contentOf(page: OpenPage, snapshot: CommunitySnapshot): Promise<PageContent | undefined> {
    const me = resolveMe(snapshot, await this.deps.meEmails());
    if (page.kind === 'map') return mapPage(snapshot.report);
    if (page.kind === 'participation') return participationPage(snapshot.report, participationModel(snapshot, me));
    return page.communityId ? communityPage(snapshot, page.communityId, me, this.deps.hub?.get(page.communityId)) : undefined;
  }

  private waitingText(): string {
    const state = this.deps.service.state;
    if (state.kind === 'failed') return `The communities could not be computed: ${state.message}`;
    if (state.kind === 'untrusted') return 'Constellation does not run git in an untrusted workspace.';
    if (state.kind === 'cancelled') return 'Cancelled. Run “Constellation: Refresh Communities” to compute them.';
    return 'Computing the communities of practice…';
  }

  private async rerender(): Promise<void> {
    const snapshot = this.deps.service.snapshot();
    if (!snapshot) return;
    for (const page of this.pages.values()) await this.render(page, snapshot);
  }

  dispose(): void {
    for (const page of [...this.pages.values()]) page.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
