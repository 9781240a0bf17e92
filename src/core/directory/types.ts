/** The org directory: people → teams → business units → companies. */

/** How an expert stands relative to you. These words are the product's vocabulary. */
export type Relationship = 'your-team' | 'other-team' | 'other-business-unit' | 'other-company' | 'unknown';

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  'your-team': 'your team',
  'other-team': 'other team',
  'other-business-unit': 'other business unit',
  'other-company': 'other company',
  unknown: 'unknown',
};

export interface Company { id: string; name: string; domains: string[] }
export interface BusinessUnit {
  id: string;
  name: string;
  company: string;
  /** `@org/team` handles of GitHub teams that (with their child teams) form this unit. */
  githubTeams?: string[];
}
/**
 * `businessUnit` places the team in a unit (and through it in a company); a team of a company without
 * business units names its `company` directly instead. `github` is the `@org/team` handle CODEOWNERS uses.
 */
export interface Team { id: string; name: string; businessUnit?: string; company?: string; github?: string }

/** Where a person sits in the organisation, as far as the directory knows. */
export interface Placement {
  email: string;
  name?: string;
  github?: string;
  team?: Team;
  businessUnit?: BusinessUnit;
  company?: Company;
}

/** A problem in a configuration file: the one YAML reader owns the type. */
export type { ConfigDiagnostic } from '../util/yamlReader';
