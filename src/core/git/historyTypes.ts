import type { CoChangeData } from './coChange';

/**
 * The shape of the per-repository history index, shared by the index builder (git/), the
 * expertise model (experts/) and the persistence layer. Times are Unix seconds (author date).
 * Person keys are lower-cased, mailmap-resolved emails.
 */

export interface PersonRecord {
  /** Canonical email (after .mailmap), lower-cased: the key used everywhere. */
  email: string;
  /** Canonical display name (after .mailmap). */
  name: string;
  /** Number of non-merge commits authored or co-authored in the whole repository. */
  commits: number;
  /** Author time of the person's first and last commit anywhere in the repository. */
  firstActive: number;
  lastActive: number;
}

/** What one person did to one file (after following renames to the file's current path). */
export interface FileContribution {
  /** Author times of every commit by this person that changed the file, ascending. */
  changeTimes: number[];
  /** True when this person's commit added the file (first authorship, FA in the DOA model). */
  created: boolean;
}

export interface FileHistory {
  /** Current path, repo-relative, forward slashes. */
  path: string;
  /** Email key of the person whose commit added the file, if the add is in the history. */
  creator?: string;
  /** Total number of commits (any person) that changed the file. */
  totalChanges: number;
  /** Person email key → contribution. */
  contributions: Map<string, FileContribution>;
}

export interface HistoryIndexData {
  /** Bumped on any incompatible change of the persisted form. */
  formatVersion: number;
  /** Absolute path of the repository (work tree top level, or git dir when bare). */
  repository: string;
  /** The commit the index reflects (empty string for an empty repository). */
  head: string;
  /** True when the repository is a shallow clone: history incomplete. */
  shallow: boolean;
  /** Number of commits read into the index. */
  commitCount: number;
  people: Map<string, PersonRecord>;
  /** Files that exist at `head` (deleted files are dropped; renamed ones carry their history). */
  files: Map<string, FileHistory>;
  /**
   * Which files changed together in each commit (see coChange.ts). Absent only in indexes made by
   * hand (tests); the builder always fills it.
   */
  coChange?: CoChangeData;
  /** Time the index was built or last updated (Unix seconds). */
  updatedAt: number;
}

/** Surviving lines attributed by `git blame` for a range, per person (mailmap-resolved). */
export interface BlameSummary {
  path: string;
  startLine: number;
  endLine: number;
  totalLines: number;
  /** Person email key → lines in the range last changed by that person. */
  linesByPerson: Map<string, number>;
  /** Person email key → display name seen in blame. */
  names: Map<string, string>;
  /** Person email key → most recent author time of their surviving lines in the range. */
  lastTimeByPerson: Map<string, number>;
  /** Lines not yet committed (dirty buffer or uncommitted changes). */
  uncommittedLines: number;
}
