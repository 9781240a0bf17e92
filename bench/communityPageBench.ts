/**
 * The community page's first paint: the extension renders the page (model + escaped HTML and SVG)
 * for the largest of the benchmark's communities, then headless Chromium paints that document
 * with the page's stylesheet and CSP. The figure is render time + the browser's first contentful
 * paint; the floor is the same browser painting the same shell with a one-line body, in the same
 * run. A VS Code webview adds its iframe on top (the e2e run logs that figure on the fixture).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import type { CommunityInputs } from '../src/core/communities/reportInputs';
import type { CommunityReport } from '../src/core/communities/reportTypes';
import { CommunityIndex } from '../src/core/communities/communityIndex';
import { resolveMe } from '../src/vscode/communities/communityModel';
import { communityPage } from '../src/vscode/communities/pages/communityPage';
import { mapPage } from '../src/vscode/communities/pages/mapPage';
import { pageDocument } from '../src/vscode/communities/pages/html';
import type { CommunitySnapshot } from '../src/vscode/communities/snapshot';
import { childNodes, rootNodes, type CommunitiesNode } from '../src/vscode/communities/viewModel';
import { median, type BenchResult } from './support/measure';

const RUNS = 5;
const TARGET_MS = 500;
const PROJECT = path.resolve(__dirname, '..', '..');

export function benchSnapshot(inputs: CommunityInputs, report: CommunityReport): CommunitySnapshot {
  const repository = { root: '/bench', name: 'bench' };
  return {
    repositories: [repository],
    home: repository,
    configFiles: ['/bench/.constellation/communities.yml'],
    communities: [...inputs.communities],
    index: new CommunityIndex(inputs.communities, 'bench'),
    patterns: inputs.patterns ?? [],
    threads: (inputs.threads ?? []).map((t) => ({ community: t.community, root: '/bench', threads: t.threads })),
    directory: inputs.directory,
    notes: [],
    key: 'bench',
    report,
    computedAt: 0,
    computeMs: 0,
  };
}

/** Every node of the Communities view, as if each were expanded: what the tree asks for. */
function expandAll(snapshot: CommunitySnapshot): number {
  let count = 0;
  const walk = (nodes: CommunitiesNode[]): void => {
    for (const node of nodes) {
      count++;
      walk(childNodes(snapshot, node));
    }
  };
  walk(rootNodes(snapshot));
  return count;
}

function viewLoad(snapshot: CommunitySnapshot): BenchResult {
  const runs: number[] = [];
  let nodes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    nodes = expandAll(snapshot);
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { name: 'Communities view, every node', value: median(runs), unit: 'ms', note: `${nodes} nodes built from the computed report (the view never recomputes it)` };
}

function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

/** The browser's first contentful paint of one document, in a fresh page (ms after navigation start). */
async function paint(browser: Browser, file: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    const fcp = await page.evaluate(() => new Promise<number>((resolve) => {
      const done = (): boolean => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
        return !!entry;
      };
      if (!done()) new PerformanceObserver(() => void done()).observe({ type: 'paint', buffered: true });
    }));
    return fcp;
  } finally {
    await page.close();
  }
}

function documentFor(dir: string, name: string, title: string, body: string): string {
  const styles = [path.join(PROJECT, 'dist', 'codicons', 'codicon.css'), path.join(PROJECT, 'media', 'communities.css')].filter(existsSync);
  const script = path.join(PROJECT, 'dist', 'communitiesWebview.js');
  const html = pageDocument({ nonce: 'bench', cspSource: 'file:', scriptUri: existsSync(script) ? `file://${script}` : '', styleUris: styles.map((s) => `file://${s}`), title, body });
  const file = path.join(dir, `${name}.html`);
  writeFileSync(file, html);
  return file;
}

export async function runCommunityPageBenchmarks(snapshot: CommunitySnapshot, log: (line: string) => void): Promise<BenchResult[]> {
  const view = viewLoad(snapshot);
  const executablePath = chromiumPath();
  if (!executablePath) {
    log('  community page first paint: skipped, no Chromium (set CHROMIUM)');
    return [view];
  }
  const largest = [...snapshot.report.communities].sort((a, b) => b.members.length - a.members.length)[0];
  const me = resolveMe(snapshot, [snapshot.report.people[largest.members[0].person]?.email ?? '']);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-page-bench-'));
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const renders: number[] = [];
    let content = communityPage(snapshot, largest.id, me);
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      content = communityPage(snapshot, largest.id, me);
      if (content) documentFor(dir, 'community', content.title, content.body);
      renders.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    if (!content) throw new Error(`bench: no page for ${largest.id}`);
    const pageFile = documentFor(dir, 'community', content.title, content.body);
    const mapStart = process.hrtime.bigint();
    const map = mapPage(snapshot.report);
    const mapRender = Number(process.hrtime.bigint() - mapStart) / 1e6;
    const mapFile = documentFor(dir, 'map', map.title, map.body);
    const floorFile = documentFor(dir, 'floor', 'Floor', '<h1>Community</h1>');
    await paint(browser, floorFile); // the browser's own first start, untimed
    const pagePaints: number[] = [];
    const mapPaints: number[] = [];
    const floorPaints: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      floorPaints.push(await paint(browser, floorFile));
      pagePaints.push(await paint(browser, pageFile));
      mapPaints.push(await paint(browser, mapFile));
    }
    const render = median(renders);
    const kb = (file: string): string => `${(readFileSync(file).length / 1024).toFixed(0)} KB`;
    const floor = { label: 'same shell, one-line body', value: median(floorPaints) };
    log(`  community page: render ${render.toFixed(0)} ms, paint ${median(pagePaints).toFixed(0)} ms (${kb(pageFile)}, ${largest.members.length} members); map paint ${median(mapPaints).toFixed(0)} ms`);
    return [
      view,
      { name: 'community page first paint', value: render + median(pagePaints), unit: 'ms', target: TARGET_MS, floor, note: `render ${render.toFixed(0)} ms + Chromium FCP ${median(pagePaints).toFixed(0)} ms; ${largest.members.length} members, ${kb(pageFile)}; medians of ${RUNS}` },
      { name: 'constellation map first paint', value: mapRender + median(mapPaints), unit: 'ms', target: TARGET_MS, floor, note: `render ${mapRender.toFixed(0)} ms + Chromium FCP ${median(mapPaints).toFixed(0)} ms; ${snapshot.report.constellation.nodes.length} communities, ${kb(mapFile)}` },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
