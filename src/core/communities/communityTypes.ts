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

/** A code area: a glob, optionally limited to one repository (`repo:glob`). */
export interface CodeArea {
  repo?: string;
  glob: string;
}

export interface Community {
  id: string;
  name: string;
  description?: string;
  domain?: string;
  venue?: Venue;
  /** Pattern library source spec, passed to the patterns feature as is. */
  patterns?: string;
  codeAreas: CodeArea[];
  leadership: Partial<Record<LeadershipRole, string[]>>;
  /** 1-based line of the entry in the config file, for "go to definition". */
  line: number;
}
