/**
 * The `github:` and `export:` sections of directory.yml: where the organisation's teams come from
 * (and which of them form which business unit), and how much of a person an export may show.
 */
import type { Node } from 'yaml';
import { EntryReader, type DiagnosticSink } from '../util/yamlReader';

/** Nested GitHub teams: a root team with child teams stands for a business unit, or is just a team. */
export type ParentTeamsRule = 'businessUnits' | 'teams';

export interface GitHubDirectorySettings {
  /** The organisation login whose teams and members form the directory. */
  organization: string;
  /** Directory company the organisation's members belong to (default: one named after the organisation). */
  company?: string;
  parentTeams: ParentTeamsRule;
}

export type ExportIdentities = 'full' | 'login' | 'hashed';

export interface ExportSettings {
  /** The most an expertise summary may show of a person: names and emails, logins only, or hashes only. */
  identities: ExportIdentities;
}

const ORG = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;
const TEAM_HANDLE = /^@?[a-z\d](?:[a-z\d-]*)\/[a-z\d._-]+$/i;

/** Reads `github:`; undefined (with diagnostics) when the section cannot be used. */
export function readGithubSection(node: Node, sink: DiagnosticSink, companies: ReadonlySet<string>): GitHubDirectorySettings | undefined {
  const entry = new EntryReader(sink, node, 'github', { organization: 'string', company: 'string', parentTeams: 'string' }, ['organization']);
  const organization = entry.string('organization');
  if (organization !== undefined && !ORG.test(organization)) entry.fail(entry.valueNode('organization'), `github: "${organization}" is not a GitHub organisation login`);
  const company = entry.string('company');
  if (company !== undefined && !companies.has(company)) entry.fail(entry.valueNode('company'), `github: company "${company}" is not defined`);
  const rule = entry.string('parentTeams') ?? 'businessUnits';
  if (rule !== 'businessUnits' && rule !== 'teams') entry.fail(entry.valueNode('parentTeams'), `github: parentTeams must be "businessUnits" or "teams", found "${rule}"`);
  if (!entry.ok || organization === undefined) return undefined;
  const settings: GitHubDirectorySettings = { organization: organization.toLowerCase(), parentTeams: rule as ParentTeamsRule };
  if (company !== undefined) settings.company = company;
  return settings;
}

/** `githubTeams` of a business unit: `@org/team` handles, lower-cased, each mapped to one unit only. */
export function readGithubTeams(raw: string[], unit: string, claimed: Map<string, string>): { teams: string[]; problems: string[] } {
  const teams: string[] = [];
  const problems: string[] = [];
  for (const value of raw) {
    const handle = `@${value.replace(/^@/, '')}`.toLowerCase();
    if (!TEAM_HANDLE.test(handle)) problems.push(`business unit "${unit}": "${value}" is not a team handle like "@org/team" (ignored)`);
    else if (claimed.has(handle) && claimed.get(handle) !== unit) problems.push(`business unit "${unit}": team "${handle}" already forms business unit "${claimed.get(handle)}" (ignored here)`);
    else if (!teams.includes(handle)) {
      claimed.set(handle, unit);
      teams.push(handle);
    }
  }
  return { teams, problems };
}

/** Reads `export:`; an unknown mode is an error and the strictest mode (`hashed`) applies. */
export function readExportSection(node: Node, sink: DiagnosticSink): ExportSettings {
  const entry = new EntryReader(sink, node, 'export', { identities: 'string' }, []);
  const identities = entry.string('identities') ?? 'full';
  if (identities !== 'full' && identities !== 'login' && identities !== 'hashed') {
    sink.error(entry.valueNode('identities'), `export: identities must be "full", "login" or "hashed", found "${identities}"; "hashed" applies`);
    return { identities: 'hashed' };
  }
  return { identities };
}
