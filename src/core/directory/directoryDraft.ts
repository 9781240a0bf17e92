/**
 * A first `.constellation/directory.yml` drafted from a repository instead of written by hand: the
 * people of its history, teams from CODEOWNERS (each person in the team owning most of what they
 * changed), and companies from email domains. Every guess is commented for the user to correct;
 * the result validates against the directory schema. Pure: the caller reads git and CODEOWNERS.
 */
import { stringify } from 'yaml';
import { inferAliases } from '../engine/identityAliases';
import { isBot } from '../experts/bots';
import type { HistoryIndexData, PersonRecord } from '../git/historyTypes';
import { kebabCase } from '../util/kebabCase';
import { matchingRule, type CodeownersRule } from './codeowners';
import { domainOf, githubLoginFromNoreply, isGitHubLogin } from './identity';

export interface DirectoryDraftInput {
  index: HistoryIndexData;
  codeowners: readonly CodeownersRule[];
  /** Where CODEOWNERS was found (for the comments), e.g. `.github/CODEOWNERS`. */
  codeownersFile?: string;
  /** Unix seconds, for "last commit" and "former?" notes. */
  now: number;
  extraBots?: readonly string[];
  /** What drafted it, for the header comment (default: the CLI command). */
  draftedBy?: string;
}

export interface DirectoryDraft {
  yaml: string;
  people: number;
  teams: number;
  companies: number;
}

/** Mail providers whose domain says nothing about an employer. */
const PUBLIC_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'icloud.com', 'me.com',
  'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.com', 'yandex.ru', 'qq.com',
  '163.com', 'fastmail.com', 'users.noreply.github.com', 'localhost', 'localdomain',
]);
const FORMER_AFTER_DAYS = 180;
const DAY = 86_400;

interface DraftTeam { id: string; name: string; github: string; company?: string; members: number }
interface DraftCompany { id: string; name: string; domain: string; people: number }
interface DraftPerson { record: PersonRecord; aliases: string[]; login?: string; domain: string; team?: DraftTeam; teamShare?: number; teamChanges: number; split: boolean; otherCompanyTeam?: DraftTeam }

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function uniqueId(base: string, taken: Set<string>): string {
  const root = base || 'x';
  let id = root;
  for (let n = 2; taken.has(id); n++) id = `${root}-${n}`;
  taken.add(id);
  return id;
}

function month(unix: number): string {
  return new Date(unix * 1000).toISOString().slice(0, 7);
}

/** Default owners (`* @org/everyone`) say nothing about who works where. */
const CATCH_ALL = new Set(['*', '**', '/*', '/**', '/']);

/** A person with the addresses joined into them: commits summed, the latest activity. */
function joined(person: PersonRecord, aliases: readonly PersonRecord[]): PersonRecord {
  if (aliases.length === 0) return person;
  return aliases.reduce<PersonRecord>((sum, a) => ({
    ...sum,
    commits: sum.commits + a.commits,
    firstActive: Math.min(sum.firstActive, a.firstActive),
    lastActive: Math.max(sum.lastActive, a.lastActive),
  }), person);
}

/** Changes per CODEOWNERS team handle over the files a person changed (default-owner rules left out). */
function ownedChanges(index: HistoryIndexData, rules: readonly CodeownersRule[], personOf: (email: string) => string): Map<string, Map<string, number>> {
  const byPerson = new Map<string, Map<string, number>>();
  for (const file of index.files.values()) {
    const rule = matchingRule(rules, file.path);
    if (!rule || CATCH_ALL.has(rule.pattern)) continue;
    const teams = rule.owners.filter((o) => o.startsWith('@') && o.includes('/'));
    if (teams.length === 0) continue;
    for (const [email, contribution] of file.contributions) {
      const person = personOf(email);
      const counts = byPerson.get(person) ?? new Map<string, number>();
      for (const team of teams) counts.set(team.toLowerCase(), (counts.get(team.toLowerCase()) ?? 0) + contribution.changeTimes.length);
      byPerson.set(person, counts);
    }
  }
  return byPerson;
}

