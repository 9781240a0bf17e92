/** What every feature stands on, built once by extension.ts and handed to each feature. */
import * as vscode from 'vscode';
import { GitRunner } from '../../core/git/gitRunner';
import type { Logger } from '../../core/logger';
import { Disposable } from './disposable';
import { GitHubDirectoryService } from './githubDirectory';
import { GitHubSession } from './githubSession';
import { ExternalOpener } from './links';
import { channelLogger } from './logging';
import { OrgDirectoryService } from './orgDirectory';
import { RepositoryRegistry } from './repositories';

export interface Platform {
  logger: Logger;
  /** The one git runner: identical concurrent calls from any feature share one process. */
  git: GitRunner;
  repositories: RepositoryRegistry;
  directory: OrgDirectoryService;
  github: GitHubSession;
  /** The organisation's teams from GitHub, merged into every directory with a `github:` section. */
  githubDirectory: GitHubDirectoryService;
  external: ExternalOpener;
  /** The extension's global storage folder (indexes, pattern caches, drafts). */
  storagePath: string;
  extensionUri: vscode.Uri;
  mode: vscode.ExtensionMode;
  /** Small per-workspace state (view choices such as the Experts view's scope). */
  workspaceState: vscode.Memento;
}

export class ExtensionPlatform extends Disposable implements Platform {
  readonly logger: Logger;
  readonly git: GitRunner;
  readonly repositories: RepositoryRegistry;
  readonly directory: OrgDirectoryService;
  readonly github: GitHubSession;
  readonly githubDirectory: GitHubDirectoryService;
  readonly external: ExternalOpener;
  readonly storagePath: string;
  readonly extensionUri: vscode.Uri;
  readonly mode: vscode.ExtensionMode;
  readonly workspaceState: vscode.Memento;

  constructor(context: vscode.ExtensionContext) {
    super();
    const channel = this.register(vscode.window.createOutputChannel('Constellation', { log: true }));
    this.logger = channelLogger(channel);
    this.register(vscode.commands.registerCommand('constellation.showLog', () => channel.show()));
    this.git = new GitRunner({ logger: this.logger, defaultTimeoutMs: 120_000 });
    this.repositories = this.register(new RepositoryRegistry(this.git, this.logger));
    this.directory = this.register(new OrgDirectoryService(this.repositories, this.logger));
    this.github = this.register(new GitHubSession(this.logger, context.extensionMode));
    this.external = this.register(new ExternalOpener(this.logger));
    this.storagePath = context.globalStorageUri.fsPath;
    this.githubDirectory = this.register(new GitHubDirectoryService(this.repositories, this.directory, this.github, this.storagePath, this.logger));
    this.extensionUri = context.extensionUri;
    this.mode = context.extensionMode;
    this.workspaceState = context.workspaceState;
  }
}
