/** Loads every configured pattern library: workspace folders, local folders, GitHub repositories. */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { PatternLibrary } from '../../core/patterns/patternTypes';
import { loadFolderLibrary } from '../../core/patterns/sources/folderSource';
import type { ParsedFileCache } from '../../core/patterns/sources/parsedFileCache';
import { loadGitHubLibrary } from '../../core/patterns/sources/githubSource';
import { createLibrary } from '../../core/patterns/library';
import { diag } from '../../core/patterns/diagnostics';
import type { GitHubSession } from '../platform/githubSession';
import { DEFAULT_WORKSPACE_LIBRARY, libraryEntries, parseLibraryEntry, type LibraryEntry } from './libraryEntries';
import type { PatternSettings } from './patternSettings';

export interface LoadedLibraries {
  libraries: PatternLibrary[];
  /** Short human notes for the view (a GitHub library served from cache...). */
  notices: string[];
  /** Local folders the libraries came from (for "New Pattern" and the file watcher). */
  folders: string[];
}

const DEFAULT_BASE = parseLibraryEntry(DEFAULT_WORKSPACE_LIBRARY);

async function isDirectory(folder: string): Promise<boolean> {
  return fs.stat(folder).then((s) => s.isDirectory(), () => false);
}

/**
 * `repositories`: roots of the workspace's repositories; those nested inside a workspace folder
 * are library bases too (each clone's own `.constellation/patterns`). `parsedFiles`: documents of
 * earlier loads, so that a reload parses only the files that changed.
 */
export async function loadLibraries(settings: PatternSettings, github: GitHubSession, cacheDir: string, logger: Logger, signal?: AbortSignal, repositories: readonly string[] = [], parsedFiles?: ParsedFileCache): Promise<LoadedLibraries> {
  const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const nested = repositories.filter((root) => workspaceFolders.some((folder) => {
    const relative = path.relative(folder, root);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }));
  const folders = [...new Set([...workspaceFolders, ...nested])];
  const out: LoadedLibraries = { libraries: [], notices: [], folders: [] };
  const entries = libraryEntries(settings.libraries);
  const loads = entries.map((entry) => loadEntry(entry, folders, github, cacheDir, logger, signal, out, parsedFiles));
  for (const libraries of await Promise.all(loads)) out.libraries.push(...libraries);
  // A library removed from the settings (or a folder gone) takes its parsed files with it.
  parsedFiles?.retainSources(new Set(out.libraries.map((l) => l.name)));
  return out;
}

async function loadEntry(
  entry: LibraryEntry,
  workspaceFolders: string[],
  github: GitHubSession,
  cacheDir: string,
  logger: Logger,
  signal: AbortSignal | undefined,
  out: LoadedLibraries,
  cache: ParsedFileCache | undefined,
): Promise<PatternLibrary[]> {
  if (entry.kind === 'github') {
    // The session every feature shares: its endpoint rules, its sign-in, its rate-limit state.
    let session;
    try {
      session = await github.readClient();
    } catch (error) {
      const name = `github:${entry.spec}`;
      const message = (error as Error).message;
      out.notices.push(`${name} is unavailable: ${message}`);
      return [createLibrary(name, [], [diag(name, 1, 1, 'source-unavailable', message)])];
    }
    const library = await loadGitHubLibrary({ spec: entry.spec, cacheDir, client: session.client, authenticated: session.account !== undefined, logger, signal });
    if (library.status === 'cached') out.notices.push(`${library.name}: offline copy from ${library.fetchedAt ?? 'earlier'}`);
    if (library.status === 'unavailable') out.notices.push(`${library.name} is unavailable (see Problems or the log)`);
    return [library];
  }
  if (entry.kind === 'folder') {
    out.folders.push(entry.root);
    return [await loadFolderLibrary({ root: entry.root, include: entry.include, logger, cache })];
  }
  const isDefault = DEFAULT_BASE?.kind === 'workspace' && entry.base === DEFAULT_BASE.base;
  const libraries: PatternLibrary[] = [];
  for (const folder of workspaceFolders) {
    const root = path.join(folder, entry.base);
    // The default location is optional: no folder, no library and no complaint.
    if (isDefault && !(await isDirectory(root))) continue;
    out.folders.push(root);
    const name = `workspace:${path.basename(folder)}/${entry.base}`;
    libraries.push(await loadFolderLibrary({ root, include: entry.include, name, logger, cache }));
  }
  return libraries;
}
