/** What {@link computeCommunityReport} reads, and its tunables. */
import type { OrgDirectory } from '../directory/orgDirectory';
import type { HistoryIndexData } from '../git/historyTypes';
import type { Pattern } from '../patterns/patternTypes';
import type { Thread } from '../threads/threadTypes';
import type { Community } from './communityTypes';

export interface RepositoryHistory {
  /** The name `repo:glob` code areas use (`billing` or `acme/billing`). */
  name: string;
  index: HistoryIndexData;
}

/** The threads of one community's venue. */
export interface CommunityThreads {
  community: string;
  threads: readonly Thread[];
}

export interface CommunityInputs {
  communities: readonly Community[];
  repositories: readonly RepositoryHistory[];
  /** The repository the config belongs to: unprefixed globs apply only there (all repositories when absent). */
  homeRepository?: string;
  /** Every known pattern; those whose `community` is a community's id belong to it. */
  patterns?: readonly Pattern[];
  threads?: readonly CommunityThreads[];
  /** Places people in teams and business units, and resolves GitHub logins and aliases to emails. */
  directory?: OrgDirectory;
}

export interface CommunityReportOptions {
  /** "Now", Unix seconds. */
  now: number;
  /** Start of the participation window, Unix seconds; default `now - windowDays`. */
  since?: number;
  /** Length of the window when `since` is not given (default 365). */
  windowDays?: number;
  /** Two people who changed the same file within this many days of each other are linked (default 90). */
  collaborationDays?: number;
  /** No commit for this many days makes a person former (default 180, as the expertise model). */
  formerAfterDays?: number;
  /** Core: eigenvector centrality at least this share of the most central person's (default 0.5). */
  coreThreshold?: number;
  /** Active: centrality at least this share of the maximum, or activity in `activeMonths` months (default 0.2). */
  activeThreshold?: number;
  /** Active: activity in at least this many distinct months of the window (default 3). */
  activeMonths?: number;
  /** A newcomer (first activity inside the window) must also have been active in these last days (default 90). */
  newcomerRecentDays?: number;
  /** A file pair must change together in at least this many commits of the window to be a gap (default 3). */
  minCoChanges?: number;
  /** At most this many coordination gaps (most co-changed first; default 50). */
  maxGaps?: number;
  /** At most this many files listed per island / orphan list (counts stay exact; default 50). */
  maxListedFiles?: number;
  /** Extra bot patterns, as the expertise model's `extraBots`. */
  extraBots?: readonly string[];
  /** Seed of the community detection's random order (default 1): same inputs, same proposals. */
  seed?: number;
}

export type ResolvedOptions = Required<Omit<CommunityReportOptions, 'since' | 'windowDays'>> & { since: number; windowDays: number };

export const DAY = 86_400;

/** The participation window when none is given: twelve months. */
export const DEFAULT_WINDOW_DAYS = 365;

export function resolveOptions(options: CommunityReportOptions): ResolvedOptions {
  const windowDays = options.since !== undefined ? Math.max(1, (options.now - options.since) / DAY) : options.windowDays ?? DEFAULT_WINDOW_DAYS;
  return {
    now: options.now,
    since: options.since ?? options.now - windowDays * DAY,
    windowDays,
    collaborationDays: options.collaborationDays ?? 90,
    formerAfterDays: options.formerAfterDays ?? 180,
    coreThreshold: options.coreThreshold ?? 0.5,
    activeThreshold: options.activeThreshold ?? 0.2,
    activeMonths: options.activeMonths ?? 3,
    newcomerRecentDays: options.newcomerRecentDays ?? 90,
    minCoChanges: options.minCoChanges ?? 3,
    maxGaps: options.maxGaps ?? 50,
    maxListedFiles: options.maxListedFiles ?? 50,
    extraBots: options.extraBots ?? [],
    seed: options.seed ?? 1,
  };
}

export function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
