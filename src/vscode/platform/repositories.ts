/** One registry of the git repositories the editor works in: location, HEAD, config, one watcher each. */
import * as path from 'path';
import * as vscode from 'vscode';
import { discoverRepositoryRoots, type DiscoverOptions } from '../../core/git/discoverRepositories';
import type { GitRunner } from '../../core/git/gitRunner';
import { findRepository, resolveHead } from '../../core/git/repository';
import { readRepositoryConfig, type RepositoryConfig } from '../../core/git/repositoryConfig';
import type { Logger } from '../../core/logger';
import { repositoryIdentity, type RepositoryIdentity } from '../../core/repositories/repositoryName';
import { Debouncer } from '../../core/util/debounce';
import { PromiseCache } from '../../core/util/promiseCache';
import { Disposable } from './disposable';

/** Several ref files change in one git operation; tell listeners once they settle. */
const SETTLE_MS = 300;

/** A work tree (main, linked worktree or submodule) and what features ask of it. */
export class GitRepository extends Disposable {
  private readonly headChanged = this.register(new vscode.EventEmitter<void>());
  private readonly configChanged = this.register(new vscode.EventEmitter<void>());
  /** HEAD moved: a commit, a checkout, a pull, a rebase (watched in this work tree's own git dir). */
  readonly onDidChangeHead = this.headChanged.event;
  /** Remotes or identity may have changed. */
  readonly onDidChangeConfig = this.configChanged.event;
  private headValue: Promise<string | undefined> | undefined;
  private configValue: Promise<RepositoryConfig> | undefined;
  private identityValue: Promise<RepositoryIdentity> | undefined;
  private readonly settle = this.register(new Debouncer(SETTLE_MS));

  constructor(readonly root: string, readonly gitDir: string, readonly commonDir: string, private readonly git: GitRunner) {
    super();
    // HEAD lives in the work tree's own git dir; branches, packed refs and config in the common one.
    this.watch(gitDir, gitDir === commonDir ? '{HEAD,packed-refs,refs/heads/**,config}' : 'HEAD');
    if (gitDir !== commonDir) this.watch(commonDir, '{packed-refs,refs/heads/**,config}');
  }

  /** The commit HEAD points to (undefined in an empty repository); cached until HEAD moves. */
  head(signal?: AbortSignal): Promise<string | undefined> {
    this.headValue ??= resolveHead(this.git, this.root, signal).catch((err: unknown) => {
      this.headValue = undefined;
      throw err;
    });
    return this.headValue;
  }

  /** Remotes and git identity; cached until the config changes. */
  config(): Promise<RepositoryConfig> {
    this.configValue ??= readRepositoryConfig(this.git, this.root).catch(() => ({ remotes: [] }));
    return this.configValue;
  }

  /** `owner/name` from the remote (the name `repo:glob` code areas and hub shards use); cached until the config changes. */
  identity(): Promise<RepositoryIdentity> {
    this.identityValue ??= repositoryIdentity(this.git, this.root);
    return this.identityValue;
  }

  async userEmail(): Promise<string | undefined> {
    return (await this.config()).userEmail;
  }

  private watch(folder: string, glob: string): void {
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), glob)));
    const changed = (uri: vscode.Uri): void => {
      if (path.basename(uri.fsPath) === 'config') {
        this.configValue = undefined;
        this.identityValue = undefined;
        this.settle.schedule(() => this.configChanged.fire(), 'config');
        return;
      }
      this.headValue = undefined;
      this.settle.schedule(() => this.headChanged.fire(), 'head');
    };
    this.register(watcher.onDidChange(changed));
    this.register(watcher.onDidCreate(changed));
    this.register(watcher.onDidDelete(changed));
  }
}

export interface FileInRepository {
  repository: GitRepository;
  /** Relative to the work-tree root, forward slashes. */
  relativePath: string;
}

/**
 * Maps documents and folders to their repository (one `git rev-parse` per folder) and keeps one
 * GitRepository per work tree. No git runs in an untrusted workspace.
 */
