/**
 * The shell and building blocks of the community pages. Every text from a repository, a config or
 * a thread is escaped here; charts come from core (escaped there). The document's CSP allows only
 * the extension's own files and the nonce'd script and style: no remote asset, no inline handler.
 */
import { CHART_CSS, escapeXml, type Chart } from '../../../core/communities/charts';
import type { CoordinationGap } from '../../../core/communities/reportTypes';
import type { CommunityThread } from '../communityModel';
import type { PageAction } from '../../../webview/communities/messages';
import { webviewCsp } from '../../platform/webviewSecurity';

export const esc = escapeXml;

/** What the page's buttons point at: the page sends an index, the extension looks it up here. */
export interface PageTargets {
  files: Array<{ repository: string; path: string }>;
  threads: CommunityThread[];
  gaps: CoordinationGap[];
  /** The page as Markdown, for "Copy as Markdown". */
  markdown?: string;
}

export interface PageContent {
  title: string;
  /** The `<main>` content. */
  body: string;
  targets: PageTargets;
}

/** Collects a page's targets while it is rendered. */
export class TargetTable implements PageTargets {
  readonly files: PageTargets['files'] = [];
  readonly threads: CommunityThread[] = [];
  readonly gaps: CoordinationGap[] = [];
  markdown?: string;

  file(repository: string, filePath: string): number {
    const known = this.files.findIndex((f) => f.repository === repository && f.path === filePath);
    if (known >= 0) return known;
    this.files.push({ repository, path: filePath });
    return this.files.length - 1;
  }

  thread(thread: CommunityThread): number {
    this.threads.push(thread);
    return this.threads.length - 1;
  }

  gap(gap: CoordinationGap): number {
    const known = this.gaps.indexOf(gap);
    if (known >= 0) return known;
    this.gaps.push(gap);
    return this.gaps.length - 1;
  }
}

export function actionButton(label: string, action: PageAction, argument?: string | number, options: { className?: string; title?: string; icon?: string } = {}): string {
  const arg = argument === undefined ? '' : ` data-arg="${esc(String(argument))}"`;
  const title = options.title ? ` title="${esc(options.title)}"` : '';
  const icon = options.icon ? `<span class="codicon codicon-${options.icon}" aria-hidden="true"></span> ` : '';
  return `<button type="button" class="${options.className ?? 'link'}" data-action="${action}"${arg}${title}>${icon}${esc(label)}</button>`;
}

export function fileButton(targets: TargetTable, repository: string, filePath: string, label = filePath): string {
  return actionButton(label, 'openFile', targets.file(repository, filePath), { title: `Open ${repository}: ${filePath}`, className: 'link file' });
}

/** A chart with its caption and its text alternative (a native, keyboard-operable disclosure). */
export function figure(chart: Chart, caption: string, id: string): string {
  return (
    `<figure class="chart" id="${esc(id)}">${chart.svg}<figcaption>${esc(caption)}</figcaption>` +
    `<details class="alt"><summary>Text alternative</summary><pre>${esc(chart.text)}</pre></details></figure>`
  );
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}" aria-labelledby="${esc(id)}-h"><h2 id="${esc(id)}-h">${esc(title)}</h2>${body}</section>`;
}

export function list(items: string[], empty: string): string {
  return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p class="muted">${esc(empty)}</p>`;
}

export function table(header: string[], rows: string[][], caption?: string): string {
  return (
    `<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? 'unknown' : `${Math.round(share * 100)}%`;
}

export interface DocumentOptions {
  nonce: string;
  /** `webview.cspSource`: where the extension's own files are served from. */
  cspSource: string;
  scriptUri: string;
  styleUris: string[];
  title: string;
  body: string;
  /** A section to bring into view once loaded. */
  focus?: string;
}

/** The pages' policy: the platform's one, with the chart styles in a nonce'd `<style>` and no other image source. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return webviewCsp({ cspSource, nonce, nonceStyles: true });
}

export function pageDocument(options: DocumentOptions): string {
  const { nonce } = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${options.styleUris.map((uri) => `<link rel="stylesheet" href="${esc(uri)}">`).join('\n')}
<style nonce="${nonce}">${CHART_CSS}</style>
<title>${esc(options.title)}</title>
</head>
<body${options.focus ? ` data-focus="${esc(options.focus)}"` : ''}>
<a class="skip" href="#main">Skip to content</a>
<main id="main">${options.body}</main>
<script nonce="${nonce}" src="${esc(options.scriptUri)}"></script>
</body>
</html>`;
}
