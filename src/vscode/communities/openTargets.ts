/** Opening what a community page or the view lists: files inside a repository, threads where they are read. */
import * as path from 'path';
import { fileURLToPath } from 'url';
import * as vscode from 'vscode';
import type { ExternalOpener } from '../platform/links';
import type { CommunityThread } from './communityModel';

/** Opens a repository-relative path, refusing anything that would leave the repository. */
export async function openInside(root: string, relativePath: string, line?: number): Promise<boolean> {
  const file = path.resolve(root, relativePath);
  const relative = path.relative(root, file);
  if (!relativePath || path.isAbsolute(relativePath) || relative.startsWith('..') || path.isAbsolute(relative) || relativePath.includes('\0')) return false;
  const at = line && line >= 1 ? new vscode.Position(line - 1, 0) : undefined;
  await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true, ...(at ? { selection: new vscode.Range(at, at) } : {}) });
  return true;
}

/**
 * A GitHub thread opens on the web (through the platform's opener and its allow-list); a thread of a
 * files venue at its code, where the threads feature shows it as a comment thread, else its file.
 */
export async function openThread(target: CommunityThread, external: ExternalOpener): Promise<boolean> {
  const { thread, root } = target;
  // The platform's opener decides (https, or http on the configured Enterprise host) and logs a refusal.
  if (thread.url && /^https?:\/\//i.test(thread.url)) return external.open(thread.url);
  if (thread.anchor) return openInside(root, thread.anchor.path, thread.anchor.startLine);
  if (thread.url?.startsWith('file:')) {
    const file = fileURLToPath(thread.url);
    return openInside(root, path.relative(root, file));
  }
  return false;
}
