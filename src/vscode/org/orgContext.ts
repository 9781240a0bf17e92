/** Who "you" are and which directory places people, for answers from the organisation's hub index. */
import * as vscode from 'vscode';
import { emptyDirectoryConfig } from '../../core/directory/directoryConfig';
import { mergeGitHubDirectory } from '../../core/directory/github/mergeGitHubDirectory';
import { OrgDirectory } from '../../core/directory/orgDirectory';
import type { Platform } from '../platform/platform';

export interface OrgContext {
  directory?: OrgDirectory;
  you: { email?: string; login?: string };
}

/**
 * The directory and git identity of the document's repository (else the workspace's first one);
 * without any repository (an untrusted workspace, no clone), the GitHub teams alone.
 * `directoryWaitMs`: wait at most this long for the directory (the hover), else until it is loaded.
 */
export async function orgContext(platform: Platform, uri?: vscode.Uri, options: { directoryWaitMs?: number } = {}): Promise<OrgContext> {
  const login = platform.github.accountLabel;
  const located = uri ? await platform.repositories.locate(uri) : undefined;
  const repository = located?.repository ?? (await platform.repositories.discover()).repositories[0];
  if (repository) {
    // The hover waits for a directory being parsed a moment at most, then uses the one loaded now.
    const loading = options.directoryWaitMs === undefined ? platform.directory.get(repository.root) : platform.directory.cache.within(repository.root, options.directoryWaitMs);
    const [{ directory }, email] = await Promise.all([loading, repository.userEmail()]);
    return { directory, you: { email, login } };
  }
  const snapshot = platform.directory.githubSnapshot;
  return { ...(snapshot ? { directory: new OrgDirectory(mergeGitHubDirectory(emptyDirectoryConfig(), snapshot)) } : {}), you: { login } };
}
