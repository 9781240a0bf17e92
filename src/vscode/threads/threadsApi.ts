import type * as vscode from 'vscode';
import type { Community } from '../../core/communities/communityTypes';
import type { Thread } from '../../core/threads/threadTypes';

/** A repository's `.constellation/communities.yml`, as the threads feature loaded it. */
export interface CommunityConfig {
  root: string;
  /** Absolute path of the file when it exists. */
  file?: string;
  communities: readonly Community[];
}

/** The threads of one community's venue as last listed. */
export interface VenueThreads {
  community: string;
  /** The repository whose config declared the venue. */
  root: string;
  threads: readonly Thread[];
}

/**
 * What the threads feature offers the rest of the extension (the communities feature reads the
 * communities config and every venue's threads, GitHub ones included, without listing them again).
 * Starting a thread goes through the `constellation.threads.start` contract.
 */
export interface ThreadsApi {
  /** Each repository's communities config (its problems are already in the Problems view). */
  communityConfigs(roots: readonly string[]): Promise<CommunityConfig[]>;
  venueThreads(): VenueThreads[];
  /** A venue was listed again or a thread was posted. */
  readonly onDidChangeThreads: vscode.Event<void>;
  /** A communities.yml changed. */
  readonly onDidChangeCommunities: vscode.Event<void>;
}
