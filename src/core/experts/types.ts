import type { Placement, Relationship } from '../directory/types';

/** Tunables of the expertise model; the editor maps `constellation.experts.*` settings onto them. */
export interface ExpertModelOptions {
  /** Half-life of a change's weight, in days. */
  halfLifeDays: number;
  /** A person with no commit in the repository for this many days is *former*. */
  formerAfterDays: number;
  /**
   * A file's *area* is its nearest parent folder with at least this many changes besides the
   * file's own: the people working there are ranked too, after evidence on the code itself.
   */
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
  /** The person's work in the target's area (its nearest parent folder with enough history). */
  area?: AreaEvidence;
  /** Folder queries: files under the folder this person added. */
  filesCreated?: number;
  /**
   * Changes to the files most often changed together with the target (only when the co-change
   * evidence is on, see coChangeEvidence.ts): how many of those files, how many changes.
   */
  coChanged?: { files: number; changes: number };
  /** The person's last commit anywhere in the repository (explains *former*). */
  lastActive?: number;
}

export interface AreaEvidence {
  /** Folder path without trailing slash; '' is the repository. */
  folder: string;
  changes: number;
  lastChange?: number;
}

/**
 * What an expert's place rests on: lines of the range they wrote (`lines`), changes to the file
 * (`file`), or only work in the surrounding folder (`area`). Folder queries rank by `area`.
 */
export type EvidenceKind = 'lines' | 'file' | 'area';

export interface RankedExpert {
  email: string;
  name: string;
  /** Comparable within one query only: 0..1, top expert = the highest. */
  score: number;
  evidence: ExpertEvidence;
  evidenceKind: EvidenceKind;
  /** One short human sentence: "wrote 62% of these lines · 14 changes to this file, last 3 weeks ago · created it". */
  explanation: string;
  /** No commit for `formerAfterDays`: flagged in the UI. */
  former: boolean;
  placement: Placement;
  relationship: Relationship;
}

export interface ExpertRanking {
  target: { path: string; startLine?: number; endLine?: number; kind: 'lines' | 'file' | 'folder' };
  /** Best first: the order the evaluation scores. */
  experts: RankedExpert[];
  /** How many people have any evidence (`experts` holds at most the query's limit). */
  total: number;
  /** The folder whose people were ranked as the target's area, and its changes. */
  area?: { folder: string; changes: number };
  /**
   * Everyone with evidence on the lines (or, for a file, on the file) is former: they lead the
   * list, flagged, and the active people of the area follow.
   */
  knowledgeAtRisk: boolean;
  /** The index this was computed from was still being built or is incomplete (shallow clone). */
  partial: boolean;
  historyIncomplete: boolean;
  /** Who CODEOWNERS says owns the path (team names where the directory knows the handle). */
  owners?: string[];
}
