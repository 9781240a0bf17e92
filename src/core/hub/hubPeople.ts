/** The people a hub's summaries name, as the reader's directory places them: shared by every hub query. */
import type { OrgDirectory } from '../directory/orgDirectory';
import type { Placement } from '../directory/types';
import type { SummaryPerson } from '../summary/summaryTypes';

export interface HubPerson {
  /** Merges one person across repositories: `@login`, else the email, else the summary's hash (see mergeKey). */
  key: string;
  name: string;
  email?: string;
  login?: string;
  placement: Placement;
  lastActive: number;
}

/**
 * One person across repositories: the GitHub login wins (two emails, one login → one person);
 * then the reader's directory, when it lists the email; then the hub's joins (people.json).
 */
export function mergeKey(person: SummaryPerson, directory: OrgDirectory | undefined, joins?: ReadonlyMap<string, string>): string {
  const login = person.login ?? (person.email && directory ? directory.placementOf({ email: person.email }).github : undefined);
  if (login) return `@${login.toLowerCase()}`;
  const listed = person.email !== undefined && directory?.personByEmail(person.email) !== undefined;
  const joined = listed ? undefined : joins?.get(person.key);
  if (joined) return joined;
  if (person.email) return directory ? directory.canonicalEmail(person.email) : person.email;
  return person.key;
}

export function describePerson(key: string, person: SummaryPerson, directory: OrgDirectory | undefined): HubPerson {
  const fromSummary: Placement = { email: person.email ?? '' };
  if (person.team) fromSummary.team = { id: person.team.id, name: person.team.name, ...(person.businessUnit ? { businessUnit: person.businessUnit.id } : {}) };
  if (person.businessUnit) fromSummary.businessUnit = { id: person.businessUnit.id, name: person.businessUnit.name, company: person.businessUnit.company ?? person.company?.id ?? '' };
  if (person.company) fromSummary.company = { id: person.company.id, name: person.company.name, domains: [] };
  // Joined by login (people.json), a person whose summary had none still has it.
  const login = person.login ?? (key.startsWith('@') ? key.slice(1) : undefined);
  let placement = fromSummary;
  if (directory && (person.email || login)) {
    const known = directory.placementOf({ email: person.email ?? '', github: login });
    // The reader's directory knows where someone sits now; the summary, where they sat at export.
    if (known.team || known.company) placement = { ...fromSummary, ...known };
    else if (known.name) placement = { ...fromSummary, name: known.name };
  }
  const name = placement.name ?? person.name ?? person.login ?? person.email ?? `someone (${person.key.slice(0, 10)})`;
  const described: HubPerson = { key, name, placement, lastActive: person.lastActive };
  if (person.email) described.email = person.email;
  const shownLogin = login ?? placement.github;
  if (shownLogin) described.login = shownLogin;
  return described;
}

/**
 * The name to show for a person seen again in another repository: a full name over a handle
 * (`uzlopak` in one history, `Aras Abbasi` in another), whichever repository came first. A name
 * the reader's directory gave stays.
 */
export function fullerName(shown: HubPerson, person: SummaryPerson): string {
  const candidate = person.name?.trim();
  if (shown.placement.name || !candidate || shown.name.includes(' ') || !candidate.includes(' ')) return shown.name;
  return candidate;
}

/** Where you sit, for relationships; undefined without a directory or an identity. */
export function placementOfYou(you: { email?: string; login?: string } | undefined, directory: OrgDirectory | undefined): Placement | undefined {
  return you && (you.email || you.login) && directory ? directory.placementOf({ email: you.email ?? '', github: you.login }) : undefined;
}
