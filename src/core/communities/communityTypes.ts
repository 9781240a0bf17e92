import type { Venue } from '../threads/threadTypes';

/** Leadership roles of a community of practice; each names people by email. */
export const LEADERSHIP_ROLES = ['inspirational', 'dayToDay', 'classificatory', 'interpersonal', 'boundary', 'institutional', 'cuttingEdge'] as const;
export type LeadershipRole = (typeof LEADERSHIP_ROLES)[number];

/** The YAML spelling of each role (`day-to-day`); camelCase is accepted too. */
export const ROLE_KEYS: Record<string, LeadershipRole> = {
  inspirational: 'inspirational',
  'day-to-day': 'dayToDay',
  dayToDay: 'dayToDay',
  classificatory: 'classificatory',
  interpersonal: 'interpersonal',
  boundary: 'boundary',
  institutional: 'institutional',
  'cutting-edge': 'cuttingEdge',
  cuttingEdge: 'cuttingEdge',
};

/** Wenger's stages of development of a community of practice. */
export const COMMUNITY_STAGES = ['potential', 'coalescing', 'active', 'dispersed', 'memorable'] as const;
export type CommunityStage = (typeof COMMUNITY_STAGES)[number];

/** How the organisation relates to the community, from invisible to reshaping the organisation. */
export const ORGANISATION_RELATIONSHIPS = ['unrecognized', 'bootlegged', 'legitimized', 'strategic', 'transformative'] as const;
export type OrganisationRelationship = (typeof ORGANISATION_RELATIONSHIPS)[number];

/**
 * A declared member: an email or a GitHub login (resolved through the org directory), with an
 * optional free-text role shown next to them ("coordinator", "sponsor"). Leadership roles go under
 * `leadership`; participation levels are computed, never declared.
 */
export interface CommunityMember {
  email?: string;
  github?: string;
  role?: string;
  /** 1-based line of the entry, for diagnostics and "go to definition". */
  line: number;
}

/** A code area: a glob, optionally limited to one repository (`repo:glob`). */
export interface CodeArea {
  repo?: string;
  glob: string;
}

export interface Community {
  id: string;
  name: string;
  description?: string;
  /** The joint enterprise, in words. */
  domain?: string;
  stage?: CommunityStage;
  relationship?: OrganisationRelationship;
  venue?: Venue;
  /** Pattern library source spec, passed to the patterns feature as is. */
  patterns?: string;
  codeAreas: CodeArea[];
  leadership: Partial<Record<LeadershipRole, string[]>>;
  /** Declared members (optional in the file: empty when absent). */
  members: CommunityMember[];
  /** 1-based line of the entry in the config file, for "go to definition". */
  line: number;
}