export class RepositoryRegistry extends Disposable {
  private readonly byFolder = new PromiseCache<GitRepository | undefined>();
  private readonly byRoot = new Map<string, GitRepository>();
  private discovered: Promise<{ repositories: GitRepository[]; truncated: boolean }> | undefined;
  private readonly added = this.register(new vscode.EventEmitter<GitRepository>());
  private readonly headChanged = this.register(new vscode.EventEmitter<GitRepository>());
  private readonly configChanged = this.register(new vscode.EventEmitter<GitRepository>());
  readonly onDidAddRepository = this.added.event;
  /** HEAD of some repository moved. */
  readonly onDidChangeHead = this.headChanged.event;
  readonly onDidChangeConfig = this.configChanged.event;

  constructor(readonly git: GitRunner, private readonly logger: Logger) {
    super();
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => {
      this.byFolder.clear();
      this.discovered = undefined;
    }));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => (this.discovered = undefined)));
    // A clone added or removed inside a workspace folder.
    const clones = this.register(vscode.workspace.createFileSystemWatcher('**/.git', false, true, false));
    const forget = (): void => {
      this.discovered = undefined;
      this.byFolder.clear();
    };
    this.register(clones.onDidCreate(forget));
    this.register(clones.onDidDelete(forget));
  }

  async locate(uri: vscode.Uri, signal?: AbortSignal): Promise<FileInRepository | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const repository = await this.open(path.dirname(uri.fsPath), signal);
    if (!repository) return undefined;
    const relativePath = path.relative(repository.root, uri.fsPath).split(path.sep).join('/');
    if (relativePath.startsWith('..')) return undefined;
    return { repository, relativePath };
  }

  /** The work tree containing a folder, if any (bare repositories are not work trees). */
  open(folder: string, signal?: AbortSignal): Promise<GitRepository | undefined> {
    if (!vscode.workspace.isTrusted) return Promise.resolve(undefined);
    return this.byFolder.get(folder, () =>
      findRepository(this.git, folder, signal).then(
        (found) => (found && !found.bare ? this.adopt(found.root, found.gitDir, found.commonDir) : undefined),
        (err: unknown) => {
          this.logger.debug(`no repository for ${folder}: ${err instanceof Error ? err.message : String(err)}`);
          return undefined;
        },
      ));
  }

  /** The repositories of the workspace folders (one each at most), in folder order. */
  async workspaceRepositories(): Promise<GitRepository[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const found = await Promise.all(folders.map((f) => this.open(f.uri.fsPath)));
    return unique(found);
  }

  /** The next discover() walks the folders again (a watcher event can come late or not at all on a busy machine). */
  forgetDiscovered(): void {
    this.discovered = undefined;
  }

  /**
   * Every repository of a multi-root workspace, including ones nested inside a folder (a bounded
   * walk that skips node_modules, build output and hidden folders). The default walk is kept until
   * the workspace folders change or a `.git` appears or goes: features ask for it often.
   */
  discover(options: DiscoverOptions = {}): Promise<{ repositories: GitRepository[]; truncated: boolean }> {
    if (!vscode.workspace.isTrusted) return Promise.resolve({ repositories: [], truncated: false });
    const custom = options.maxDepth !== undefined || options.maxFolders !== undefined || options.signal !== undefined;
    if (custom) return this.walk(options);
    this.discovered ??= this.walk({}).catch((err: unknown) => {
      this.discovered = undefined;
      throw err;
    });
    return this.discovered;
  }

  private async walk(options: DiscoverOptions): Promise<{ repositories: GitRepository[]; truncated: boolean }> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const { roots, truncated } = await discoverRepositoryRoots(folders, options);
    const enclosing = await this.workspaceRepositories();
    const nested = await Promise.all(roots.map((root) => this.open(root, options.signal)));
    return { repositories: unique([...enclosing, ...nested]), truncated };
  }

  /** Repositories found so far. */
  known(): GitRepository[] {
    return [...this.byRoot.values()];
  }

  get(root: string): GitRepository | undefined {
    return this.byRoot.get(root);
  }

  private adopt(root: string, gitDir: string, commonDir: string): GitRepository {
    let repository = this.byRoot.get(root);
    if (!repository) {
      const created = this.register(new GitRepository(root, gitDir, commonDir, this.git));
      this.register(created.onDidChangeHead(() => this.headChanged.fire(created)));
      this.register(created.onDidChangeConfig(() => this.configChanged.fire(created)));
      this.byRoot.set(root, created);
      this.added.fire(created);
      repository = created;
    }
    return repository;
  }
}

function unique(list: Array<GitRepository | undefined>): GitRepository[] {
  return [...new Set(list.filter((r): r is GitRepository => r !== undefined))];
}
