/** Loads every configured pattern library: workspace folders, local folders, GitHub repositories. */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { PatternLibrary } from '../../core/patterns/patternTypes';
import { loadFolderLibrary } from '../../core/patterns/sources/folderSource';
import { loadGitHubLibrary } from '../../core/patterns/sources/githubSource';
import { DEFAULT_WORKSPACE_LIBRARY, libraryEntries, parseLibraryEntry, type LibraryEntry } from './libraryEntries';
import { githubApiBase, githubAuthProvider, type PatternSettings } from './patternSettings';

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

/** The token of an existing GitHub session; never prompts, never logged. */
async function githubToken(settings: PatternSettings, logger: Logger): Promise<string | undefined> {
  try {
    const session = await vscode.authentication.getSession(githubAuthProvider(settings), ['repo'], { createIfNone: false, silent: true });
    return session?.accessToken;
  } catch (error) {
    logger.debug(`no GitHub session for pattern libraries: ${(error as Error).message}`);
    return undefined;
  }
}

export async function loadLibraries(settings: PatternSettings, cacheDir: string, logger: Logger, signal?: AbortSignal): Promise<LoadedLibraries> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const out: LoadedLibraries = { libraries: [], notices: [], folders: [] };
  const entries = libraryEntries(settings.libraries);
  const loads = entries.map((entry) => loadEntry(entry, folders, settings, cacheDir, logger, signal, out));
  for (const libraries of await Promise.all(loads)) out.libraries.push(...libraries);
  return out;
}

async function loadEntry(
  entry: LibraryEntry,
  workspaceFolders: string[],
  settings: PatternSettings,
  cacheDir: string,
  logger: Logger,
  signal: AbortSignal | undefined,
  out: LoadedLibraries,
): Promise<PatternLibrary[]> {
  if (entry.kind === 'github') {
    const token = await githubToken(settings, logger);
    const library = await loadGitHubLibrary({ spec: entry.spec, cacheDir, baseUrl: githubApiBase(settings), token, logger, signal });
    if (library.status === 'cached') out.notices.push(`${library.name}: offline copy from ${library.fetchedAt ?? 'earlier'}`);
    if (library.status === 'unavailable') out.notices.push(`${library.name} is unavailable (see Problems or the log)`);
    return [library];
  }
  if (entry.kind === 'folder') {
    out.folders.push(entry.root);
    return [await loadFolderLibrary({ root: entry.root, include: entry.include, logger })];
  }
  const isDefault = DEFAULT_BASE?.kind === 'workspace' && entry.base === DEFAULT_BASE.base;
  const libraries: PatternLibrary[] = [];
  for (const folder of workspaceFolders) {
    const root = path.join(folder, entry.base);
    // The default location is optional: no folder, no library and no complaint.
    if (isDefault && !(await isDirectory(root))) continue;
    out.folders.push(root);
    const name = `workspace:${path.basename(folder)}/${entry.base}`;
    libraries.push(await loadFolderLibrary({ root, include: entry.include, name, logger }));
  }
  return libraries;
}
