/** Example references of a pattern (`path#L10-L20`, permalinks) resolved against the workspace. */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { checkExamples, parseExampleRef } from '../../core/patterns/examples';
import type { PatternCatalogue } from '../../core/patterns/library';
import type { Pattern, PatternDiagnostic } from '../../core/patterns/patternTypes';

export type ResolvedExample =
  | { kind: 'file'; label: string; uri: vscode.Uri; range?: vscode.Range }
  | { kind: 'url'; label: string; uri: vscode.Uri }
  | { kind: 'missing'; label: string };

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** The folders a pattern's repository paths are relative to: its own workspace folder first. */
export function rootsFor(pattern: Pattern): string[] {
  const roots = workspaceRoots();
  if (!path.isAbsolute(pattern.file)) return roots;
  const own = roots.filter((r) => !path.relative(r, pattern.file).startsWith('..'));
  return [...own, ...roots.filter((r) => !own.includes(r))];
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then((s) => s.isFile(), () => false);
}

async function firstExisting(pattern: Pattern, relative: string): Promise<string | undefined> {
  for (const root of rootsFor(pattern)) {
    const file = path.join(root, relative);
    if (await exists(file)) return file;
  }
  return undefined;
}

export async function resolveExamples(pattern: Pattern): Promise<ResolvedExample[]> {
  return Promise.all(
    pattern.examples.map(async (raw): Promise<ResolvedExample> => {
      const { ref } = parseExampleRef(raw);
      if (!ref) return { kind: 'missing', label: raw };
      if (ref.kind === 'url') return { kind: 'url', label: raw, uri: vscode.Uri.parse(ref.url) };
      const file = await firstExisting(pattern, ref.path);
      if (!file) return { kind: 'missing', label: raw };
      const range = ref.startLine === undefined ? undefined : new vscode.Range(ref.startLine - 1, 0, (ref.endLine ?? ref.startLine) - 1, 0);
      return { kind: 'file', label: raw, uri: vscode.Uri.file(file), range };
    }),
  );
}

async function lineCount(file: string): Promise<number | undefined> {
  try {
    const text = await fs.readFile(file, 'utf8');
    const lines = text.split('\n').length;
    return text.endsWith('\n') ? lines - 1 : lines;
  } catch {
    return undefined;
  }
}

/** `broken-example` diagnostics for the patterns of local libraries (GitHub ones are not checked). */
export async function exampleDiagnostics(catalogue: PatternCatalogue): Promise<PatternDiagnostic[]> {
  const out: PatternDiagnostic[] = [];
  for (const pattern of catalogue.patterns) {
    if (!path.isAbsolute(pattern.file) || pattern.examples.length === 0 || rootsFor(pattern).length === 0) continue;
    out.push(
      ...(await checkExamples(pattern, {
        fileExists: async (relative) => (await firstExisting(pattern, relative)) !== undefined,
        lineCount: async (relative) => {
          const file = await firstExisting(pattern, relative);
          return file ? lineCount(file) : undefined;
        },
      })),
    );
  }
  return out;
}
