/**
 * The expertise summary of one repository (`constellation export`): compact, versioned, and free
 * of source code. Hub merges read thousands of them, so rows are positional tuples.
 */

export const SUMMARY_KIND = 'constellation.expertiseSummary';
/** Bumped on any incompatible change; readers refuse other versions with a clear message. */
export const SUMMARY_FORMAT_VERSION = 1;

/** How much of a person a summary may show, most open first. */
export const IDENTITY_MODES = ['full', 'login', 'hashed'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

/** A named place in the organisation, as the exporting repository's directory knew it. */
export interface SummaryPlace { id: string; name: string }

export interface SummaryPerson {
  /** Stable key within the org: the email (full), `@login` (login) or `h:<hash>` (hashed, or login mode without a login). */
  key: string;
  name?: string;
  email?: string;
  login?: string;
  team?: SummaryPlace;
  businessUnit?: SummaryPlace & { company?: string };
  company?: SummaryPlace;
  commits: number;
  /** Unix seconds of the person's last commit in the repository. */
  lastActive: number;
}

/**
 * One expert of a path: `[personIndex, score 0..1000, changes, lastChange, flags]`, flags bit 0 =
 * created the file (for a folder: created at least one file under it).
 */
export type SummaryExpert = [number, number, number, number, number];

/**
 * A file or folder: `[path, kind, changes, lastActivity, firstAuthors, experts]`. Folders end
 * without a slash; '' is the repository root. `firstAuthors` are person indexes (the file's
 * creator; a folder's people who created the most files under it).
 */
export type SummaryPath = [string, 'f' | 'd', number, number, number[], SummaryExpert[]];

export type Ecosystem = 'npm' | 'go' | 'cargo' | 'pypi' | 'maven';

export interface SummaryPackage {
  ecosystem: Ecosystem;
  /** As a consumer writes it: `@acme/http`, `example.com/acme/http`, `acme-http`, `com.acme:http`. */
  name: string;
  /** Folder of the manifest, repository-relative ('' = root). */
  path: string;
  manifest: string;
  /** Python: top-level modules an `import` names (`acme_http`); absent for other ecosystems. */
  modules?: string[];
}

/**
 * A community whose code areas touch the repository. `figures` is the seam for the communities
 * feature (health, participation...): its producer fills it, readers show what they know.
 */
export interface SummaryCommunity {
  id: string;
  name: string;
  codeAreas: string[];
  figures?: Record<string, number | string>;
}

export interface ExpertiseSummary {
  kind: typeof SUMMARY_KIND;
  formatVersion: number;
  repository: {
    /** `owner/name` from the remote, else the folder name. */
    name: string;
    /** Web URL of the remote, credentials dropped. */
    remote?: string;
    head: string;
    /**
     * The root commits of the head's history, sorted; absent for a shallow clone, whose roots are
     * only where the clone was cut. Two summaries of one name with no root in common are two
     * repositories.
     */
    roots?: string[];
  };
  /** When the file was written; the only field that differs between two exports of the same head. */
  generatedAt: string;
  /** "Now" of the model, Unix seconds: the last commit's time, so one head always gives one summary. */
  asOf: number;
  identities: IdentityMode;
  history: { commits: number; shallow: boolean };
  /** Experts kept per path. */
  limit: number;
  people: SummaryPerson[];
  paths: SummaryPath[];
  packages: SummaryPackage[];
  communities?: SummaryCommunity[];
}
