/**
 * What the organisation feature offers the others, as types only: the communities feature takes
 * its cross-repository figures from `hubActivity` (for repositories not cloned here) and ranks
 * cloned ones with `rankCodeAreas(…, await org.repositories(), …)` (core/engine/multiRepoExperts).
 */
import type * as vscode from 'vscode';
import type { CodeArea } from '../../core/communities/communityTypes';
import type { WorkspaceRepository } from '../../core/engine/multiRepoExperts';
import type { HubAreaActivity } from '../../core/hub';
import type { HubStatus } from './hubService';

export interface HubActivityOptions {
  /**
   * The community report's home repository (the one whose communities.yml declares them): unprefixed
   * globs apply to it alone, and its directory and git identity give teams and relationships, as in
   * the report. Without it, the workspace's first repository.
   */
  home?: { root: string; name: string };
  /** Repositories whose figures come from their clones (leave them out of the hub's). */
  skipRepositories?: readonly string[];
  /** Wait for the hub to open (default: answer undefined while it loads). */
  wait?: boolean;
}

export interface OrgApi {
  /** Every repository of the workspace (multi-root folders, nested clones) with its `owner/name`. */
  repositories(): Promise<WorkspaceRepository[]>;
  /** Per-person activity in code areas from the hub index; undefined when no hub is set or it is not open yet. */
  hubActivity(areas: readonly CodeArea[], options?: HubActivityOptions): Promise<HubAreaActivity | undefined>;
  /** Whether a hub is set, open, loading or unavailable (and why), and when its index was generated. */
  hubStatus(): HubStatus;
  /** The hub index opened, changed or closed: figures from it may differ. */
  readonly onDidChangeHub: vscode.Event<void>;
}
