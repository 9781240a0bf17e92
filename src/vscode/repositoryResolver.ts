import * as path from 'path';
import type * as vscode from 'vscode';
import type { GitRunner } from '../core/git/gitRunner';
import { findRepository } from '../core/git/repository';
import { PromiseCache } from '../core/util/promiseCache';

export interface RepositoryLocation {
  /** Absolute work-tree root. */
  repository: string;
  gitDir: string;
  /** Path relative to the root, forward slashes. */
  relativePath: string;
}

/** Maps editor documents to their git repository; one `git rev-parse` per folder, cached. */
export class RepositoryResolver {
  private readonly byFolder = new PromiseCache<{ root: string; gitDir: string } | undefined>();

  constructor(private readonly git: GitRunner) {}

  async locate(uri: vscode.Uri, signal?: AbortSignal): Promise<RepositoryLocation | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const repo = await this.repositoryOf(path.dirname(uri.fsPath), signal);
    if (!repo) return undefined;
    const relativePath = path.relative(repo.root, uri.fsPath).split(path.sep).join('/');
    if (relativePath.startsWith('..')) return undefined;
    return { repository: repo.root, gitDir: repo.gitDir, relativePath };
  }

  /** The repository containing a folder, if any. */
  repositoryOf(folder: string, signal?: AbortSignal): Promise<{ root: string; gitDir: string } | undefined> {
    return this.byFolder.get(folder, () =>
      findRepository(this.git, folder, signal).then(
        (repo) => (repo && !repo.bare ? { root: repo.root, gitDir: repo.gitDir } : undefined),
        () => undefined,
      ));
  }

  /** Repositories found so far. */
  async known(): Promise<Array<{ root: string; gitDir: string }>> {
    const all = await Promise.all(this.byFolder.values());
    const unique = new Map<string, { root: string; gitDir: string }>();
    for (const repo of all) if (repo) unique.set(repo.root, repo);
    return [...unique.values()];
  }

  clear(): void {
    this.byFolder.clear();
  }
}
