import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../../src/extension';
import { loadFixtureInfo, type FixtureInfo } from '../../support/fixtureWorkspace';

export const EXTENSION_ID = 'constellation.constellation';

export async function activeApi(): Promise<ConstellationApi> {
  const extension = vscode.extensions.getExtension<ConstellationApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

export function fixture(): FixtureInfo {
  return loadFixtureInfo();
}

export function fixtureUri(info: FixtureInfo, relPath: string): vscode.Uri {
  return vscode.Uri.file(path.join(info.root, relPath));
}

/** The Markdown of Constellation's hover at a 1-based line, or undefined when it shows none. */
export async function constellationHover(uri: vscode.Uri, line: number, character = 2): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line - 1, character));
  for (const hover of hovers ?? []) {
    const text = hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    if (text.includes('Who knows this code')) return text;
  }
  return undefined;
}

/** Polls until `probe` returns a value, or fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the fixture repository's index is built, so hovers show full results. */
export async function indexReady(api: ConstellationApi, info: FixtureInfo): Promise<void> {
  await eventually('the history index', async () => (api.experts.indexState(info.root).state === 'ready' ? true : undefined), 60_000);
}

/** Runs git in the fixture repository (tests that change history). */
export function gitIn(info: FixtureInfo, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd: info.root, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** The display names in the hover, in the order shown. */
export function hoverNames(text: string): string[] {
  return [...text.matchAll(/^\*\*([^*]+)\*\*(?: \*\(former\)\*)? `([^`]+)`/gm)].map((m) => m[1].replace(/\\(.)/g, '$1'));
}

/** The relationship badges in the hover, in the order shown. */
export function hoverBadges(text: string): string[] {
  return [...text.matchAll(/^\*\*[^*]+\*\*(?: \*\(former\)\*)? `([^`]+)`/gm)].map((m) => m[1]);
}
