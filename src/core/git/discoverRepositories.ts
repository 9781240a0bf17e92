/** Finds git work trees below some folders: a bounded walk that never enters dependency or build folders. */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface DiscoverOptions {
  /** Folder levels below each start folder to look into (default 4). */
  maxDepth?: number;
  /** Folders read at the most, over all start folders (default 5,000). */
  maxFolders?: number;
  signal?: AbortSignal;
}

/** Folders that hold dependencies, build output or tool caches, never a project's own repository. */
export const SKIPPED_FOLDERS = new Set(['node_modules', 'bower_components', 'vendor', 'dist', 'out', 'build', 'target', '.vscode-test', '.bench', '.venv', 'venv', '__pycache__', '.gradle', '.idea']);

/**
 * Folders that have a `.git` entry (a folder, or a file for a linked worktree or a submodule),
 * breadth first, start folders first. Symbolic links are not followed; hidden folders are skipped.
 */
export async function discoverRepositoryRoots(starts: readonly string[], options: DiscoverOptions = {}): Promise<{ roots: string[]; truncated: boolean }> {
  const maxDepth = options.maxDepth ?? 4;
  let budget = options.maxFolders ?? 5000;
  const roots: string[] = [];
  const seen = new Set<string>();
  let queue = starts.map((folder) => ({ folder: path.resolve(folder), depth: 0 }));
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const { folder, depth } of queue) {
      options.signal?.throwIfAborted();
      if (seen.has(folder)) continue;
      seen.add(folder);
      if (budget-- <= 0) return { roots, truncated: true };
      const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
      if (entries.some((e) => e.name === '.git' && (e.isDirectory() || e.isFile()))) roots.push(folder);
      if (depth >= maxDepth) continue;
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
        next.push({ folder: path.join(folder, entry.name), depth: depth + 1 });
      }
    }
    queue = next;
  }
  return { roots, truncated: false };
}
