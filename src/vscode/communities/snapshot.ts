/**
 * A computed community report with what it was computed from: what the view and the pages read.
 * No editor import here or in the page renderers (pages/): the bench renders pages in plain Node.
 */
import type { CommunityIndex } from '../../core/communities/communityIndex';
import type { Community } from '../../core/communities/communityTypes';
import type { CommunityReport } from '../../core/communities/reportTypes';
import type { OrgDirectory } from '../../core/directory/orgDirectory';
import type { Pattern } from '../../core/patterns/patternTypes';
import type { Thread } from '../../core/threads/threadTypes';

export interface WorkspaceRepository {
  root: string;
  /** The name `repo:glob` code areas and the report use: `owner/name` of origin, else the folder's name. */
  name: string;
}

/** The threads of one community's venue (as the threads feature listed them). */
export interface SnapshotThreads {
  community: string;
  root: string;
  threads: readonly Thread[];
}

/** Everything a view or page needs besides the report itself. */
export interface GatheredContext {
  repositories: WorkspaceRepository[];
  /** The repository of the first communities.yml (else the first repository): unprefixed globs apply there. */
  home?: WorkspaceRepository;
  /** The config files found (empty: nothing declared, the view offers to create one). */
  configFiles: string[];
  /** Declared communities, merged over the repositories (first id wins). */
  communities: Community[];
  index: CommunityIndex;
  patterns: readonly Pattern[];
  threads: readonly SnapshotThreads[];
  directory?: OrgDirectory;
  notes: string[];
}

export interface CommunitySnapshot extends GatheredContext {
  key: string;
  report: CommunityReport;
  /** When it was computed (ms since epoch) and how long the worker took. */
  computedAt: number;
  computeMs: number;
}
