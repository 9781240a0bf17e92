import { loadDirectory } from '../directory/orgDirectory';
import type { OrgDirectory } from '../directory/orgDirectory';
import type { ConfigDiagnostic } from '../directory/types';
import type { Logger } from '../logger';

export interface LoadedDirectory {
  directory: OrgDirectory;
  diagnostics: ConfigDiagnostic[];
}

/** One org directory per repository, loaded once and reloaded when told its files changed. */
export class DirectoryCache {
  private readonly loaded = new Map<string, Promise<LoadedDirectory>>();

  constructor(
    private readonly logger: Logger,
    private directoryPath: string | undefined,
    private readonly onDiagnostics: (repository: string, diagnostics: ConfigDiagnostic[]) => void = () => undefined,
  ) {}

  get(repository: string): Promise<LoadedDirectory> {
    let pending = this.loaded.get(repository);
    if (!pending) {
      pending = loadDirectory(repository, { directoryPath: this.directoryPath, logger: this.logger }).then((result) => {
        this.onDiagnostics(repository, result.diagnostics);
        return result;
      });
      this.loaded.set(repository, pending);
    }
    return pending;
  }

  /** Forget a repository's directory (its directory.yml or CODEOWNERS changed). */
  invalidate(repository?: string): void {
    if (repository) this.loaded.delete(repository);
    else this.loaded.clear();
  }

  setDirectoryPath(directoryPath: string | undefined): void {
    if (directoryPath === this.directoryPath) return;
    this.directoryPath = directoryPath;
    this.invalidate();
  }
}