export function draftDirectory(input: DirectoryDraftInput): DirectoryDraft {
  const { index, codeowners } = input;
  const humans = [...index.people.values()].filter((p) => p.email.includes('@') && !isBot(p.email, p.name, input.extraBots));
  // One entry per person: addresses the expert engine joins become that entry's `aliases`.
  const aliasOf = inferAliases(humans);
  const aliasesOf = new Map<string, PersonRecord[]>();
  for (const p of humans) {
    const target = aliasOf.get(p.email);
    if (target) aliasesOf.set(target, [...(aliasesOf.get(target) ?? []), p]);
  }
  const records = humans
    .filter((p) => !aliasOf.has(p.email))
    .map((p) => joined(p, aliasesOf.get(p.email) ?? []))
    .sort((a, b) => b.commits - a.commits || a.email.localeCompare(b.email));

  // Companies: one per non-public email domain, most people first.
  const domainPeople = new Map<string, number>();
  for (const p of records) {
    const domain = domainOf(p.email);
    if (domain.includes('.') && !PUBLIC_DOMAINS.has(domain)) domainPeople.set(domain, (domainPeople.get(domain) ?? 0) + 1);
  }
  const companyIds = new Set<string>();
  const companies = new Map<string, DraftCompany>();
  for (const [domain, people] of [...domainPeople].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const label = domain.split('.').slice(-2)[0] ?? domain;
    const id = uniqueId(kebabCase(label, 40), companyIds);
    companies.set(domain, { id, name: label.charAt(0).toUpperCase() + label.slice(1), domain, people });
  }

  // Teams: every @org/team handle of CODEOWNERS.
  const teamIds = new Set<string>();
  const teams = new Map<string, DraftTeam>();
  for (const rule of codeowners) {
    for (const owner of rule.owners) {
      const handle = owner.toLowerCase();
      if (!handle.startsWith('@') || !handle.includes('/') || teams.has(handle)) continue;
      const [org, slug] = handle.slice(1).split('/');
      const id = teamIds.has(kebabCase(slug, 60)) ? uniqueId(kebabCase(`${org}-${slug}`, 60), teamIds) : uniqueId(kebabCase(slug, 60), teamIds);
      teams.set(handle, { id, name: slug.split(/[-_.]/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '), github: owner, members: 0 });
    }
  }

  const changes = ownedChanges(index, codeowners, (email) => aliasOf.get(email) ?? email);
  const logins = new Set<string>();
  const people: DraftPerson[] = records.map((record) => {
    const counts = changes.get(record.email) ?? new Map<string, number>();
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const found = [record.email, ...(aliasesOf.get(record.email) ?? []).map((a) => a.email)].map(githubLoginFromNoreply).find(Boolean);
    // A login names one person in the directory: the first (most commits) keeps it.
    const login = found && isGitHubLogin(found) && !logins.has(found) ? found : undefined;
    if (login) logins.add(login);
    // Only a clear majority of the owned changes makes a guess; a split is left to the user.
    const share = best && total ? best[1] / total : undefined;
    const team = best && share !== undefined && share > 0.5 ? teams.get(best[0]) : undefined;
    return { record, aliases: (aliasesOf.get(record.email) ?? []).map((a) => a.email).sort(), login, domain: domainOf(record.email), team, teamShare: share, teamChanges: total, split: !team && total > 0 };
  });
  // A team belongs to the company named like its GitHub organisation, else to the one most of its
  // guessed members work for; members of another company are left out of it.
  const companyById = new Map([...companies.values()].map((c) => [c.id, c]));
  for (const team of teams.values()) {
    const org = kebabCase(team.github.slice(1).split('/')[0], 40);
    if (companyById.has(org)) {
      team.company = org;
      continue;
    }
    const votes = new Map<string, number>();
    for (const p of people) if (p.team === team && companies.has(p.domain)) votes.set(p.domain, (votes.get(p.domain) ?? 0) + 1);
    const [top] = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    team.company = top ? companies.get(top[0])?.id : undefined;
  }
  for (const p of people) {
    const company = companies.get(p.domain)?.id;
    if (p.team?.company && company && p.team.company !== company) {
      p.otherCompanyTeam = p.team;
      p.team = undefined;
    }
    if (p.team) p.team.members++;
  }
  return { yaml: render(input, people, [...teams.values()], [...companies.values()]), people: people.length, teams: teams.size, companies: companies.size };
}

function render(input: DirectoryDraftInput, people: DraftPerson[], teams: DraftTeam[], companies: DraftCompany[]): string {
  const { index, now } = input;
  const out = [
    `# .constellation/directory.yml: DRAFTED by ${input.draftedBy ?? '`constellation directory draft`'}, to be checked by a person.`,
    `# From ${index.commitCount} commits up to ${index.head.slice(0, 12) || '(no commit)'}${input.codeownersFile ? ` and ${input.codeownersFile}` : ' (no CODEOWNERS found: no teams)'}, on ${new Date(now * 1000).toISOString().slice(0, 10)}.`,
    '# Companies come from email domains, teams from CODEOWNERS, each person from the team owning most',
    '# of what they changed. Correct names, merge companies, add business units, then commit the file.',
    '',
    'companies:',
  ];
  if (companies.length === 0) out.push('  []  # no company email domain in the history');
  for (const c of companies) out.push(`  - { id: ${scalar(c.id)}, name: ${scalar(c.name)}, domains: [${scalar(c.domain)}] }  # ${c.people} ${c.people === 1 ? 'person' : 'people'}`);
  out.push('', '# Business units group teams: add them, then give each team `businessUnit:` instead of `company:`.', '#   - { id: payments, name: Payments, company: acme }', 'businessUnits: []', '', 'teams:');
  if (teams.length === 0) out.push('  []');
  for (const t of teams) {
    const fields = [`id: ${scalar(t.id)}`, `name: ${scalar(t.name)}`, ...(t.company ? [`company: ${scalar(t.company)}`] : []), `github: ${scalar(t.github)}`];
    out.push(`  - { ${fields.join(', ')} }  # ${t.members} ${t.members === 1 ? 'member' : 'members'} guessed`);
  }
  out.push('', 'people:');
  if (people.length === 0) out.push('  []');
  for (const p of people) {
    const notes = [`${p.record.commits} commit${p.record.commits === 1 ? '' : 's'}, last ${month(p.record.lastActive)}`];
    if ((now - p.record.lastActive) / DAY > FORMER_AFTER_DAYS) notes.push('former?');
    if (p.team && p.teamShare !== undefined) notes.push(`team: ${Math.round(p.teamShare * 100)}% of ${p.teamChanges} owned changes`);
    if (p.otherCompanyTeam) notes.push(`changes mostly ${p.otherCompanyTeam.github}, a team of another company`);
    if (p.split) notes.push(`no team guessed: ${p.teamChanges} owned changes split between teams`);
    if (!p.team && !p.otherCompanyTeam && !p.split && !companies.some((c) => c.domain === p.domain)) notes.push('no team or company guessed');
    out.push(`  - email: ${scalar(p.record.email)}  # ${notes.join('; ')}`);
    if (p.record.name && p.record.name !== p.record.email) out.push(`    name: ${scalar(p.record.name)}`);
    if (p.aliases.length > 0) out.push(`    aliases: [${p.aliases.map(scalar).join(', ')}]  # the same person in the history`);
    if (p.login) out.push(`    github: ${scalar(p.login)}`);
    if (p.team) out.push(`    team: ${scalar(p.team.id)}`);
  }
  return `${out.join('\n')}\n`;
}
