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
 */
export async function orgContext(platform: Platform, uri?: vscode.Uri): Promise<OrgContext> {
  const login = platform.github.accountLabel;
  const located = uri ? await platform.repositories.locate(uri) : undefined;
  const repository = located?.repository ?? (await platform.repositories.discover()).repositories[0];
  if (repository) {
    const [{ directory }, email] = await Promise.all([platform.directory.get(repository.root), repository.userEmail()]);
    return { directory, you: { email, login } };
  }
  const snapshot = platform.directory.githubSnapshot;
  return { ...(snapshot ? { directory: new OrgDirectory(mergeGitHubDirectory(emptyDirectoryConfig(), snapshot)) } : {}), you: { login } };
}
