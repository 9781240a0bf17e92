/**
 * directory.yml + what GitHub says → one directory. The file wins wherever it speaks: its teams
 * (matched by their `github` handle), its people (matched by login or email) and their emails;
 * GitHub fills in the rest. Nested teams: the deepest team a person is in is their team; a
 * business unit's `githubTeams` say which teams (with their child teams) form it, and otherwise a
 * root team with child teams stands for a business unit (`github.parentTeams: businessUnits`).
 * Every email GitHub ties to one login (verified emails, no-reply addresses, commit authors)
 * becomes an alias of one person, so nobody appears twice for having two emails.
 */
import type { DirectoryConfig, PersonEntry } from '../directoryConfig';
import type { GitHubDirectorySettings } from '../directoryGithubSection';
import { normalizeEmail, normalizeLogin } from '../identity';
import type { BusinessUnit, Team } from '../types';
import type { GitHubDirectorySnapshot, GitHubTeamRecord } from './githubDirectoryTypes';

function noreplyEmails(login: string, id: number | undefined): string[] {
  const plain = `${login}@users.noreply.github.com`;
  return id !== undefined ? [`${id}+${login}@users.noreply.github.com`, plain] : [plain];
}

export function mergeGitHubDirectory(config: DirectoryConfig, snapshot: GitHubDirectorySnapshot, settings: GitHubDirectorySettings | undefined = config.github): DirectoryConfig {
  const org = snapshot.organization.toLowerCase();
  const out: DirectoryConfig = {
    ...config,
    companies: [...config.companies],
    businessUnits: [...config.businessUnits],
    teams: [...config.teams],
    people: config.people.map((p) => ({ ...p, aliases: [...p.aliases] })),
  };
  // The organisation's company: the one the file names, else one with the organisation's id.
  let companyId = settings?.company;
  if (!companyId) {
    companyId = out.companies.find((c) => c.id.toLowerCase() === org)?.id ?? org;
    if (!out.companies.some((c) => c.id === companyId)) out.companies.push({ id: companyId, name: org, domains: [] });
  }

  const bySlug = new Map(snapshot.teams.map((t) => [t.slug, t]));
  const ancestors = (team: GitHubTeamRecord): GitHubTeamRecord[] => {
    const chain: GitHubTeamRecord[] = [];
    for (let t: GitHubTeamRecord | undefined = team; t && !chain.includes(t); t = t.parent ? bySlug.get(t.parent) : undefined) chain.push(t);
    return chain;
  };
  const hasChildren = new Set(snapshot.teams.map((t) => t.parent).filter((p): p is string => p !== undefined));
  const handleOf = (slug: string): string => `@${org}/${slug}`;
  const mappedUnit = new Map<string, string>();
  for (const unit of out.businessUnits) for (const handle of unit.githubTeams ?? []) mappedUnit.set(handle.toLowerCase(), unit.id);
  const unitIds = new Set(out.businessUnits.map((u) => u.id));
  const unitFor = (team: GitHubTeamRecord): string | undefined => {
    const chain = ancestors(team);
    for (const t of chain) {
      const unit = mappedUnit.get(handleOf(t.slug));
      if (unit) return unit;
    }
    const root = chain[chain.length - 1];
    if ((settings?.parentTeams ?? 'businessUnits') !== 'businessUnits' || !hasChildren.has(root.slug)) return undefined;
    if (!unitIds.has(root.slug)) {
      const unit: BusinessUnit = { id: root.slug, name: root.name, company: companyId as string, githubTeams: [handleOf(root.slug)] };
      out.businessUnits.push(unit);
      unitIds.add(unit.id);
    }
    return root.slug;
  };

  const fileTeamByHandle = new Map(config.teams.filter((t) => t.github).map((t) => [t.github!.toLowerCase(), t]));
  const teamIds = new Set(out.teams.map((t) => t.id));
  const teamBySlug = new Map<string, Team>();
  for (const record of snapshot.teams) {
    const existing = fileTeamByHandle.get(handleOf(record.slug));
    if (existing) {
      teamBySlug.set(record.slug, existing);
      continue;
    }
    const id = teamIds.has(record.slug) ? `${org}/${record.slug}` : record.slug;
    const unit = unitFor(record);
    const team: Team = { id, name: record.name, github: handleOf(record.slug), ...(unit ? { businessUnit: unit } : { company: companyId }) };
    teamIds.add(id);
    out.teams.push(team);
    teamBySlug.set(record.slug, team);
  }

  // A person's team: the deepest GitHub team listing them (parents list their children's members too).
  const depth = new Map(snapshot.teams.map((t) => [t.slug, ancestors(t).length]));
  const teamOfLogin = new Map<string, GitHubTeamRecord>();
  for (const record of snapshot.teams) {
    for (const login of record.members) {
      const current = teamOfLogin.get(login);
      const deeper = !current || (depth.get(record.slug) ?? 0) > (depth.get(current.slug) ?? 0) || ((depth.get(record.slug) ?? 0) === (depth.get(current.slug) ?? 0) && record.slug < current.slug);
      if (deeper) teamOfLogin.set(login, record);
    }
  }

  // Emails per login: verified ones, no-reply addresses, and commit emails GitHub linked to the login.
  const emailsOf = new Map<string, string[]>();
  const add = (login: string, email: string): void => {
    const list = emailsOf.get(login) ?? [];
    if (!list.includes(email)) list.push(email);
    emailsOf.set(login, list);
  };
  for (const member of Object.values(snapshot.members)) {
    member.emails.forEach((e) => add(member.login, normalizeEmail(e)));
    noreplyEmails(member.login, member.id).forEach((e) => add(member.login, e));
  }
  for (const [email, login] of Object.entries(snapshot.commitAuthors)) if (login) add(normalizeLogin(login), normalizeEmail(email));

  const claimed = new Map<string, PersonEntry>();
  for (const person of out.people.filter((p) => !p.isGlob)) [person.email, ...person.aliases].forEach((e) => claimed.set(e, person));
  const byLogin = new Map(out.people.filter((p) => p.github).map((p) => [p.github as string, p]));
  for (const [login, emails] of emailsOf) {
    const member = snapshot.members[login];
    const fileEntry = byLogin.get(login) ?? emails.map((e) => claimed.get(e)).find((p) => p !== undefined && (p.github === undefined || p.github === login));
    const free = emails.filter((e) => !claimed.has(e) || claimed.get(e) === fileEntry);
    if (fileEntry) {
      // The file speaks for this person: GitHub only adds the emails nobody else claims, and a team when the file gives none.
      fileEntry.github ??= login;
      for (const e of free) if (e !== fileEntry.email && !fileEntry.aliases.includes(e)) fileEntry.aliases.push(e);
      free.forEach((e) => claimed.set(e, fileEntry));
      const team = teamOfLogin.get(login);
      if (!fileEntry.team && !fileEntry.company && team) fileEntry.team = teamBySlug.get(team.slug)?.id;
      continue;
    }
    if (free.length === 0) continue;
    const team = teamOfLogin.get(login);
    const person: PersonEntry = { email: free[0], isGlob: false, github: login, aliases: free.slice(1) };
    if (member?.name) person.name = member.name;
    if (team) person.team = teamBySlug.get(team.slug)?.id;
    else if (member) person.company = companyId;
    free.forEach((e) => claimed.set(e, person));
    out.people.push(person);
  }
  return out;
}
