/** The org directory of each repository, its problems in the Problems view, reloaded as its files change. */
import * as path from 'path';
import * as vscode from 'vscode';
import { DirectoryCache, type LoadedDirectory } from '../../core/engine/directoryCache';
import type { ConfigDiagnostic } from '../../core/directory/types';
import type { GitHubDirectorySnapshot } from '../../core/directory/github/githubDirectoryTypes';
import type { Logger } from '../../core/logger';
import { Debouncer } from '../../core/util/debounce';
import { affects, setting } from './configuration';
import { toEditorDiagnostic } from './configDiagnostics';
import { Disposable } from './disposable';
import type { GitRepository, RepositoryRegistry } from './repositories';

/** Besides the directory file itself: what else places people in teams. */
const ORG_FILES = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.mailmap'];

export class OrgDirectoryService extends Disposable {
  readonly cache: DirectoryCache;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('constellation-directory'));
  /** Files that had problems, per repository, so a reload clears the ones since fixed. */
  private readonly reported = new Map<string, vscode.Uri[]>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly changed = this.register(new vscode.EventEmitter<string>());
  /** A repository's directory (or CODEOWNERS, .mailmap) changed and was reloaded. */
  readonly onDidChange = this.changed.event;
  private readonly settle = this.register(new Debouncer(200));

  private github: GitHubDirectorySnapshot | undefined;

  constructor(private readonly registry: RepositoryRegistry, private readonly logger: Logger) {
    super();
    this.cache = new DirectoryCache(logger, setting('directory.path'), (repository, list) => this.publish(repository, list));
    this.register(registry.onDidAddRepository((repository) => this.watch(repository)));
    for (const repository of registry.known()) this.watch(repository);
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affects(e, 'directory.path')) return;
      this.cache.setDirectoryPath(setting('directory.path'));
      for (const repository of registry.known()) {
        this.unwatch(repository.root);
        this.watch(repository);
        void this.reload(repository.root);
      }
    }));
    this.register({ dispose: () => { for (const w of this.watchers.values()) w.dispose(); this.watchers.clear(); } });
  }

  get(repository: string): Promise<LoadedDirectory> {
    return this.cache.get(repository);
  }

  /** The organisation's teams and members from GitHub (GitHubDirectoryService): every directory reloads with them. */
  setGitHubSnapshot(snapshot: GitHubDirectorySnapshot | undefined): void {
    if (snapshot === this.github) return;
    this.github = snapshot;
    this.cache.setGitHubSnapshot(snapshot);
    for (const repository of this.registry.known()) this.changed.fire(repository.root);
  }

  get githubSnapshot(): GitHubDirectorySnapshot | undefined {
    return this.github;
  }

  /** Where the directory of a repository is read from (the setting, relative to the root). */
  fileOf(repository: string): string {
    const configured = setting('directory.path');
    return path.isAbsolute(configured) ? configured : path.join(repository, configured);
  }

  private watch(repository: GitRepository): void {
    if (this.watchers.has(repository.root)) return;
    const file = this.fileOf(repository.root);
    const inside = !path.relative(repository.root, file).startsWith('..');
    const globs = inside ? [path.relative(repository.root, file).split(path.sep).join('/'), ...ORG_FILES] : ORG_FILES;
    const own: vscode.Disposable[] = [];
    const add = (base: string, glob: string): void => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(base), glob));
      const onChange = (): void => this.settle.schedule(() => void this.reload(repository.root), repository.root);
      own.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
    };
    add(repository.root, `{${globs.join(',')}}`);
    // A directory kept outside the repository (an absolute setting) is watched where it is.
    if (!inside) add(path.dirname(file), path.basename(file));
    this.watchers.set(repository.root, vscode.Disposable.from(...own));
  }

  private unwatch(root: string): void {
    this.watchers.get(root)?.dispose();
    this.watchers.delete(root);
  }

  /** Reloads now, so the diagnostics follow the file as it is edited. */
  private async reload(root: string): Promise<void> {
    this.cache.invalidate(root);
    await this.cache.get(root).catch((err: unknown) => this.logger.warn(`directory of ${root}: ${err instanceof Error ? err.message : String(err)}`));
    this.changed.fire(root);
  }

  private publish(repository: string, list: ConfigDiagnostic[]): void {
    for (const uri of this.reported.get(repository) ?? []) this.diagnostics.delete(uri);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of list) {
      const file = path.isAbsolute(d.file) ? d.file : path.join(repository, d.file);
      byFile.set(file, [...(byFile.get(file) ?? []), toEditorDiagnostic(d)]);
      this.logger.warn(`${d.file}:${d.line}:${d.column}: ${d.message}`);
    }
    const uris: vscode.Uri[] = [];
    for (const [file, diagnostics] of byFile) {
      const uri = vscode.Uri.file(file);
      this.diagnostics.set(uri, diagnostics);
      uris.push(uri);
    }
    this.reported.set(repository, uris);
  }
}
