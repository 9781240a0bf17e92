import { loadDirectory } from '../directory/orgDirectory';
import type { GitHubDirectorySnapshot } from '../directory/github/githubDirectoryTypes';
import type { OrgDirectory } from '../directory/orgDirectory';
import type { ConfigDiagnostic } from '../directory/types';
import type { Logger } from '../logger';
import { PromiseCache } from '../util/promiseCache';

export interface LoadedDirectory {
  directory: OrgDirectory;
  diagnostics: ConfigDiagnostic[];
}

/** One org directory per repository, loaded once and reloaded when told its files changed. */
export class DirectoryCache {
  private readonly loaded = new PromiseCache<LoadedDirectory>();
  private github: GitHubDirectorySnapshot | undefined;

  constructor(
    private readonly logger: Logger,
    private directoryPath: string | undefined,
    private readonly onDiagnostics: (repository: string, diagnostics: ConfigDiagnostic[]) => void = () => undefined,
  ) {}

  get(repository: string): Promise<LoadedDirectory> {
    return this.loaded.get(repository, async () => {
      const result = await loadDirectory(repository, { directoryPath: this.directoryPath, logger: this.logger, github: this.github });
      this.onDiagnostics(repository, result.diagnostics);
      return result;
    });
  }

  /** Forget a repository's directory (its directory.yml or CODEOWNERS changed). */
  invalidate(repository?: string): void {
    if (repository) this.loaded.delete(repository);
    else this.loaded.clear();
  }

  /** The organisation's directory from GitHub changed (a background refresh): every directory reloads. */
  setGitHubSnapshot(snapshot: GitHubDirectorySnapshot | undefined): void {
    if (snapshot === this.github) return;
    this.github = snapshot;
    this.invalidate();
  }

  setDirectoryPath(directoryPath: string | undefined): void {
    if (directoryPath === this.directoryPath) return;
    this.directoryPath = directoryPath;
    this.invalidate();
  }
}
