/**
 * Shared pieces of the community charts: pure functions returning SVG text. Colours and fonts come
 * from classes defined in {@link CHART_CSS} (VS Code theme variables, with fallbacks for a
 * standalone page), never from inline styles, so a webview's strict CSP needs no 'unsafe-inline'.
 * Every string that came from a repository or a config is escaped.
 */

export interface Chart {
  svg: string;
  /** The same information as plain text, for screen readers and copy-paste. */
  text: string;
}

export interface ChartOptions {
  /** Prefix for element ids, unique per page (default `cst`). */
  idPrefix?: string;
}

/** Team colours: eight classes, then they repeat (the legend and the text alternative name teams). */
export const TEAM_COLOURS = 8;

export const CHART_CSS = `
.cst-chart { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 11px; }
.cst-chart text { fill: var(--vscode-foreground, #1f2328); }
.cst-chart .cst-muted { fill: var(--vscode-descriptionForeground, #59636e); }
.cst-chart .cst-halo { paint-order: stroke; stroke: var(--vscode-editor-background, #ffffff); stroke-width: 3px; stroke-linejoin: round; }
.cst-chart .cst-line { stroke: var(--vscode-charts-lines, #8c959f); fill: none; }
.cst-chart .cst-ring { stroke: var(--vscode-charts-lines, #8c959f); fill: none; stroke-opacity: 0.5; }
.cst-chart .cst-node { stroke: var(--vscode-editor-background, #ffffff); stroke-width: 1.5; }
.cst-chart .cst-bar { fill: var(--vscode-charts-blue, #3794ff); }
.cst-chart .cst-bar2 { fill: var(--vscode-charts-purple, #b180d7); }
.cst-chart .cst-trend { stroke: var(--vscode-charts-orange, #d18616); stroke-width: 2; fill: none; }
.cst-chart .cst-ok { fill: var(--vscode-charts-green, #89d185); }
.cst-chart .cst-warn { fill: var(--vscode-charts-yellow, #cca700); }
.cst-chart .cst-risk { fill: var(--vscode-charts-red, #f14c4c); }
.cst-chart .cst-cell { fill: var(--vscode-charts-blue, #3794ff); }
.cst-chart .cst-empty { fill: var(--vscode-charts-lines, #8c959f); fill-opacity: 0.08; }
.cst-chart .cst-community { fill: var(--vscode-charts-blue, #3794ff); fill-opacity: 0.25; stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 2; }
.cst-chart .cst-potential { fill: var(--vscode-charts-purple, #b180d7); fill-opacity: 0.12; stroke: var(--vscode-charts-purple, #b180d7); stroke-width: 2; stroke-dasharray: 5 4; }
.cst-chart .cst-link { stroke: var(--vscode-charts-lines, #8c959f); stroke-opacity: 0.7; fill: none; }
.cst-chart .cst-link-potential { stroke: var(--vscode-charts-purple, #b180d7); stroke-opacity: 0.7; stroke-dasharray: 4 3; fill: none; }
.cst-chart .cst-c0 { fill: var(--vscode-charts-blue, #3794ff); }
.cst-chart .cst-c1 { fill: var(--vscode-charts-orange, #d18616); }
.cst-chart .cst-c2 { fill: var(--vscode-charts-green, #89d185); }
.cst-chart .cst-c3 { fill: var(--vscode-charts-purple, #b180d7); }
.cst-chart .cst-c4 { fill: var(--vscode-charts-red, #f14c4c); }
.cst-chart .cst-c5 { fill: var(--vscode-charts-yellow, #cca700); }
.cst-chart .cst-c6 { fill: var(--vscode-terminal-ansiCyan, #11a8cd); }
.cst-chart .cst-c7 { fill: var(--vscode-terminal-ansiMagenta, #bc05bc); }
.cst-chart .cst-cu { fill: var(--vscode-descriptionForeground, #8c959f); }
`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Ids for `aria-labelledby`, only letters, digits and dashes. */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, '-');
}

export function svgDocument(options: { id: string; width: number; height: number; title: string; description: string; body: string }): string {
  const id = safeId(options.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cst-chart" viewBox="0 0 ${options.width} ${options.height}" width="${options.width}" height="${options.height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(options.title)}</title><desc id="${id}-desc">${escapeXml(options.description)}</desc>${options.body}</svg>`
  );
}

/** A stable colour class per team id (teams sorted by id get consecutive colours); unknown team: grey. */
export function teamColourClasses(teamIds: Iterable<string | undefined>): (teamId: string | undefined) => string {
  const ids = [...new Set([...teamIds].filter((t): t is string => t !== undefined))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  return (teamId) => (teamId === undefined || !index.has(teamId) ? 'cst-cu' : `cst-c${index.get(teamId)! % TEAM_COLOURS}`);
}

export function fixed(value: number, digits = 1): string {
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${fixed(x)}" y="${fixed(y)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(content)}</text>`;
}

/** Shortens a label for a chart, keeping the full one for the tooltip and the text alternative. */
export function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}
