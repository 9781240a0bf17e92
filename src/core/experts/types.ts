import type { Placement, Relationship } from '../directory/types';

/** Tunables of the expertise model; the editor maps `constellation.experts.*` settings onto them. */
export interface ExpertModelOptions {
  /** Half-life of a change's weight, in days. */
  halfLifeDays: number;
  /** A person with no commit in the repository for this many days is *former*. */
  formerAfterDays: number;
  /** Files with fewer changes than this borrow evidence from their parent folders. */
  backoffMinChanges: number;
  /** Extra bot patterns (case-insensitive substrings of email or name) on top of the built-ins. */
  extraBots: string[];
  /** "Now" for recency, Unix seconds (tests and `--at` replay set it). */
  now: number;
}

/** The measurable facts behind a ranking, kept so explanations never invent anything. */
export interface ExpertEvidence {
  /** Share (0..1) of the queried lines whose surviving version this person wrote (blame). */
  blameShare?: number;
  blameLines?: number;
  /** Changes to the file (or, for a folder, to files under it). */
  changes: number;
  lastChange?: number;
  /** The person's commit added the file. */
  created: boolean;
  /** Degree-of-Authorship, raw (Fritz/Avelino). */
  doa?: number;
  /** Evidence borrowed from this parent folder because the file had little history. */
  backoffFolder?: string;
  /** Changes under `backoffFolder` and the latest of them (only with `backoffFolder`). */
  folderChanges?: number;
  folderLastChange?: number;
  /** Folder queries: files under the folder this person added. */
  filesCreated?: number;
  /** The person's last commit anywhere in the repository (explains *former*). */
  lastActive?: number;
}

export interface RankedExpert {
  email: string;
  name: string;
  /** Comparable within one query only: 0..1, top expert = the highest. */
  score: number;
  evidence: ExpertEvidence;
  /** One short human sentence: "wrote 62% of these lines · 14 changes to this file, last 3 weeks ago · created it". */
  explanation: string;
  /** No commit for `formerAfterDays`: ranked down, flagged in the UI. */
  former: boolean;
  placement: Placement;
  relationship: Relationship;
}

export interface ExpertRanking {
  target: { path: string; startLine?: number; endLine?: number; kind: 'lines' | 'file' | 'folder' };
  experts: RankedExpert[];
  /** Every ranked expert is former: nobody active knows this code. */
  knowledgeAtRisk: boolean;
  /** The index this was computed from was still being built or is incomplete (shallow clone). */
  partial: boolean;
  historyIncomplete: boolean;
  /** Who CODEOWNERS says owns the path (team names where the directory knows the handle). */
  owners?: string[];
}
