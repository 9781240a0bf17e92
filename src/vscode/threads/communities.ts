import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { CommunityIndex } from '../../core/communities/communityIndex';
import type { Community } from '../../core/communities/communityTypes';
import { COMMUNITIES_FILE, loadCommunities } from '../../core/communities/loadCommunities';
import type { Logger } from '../../core/logger';
import type { Venue } from '../../core/threads/threadTypes';
import { toEditorDiagnostic } from '../platform/configDiagnostics';
import { PromiseCache } from '../../core/util/promiseCache';

export interface RepositoryCommunities {
  root: string;
  index: CommunityIndex;
  /** The config file, when it exists. */
  file?: string;
}

/** A community with a venue, and the repository whose config declared it. */
export interface VenueEntry {
  community: Community;
  venue: Venue;
  root: string;
}

/**
 * `.constellation/communities.yml` of every repository in the workspace, reloaded when the file
 * changes; its problems go to the Problems view at their lines.
 */
export class CommunitiesController implements vscode.Disposable {
  private readonly byRoot = new PromiseCache<RepositoryCommunities>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('constellation-communities');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/.constellation/communities.yml');

  constructor(private readonly logger: Logger) {
    const reload = (uri: vscode.Uri): void => {
      this.byRoot.delete(path.dirname(path.dirname(uri.fsPath)));
      this.changed.fire();
    };
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  forRepository(root: string): Promise<RepositoryCommunities> {
    return this.byRoot.get(root, () => this.load(root));
  }

  /** Every community with a venue across the given repositories (deduplicated by id and venue). */
  async venues(roots: readonly string[]): Promise<VenueEntry[]> {
    const seen = new Set<string>();
    const result: VenueEntry[] = [];
    for (const root of roots) {
      for (const community of (await this.forRepository(root)).index.communities) {
        if (!community.venue) continue;
        const key = `${community.id}\0${JSON.stringify(community.venue)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        result.push({ community, venue: community.venue, root });
      }
    }
    return result;
  }

  private async load(root: string): Promise<RepositoryCommunities> {
    const config = await loadCommunities(root, this.logger);
    const file = vscode.Uri.file(path.join(root, COMMUNITIES_FILE));
    this.diagnostics.set(file, config.diagnostics.map(toEditorDiagnostic));
    const exists = await fs.access(file.fsPath).then(() => true, () => false);
    return { root, index: new CommunityIndex(config.communities), ...(exists ? { file: file.fsPath } : {}) };
  }

  dispose(): void {
    this.watcher.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
