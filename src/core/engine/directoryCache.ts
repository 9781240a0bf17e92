import { loadDirectory, OrgDirectory } from '../directory/orgDirectory';
import type { GitHubDirectorySnapshot } from '../directory/github/githubDirectoryTypes';
import type { ConfigDiagnostic } from '../directory/types';
import type { Logger } from '../logger';
import { PromiseCache } from '../util/promiseCache';

export interface LoadedDirectory {
  directory: OrgDirectory;
  diagnostics: ConfigDiagnostic[];
}

export type DirectoryLoader = typeof loadDirectory;

/**
 * One org directory per repository, loaded once and reloaded when told its files changed. The last
 * loaded one stays available (`current`) while a reload runs, so a hover never waits for a parse.
 */
export class DirectoryCache {
  private readonly loaded = new PromiseCache<LoadedDirectory>();
  private readonly last = new Map<string, LoadedDirectory>();
  private github: GitHubDirectorySnapshot | undefined;

  constructor(
    private readonly logger: Logger,
    private directoryPath: string | undefined,
    private readonly onDiagnostics: (repository: string, diagnostics: ConfigDiagnostic[]) => void = () => undefined,
    private readonly load: DirectoryLoader = loadDirectory,
  ) {}

  get(repository: string): Promise<LoadedDirectory> {
    return this.loaded.get(repository, async () => {
      const path = this.directoryPath;
      const result = await this.load(repository, { directoryPath: path, logger: this.logger, github: this.github });
      if (path === this.directoryPath) this.last.set(repository, result);
      this.onDiagnostics(repository, result.diagnostics);
      return result;
    });
  }

  /** The fresh directory if it is ready within `ms`, else the one known now (see `current`). */
  async within(repository: string, ms: number): Promise<LoadedDirectory> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    const fresh = await Promise.race([this.get(repository).catch(() => undefined), late]).finally(() => clearTimeout(timer));
    return fresh ?? this.current(repository);
  }

  /**
   * The directory as known now, never waiting: the last one loaded (even if a reload is under way),
   * else an empty one while the first load, started here if needed, runs.
   */
  current(repository: string): LoadedDirectory {
    const last = this.last.get(repository);
    void this.get(repository).catch((err: Error) => this.logger.warn(`directory of ${repository}: ${err.message}`));
    return last ?? { directory: OrgDirectory.empty(), diagnostics: [] };
  }

  /** Forget a repository's directory (its directory.yml or CODEOWNERS changed); `current` keeps the last one until the reload is done. */
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
    this.last.clear();
    this.invalidate();
  }
}
