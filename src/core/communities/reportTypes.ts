/**
 * The community report: every figure of every community, as plain JSON-serialisable data (no Maps,
 * no class instances, dates as ISO strings). This is the contract the editor's Communities view,
 * the community page, the CLI (`--format json`) and the org export read; README documents it.
 * People are keyed by their canonical lower-cased email, or `@login` / `name:Name` when a thread
 * participant could not be matched to an email.
 */
import type { CommunityStage, LeadershipRole, OrganisationRelationship } from './communityTypes';

export const COMMUNITY_REPORT_VERSION = 1;

export type ParticipationLevel = 'core' | 'active' | 'peripheral' | 'newcomer';
export const PARTICIPATION_LEVELS: readonly ParticipationLevel[] = ['core', 'active', 'peripheral', 'newcomer'];

export type InferredStage = 'growing' | 'sustained' | 'declining' | 'mostly-former' | 'no-activity';

export interface CommunityReport {
  version: typeof COMMUNITY_REPORT_VERSION;
  /** "Now" of the computation (ISO). */
  generatedAt: string;
  window: { since: string; until: string; days: number };
  repositories: RepositoryFigures[];
  /** Everyone who appears anywhere in the report, by key. */
  people: Record<string, PersonFigures>;
  communities: CommunityFigures[];
  boundarySpanners: BoundarySpanner[];
  teamMatrix: TeamMatrix;
  coordinationGaps: CoordinationGap[];
  proposals: ProposedCommunity[];
  constellation: ConstellationMap;
  /** What the figures could not use (missing co-change data, unreadable venues…), for the reader. */
  notes: string[];
}

export interface RepositoryFigures {
  name: string;
  head: string;
  commits: number;
  shallow: boolean;
  /** False when the index has no co-change data (coordination gaps and co-change hints skip it). */
  coChange: boolean;
}

export interface TeamRef {
  id: string;
  name: string;
}

export interface PersonFigures {
  key: string;
  name: string;
  email?: string;
  github?: string;
  team?: TeamRef;
  businessUnit?: TeamRef;
  /** Last activity anywhere in the workspace's repositories or threads (ISO), if known. */
  lastActive?: string;
  /** No commit for `formerAfterDays`. */
  former: boolean;
  communities: Array<{ id: string; level: ParticipationLevel }>;
  boundarySpanner: boolean;
}

export interface CommunityFigures {
  id: string;
  name: string;
  domain?: string;
  description?: string;
  declared: { stage?: CommunityStage; relationship?: OrganisationRelationship };
  stage: StageFigures;
  /** Files at head matching the community's code areas, per repository. */
  files: Array<{ repository: string; files: number }>;
  /** Ids of the patterns whose `community` is this one. */
  patterns: string[];
  threads: { total: number; inWindow: number; open: number };
  /** Participants in the window, core first, then by centrality. */
  members: MemberFigures[];
  counts: Record<ParticipationLevel, number> & { former: number; silentDeclared: number };
  /** Declared members with no activity in the window (keys). */
  silentMembers: string[];
  participationOverTime: MonthlyActivity[];
  leadership: LeadershipEntry[];
  boundary: BoundaryFigures;
  knowledge: KnowledgeAtRisk;
  /** Ids of the coordination gaps with a file of this community on either side. */
  gaps: string[];
}

export interface MemberFigures {
  person: string;
  level: ParticipationLevel;
  /** Eigenvector centrality in the community's collaboration network, the most central = 1. */
  centrality: number;
  declaredMember: boolean;
  declaredRole?: string;
  evidence: ParticipationEvidence;
}

export interface ParticipationEvidence {
  /** Distinct commits (author times) changing the community's files in the window. */
  commits: number;
  files: number;
  /** Commits to the community's pattern documents in the window. */
  patternCommits: number;
  patternsMaintained: string[];
  threadsStarted: number;
  replies: number;
  /** Distinct people linked to this one in the collaboration network. */
  collaborators: number;
  activeMonths: number;
  activeWeeks: number;
  firstActivity?: string;
  lastActivity?: string;
}

export interface MonthlyActivity {
  /** `YYYY-MM` (UTC). */
  month: string;
  commits: number;
  threadPosts: number;
  people: number;
}

export interface StageFigures {
  declared?: CommunityStage;
  inferred: InferredStage;
  /** One sentence putting both side by side. */
  summary: string;
  evidence: {
    firstHalfActivity: number;
    secondHalfActivity: number;
    participants: number;
    /** People with activity in the window of the same length before this one. */
    previousParticipants: number;
    /** Of those, people with no activity in this window. */
    departed: number;
    newcomers: number;
    /** Commits and posts in the previous window. */
    previousActivity: number;
    /** Share (0..1) of the previous window's activity that came from people who have left. */
    departedShare: number;
  };
}

export interface LeadershipEntry {
  role: LeadershipRole;
  person: string;
  source: 'declared' | 'inferred';
  /** Why an inferred role was given (sentences); empty for declared roles. */
  evidence: string[];
}

export interface BoundaryFigures {
  /** Participants who are boundary spanners (keys). */
  spanners: string[];
  /** Share (0..1) of the known-team activity that comes from the largest team; null without teams. */
  insularity: number | null;
  largestTeam?: TeamRef & { share: number };
  teamShares: Array<{ team: TeamRef | null; activity: number; share: number }>;
  /** Share of the activity by people whose team the directory knows. */
  knownTeamShare: number;
}

export interface BoundarySpanner {
  person: string;
  /** Communities where the person is core or active. */
  communities: Array<{ id: string; level: ParticipationLevel }>;
  /** Teams (other than their own) of their collaborators. */
  teamsReached: TeamRef[];
  businessUnitsReached: TeamRef[];
  /** Normalised betweenness in the workspace collaboration network (0..1). */
  betweenness: number;
  reasons: string[];
}

export interface KnowledgeAtRisk {
  files: number;
  /** Avelino et al.'s truck factor over the community's files, counting active authors only. */
  truckFactor: number;
  /** The people removed by the greedy algorithm, in order (their leaving orphans > 50% of the files). */
  truckFactorPeople: string[];
  /** The classic figure, counting former authors as if they were still here (what the code's history alone says). */
  historicalTruckFactor: number;
  /** Files whose authorship rests on one active person that nobody else active has touched. */
  islands: FileList;
  /** Files whose every author is former. */
  orphaned: FileList;
  /** Island files per owner, most first. */
  islandsByPerson: Array<{ person: string; files: number }>;
}

export interface FileList {
  count: number;
  /** The most changed first, at most `maxListedFiles`. */
  files: AtRiskFile[];
}

export interface AtRiskFile {
  repository: string;
  path: string;
  /** DOA authors (keys), active ones first. */
  authors: string[];
  suggestion?: LearnerSuggestion;
}

export interface LearnerSuggestion {
  person: string;
  level: ParticipationLevel;
  reason: string;
}

export interface CoordinationGap {
  id: string;
  repository: string;
  /** Commits in the window that changed both files. */
  coChanges: number;
  lastCoChange: string;
  /** Which lines the pair crosses. */
  crosses: Array<'community' | 'team'>;
  sides: [GapSide, GapSide];
  suggestedThread: { title: string; community?: string; participants: string[] };
}

export interface GapSide {
  path: string;
  communities: string[];
  teams: TeamRef[];
  /** The file's active authors and main recent contributors (keys). */
  people: string[];
}

export interface ProposedCommunity {
  id: string;
  name: string;
  people: string[];
  teams: TeamRef[];
  /** False when the directory places fewer than two of the people in teams. */
  teamsKnown: boolean;
  /** Code areas as `communities.yml` writes them (`repo:glob` outside the home repository). */
  areas: string[];
  /** Changes by the people to the areas in the window. */
  activity: number;
  /** Share (0..1) of that activity on files some declared community already covers. */
  coveredShare: number;
  /** A `communities.yml` document with this one entry, ready to paste and edit. */
  draftYaml: string;
}

export interface ConstellationMap {
  nodes: Array<{ id: string; name: string; kind: 'declared' | 'potential'; participants: number; core: number }>;
  /** Communities linked by the boundary spanners (or, for potential ones, the people) they share. */
  links: Array<{ source: string; target: string; people: string[] }>;
}

export interface TeamMatrix {
  /** Rows; `null` collects people the directory places in no team. */
  teams: Array<TeamRef | null>;
  communities: string[];
  /** participants[team][community] */
  participants: number[][];
  /** core[team][community] */
  core: number[][];
}
