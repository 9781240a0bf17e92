/**
 * `directory.yml`: companies, business units, teams and people, validated entry by entry.
 * A bad entry is reported (file, line, column, cause) and skipped; everything else still loads.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { BusinessUnit, Company, ConfigDiagnostic, Team } from './types';
import { isEmailGlob } from './emailGlob';
import { isGitHubLogin, normalizeEmail, normalizeLogin } from './identity';
import { describe, EntryReader, parseYaml, spansError, type DiagnosticSink } from '../util/yamlReader';
import { readExportSection, readGithubSection, readGithubTeams, type ExportSettings, type GitHubDirectorySettings } from './directoryGithubSection';

/** A `people:` entry. `email` is either one address or a glob such as `*@supplier.example`. */
export interface PersonEntry {
  /** Lower-cased address, or a lower-cased glob when `isGlob`. */
  email: string;
  isGlob: boolean;
  name?: string;
  /** Lower-cased GitHub login, without `@`. */
  github?: string;
  team?: string;
  company?: string;
  /** Other addresses of the same person, lower-cased. */
  aliases: string[];
}

export interface DirectoryConfig {
  companies: Company[];
  businessUnits: BusinessUnit[];
  teams: Team[];
  people: PersonEntry[];
  /** `github:` — the organisation whose teams and members complete the directory. */
  github?: GitHubDirectorySettings;
  /** `export:` — how much of a person expertise summaries may show. */
  export?: ExportSettings;
}

export const DEFAULT_DIRECTORY_PATH = '.constellation/directory.yml';

export function emptyDirectoryConfig(): DirectoryConfig {
  return { companies: [], businessUnits: [], teams: [], people: [] };
}

const SECTIONS = ['companies', 'businessUnits', 'teams', 'people', 'github', 'export'] as const;
/** Sections that are one mapping rather than a list. */
const MAPPING_SECTIONS = ['github', 'export'];
const TEAM_HANDLE = /^@[a-z\d](?:[a-z\d-]*)\/[a-z\d._-]+$/i;

/** Parses and validates the text of a directory file; never throws. */
export function parseDirectoryConfig(text: string, file: string): { config: DirectoryConfig; diagnostics: ConfigDiagnostic[] } {
  const { doc, sink, errorOffsets } = parseYaml(text, file);
  const config = emptyDirectoryConfig();
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) {
    return { config, diagnostics: sink.diagnostics };
  }
  if (!isMap(root)) {
    sink.error(root, `not a directory file: expected a mapping with ${SECTIONS.join(', ')}, found ${describe(root)}`);
    return { config, diagnostics: sink.diagnostics };
  }
  const sections = new Map<string, Node[]>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (!(SECTIONS as readonly string[]).includes(key)) {
      sink.warning(pair.key as Node, `unknown section "${key}" ignored (known: ${SECTIONS.join(', ')})`);
    } else if (MAPPING_SECTIONS.includes(key)) {
      if (value !== null && !spansError(value, errorOffsets)) sections.set(key, [value]);
    } else if (value === null || (isScalar(value) && value.value === null)) {
      sections.set(key, []);
    } else if (!isSeq(value)) {
      sink.error(value, `"${key}" must be a list, found ${describe(value)}`);
    } else {
      sections.set(key, (value.items as Node[]).filter((item) => !spansError(item, errorOffsets)));
    }
  }
  const builder = new ConfigBuilder(sink, config);
  sections.get('companies')?.forEach((n) => builder.company(n));
  sections.get('businessUnits')?.forEach((n) => builder.businessUnit(n));
  sections.get('teams')?.forEach((n) => builder.team(n));
  sections.get('people')?.forEach((n) => builder.person(n));
  const github = sections.get('github')?.[0];
  const githubSettings = github && readGithubSection(github, sink, new Set(config.companies.map((c) => c.id)));
  if (githubSettings) config.github = githubSettings;
  const exportNode = sections.get('export')?.[0];
  if (exportNode) config.export = readExportSection(exportNode, sink);
  return { config, diagnostics: sink.diagnostics };
}

/**
 * A glob whose domain names no letter or digit (`*@*`, `*@*.*`, `ops@*`) matches addresses at every
 * company: with a wildcard local part it places everybody the directory does not list.
 */
export function broadGlobWarning(glob: string): string | undefined {
  const at = glob.lastIndexOf('@');
  const local = glob.slice(0, at);
  const domain = glob.slice(at + 1);
  if (/[a-z0-9]/i.test(domain)) return undefined;
  if (!/[a-z0-9]/i.test(local)) {
    return 'this glob matches every email address, so it places everyone the directory does not list; name the domain instead (e.g. "*@supplier.example")';
  }
  return `this glob matches "${local}" at every domain, including other companies'; name the domain instead`;
}

type Kind = 'company' | 'business unit' | 'team';

/** Validates entries in dependency order, remembering which ids exist and which were skipped. */
class ConfigBuilder {
  private readonly companies = new Map<string, Company>();
  private readonly units = new Map<string, BusinessUnit>();
  private readonly teams = new Map<string, Team>();
  /** `${kind}:${id}` → line of a declared but skipped entry, to explain later references to it. */
  private readonly skipped = new Map<string, number>();
  private readonly domainOwner = new Map<string, string>();
  private readonly teamHandles = new Map<string, string>();
  private readonly emailOwner = new Map<string, string>();
  private readonly loginOwner = new Map<string, string>();
  /** `@org/team` → the business unit whose `githubTeams` lists it. */
  private readonly githubTeamUnits = new Map<string, string>();

  constructor(private readonly sink: DiagnosticSink, private readonly config: DirectoryConfig) {}

  company(node: Node): void {
    const entry = new EntryReader(this.sink, node, 'company', { id: 'string', name: 'string', domains: 'string[]' }, ['id']);
    const id = this.uniqueId(entry, 'company', this.companies);
    if (!entry.ok || id === undefined) {
      this.markSkipped(entry, 'company');
      return;
    }
    const domains: string[] = [];
    for (const raw of entry.list('domains')) {
      const domain = raw.toLowerCase().replace(/^@/, '');
      const owner = this.domainOwner.get(domain);
      if (owner !== undefined) {
        this.sink.warning(entry.valueNode('domains'), `company "${id}": domain "${domain}" already belongs to company "${owner}"; ignored here`);
      } else {
        this.domainOwner.set(domain, id);
        domains.push(domain);
      }
    }
    const company: Company = { id, name: entry.string('name') ?? id, domains };
    this.companies.set(id, company);
    this.config.companies.push(company);
  }

  businessUnit(node: Node): void {
    const entry = new EntryReader(this.sink, node, 'business unit', { id: 'string', name: 'string', company: 'string', githubTeams: 'string[]' }, ['id', 'company']);
    const id = this.uniqueId(entry, 'business unit', this.units);
    const company = this.reference(entry, 'company', 'company', this.companies);
    if (!entry.ok || id === undefined || company === undefined) {
      this.markSkipped(entry, 'business unit');
      return;
    }
    const unit: BusinessUnit = { id, name: entry.string('name') ?? id, company: company.id };
    if (entry.has('githubTeams')) {
      const { teams, problems } = readGithubTeams(entry.list('githubTeams'), id, this.githubTeamUnits);
      problems.forEach((p) => this.sink.error(entry.valueNode('githubTeams'), p));
      unit.githubTeams = teams;
    }
    this.units.set(id, unit);
    this.config.businessUnits.push(unit);
  }

  team(node: Node): void {
    const fields = { id: 'string', name: 'string', businessUnit: 'string', company: 'string', github: 'string' } as const;
    const entry = new EntryReader(this.sink, node, 'team', fields, ['id']);
    const id = this.uniqueId(entry, 'team', this.teams);
    const unit = this.reference(entry, 'businessUnit', 'business unit', this.units);
    const company = this.reference(entry, 'company', 'company', this.companies);
    if (unit && company && unit.company !== company.id) {
      entry.fail(entry.valueNode('company'), `team "${id}": business unit "${unit.id}" belongs to company "${unit.company}", not "${company.id}"`);
    }
    const rawHandle = entry.string('github');
    // `acme/checkout` and `@acme/checkout` both name the team; CODEOWNERS always writes the `@`.
    const github = rawHandle === undefined ? undefined : `@${rawHandle.replace(/^@/, '')}`;
    if (github !== undefined && !TEAM_HANDLE.test(github)) {
      entry.fail(entry.valueNode('github'), `team "${id}": github must be a team handle like "@org/team", found "${rawHandle}"`);
    } else if (github !== undefined && this.teamHandles.has(github.toLowerCase())) {
      entry.fail(entry.valueNode('github'), `team "${id}": github handle "${github}" is already used by team "${this.teamHandles.get(github.toLowerCase())}"`);
    }
    if (!entry.ok || id === undefined) {
      this.markSkipped(entry, 'team');
      return;
    }
    const team: Team = { id, name: entry.string('name') ?? id };
    if (unit) {
      team.businessUnit = unit.id;
    } else if (company) {
      team.company = company.id;
    }
    if (github !== undefined) {
      team.github = github;
      this.teamHandles.set(github.toLowerCase(), id);
    }
    this.teams.set(id, team);
    this.config.teams.push(team);
  }

  person(node: Node): void {
    const fields = { email: 'string', name: 'string', github: 'string', team: 'string', company: 'string', aliases: 'string[]' } as const;
    const entry = new EntryReader(this.sink, node, 'person', fields, ['email']);
    const email = normalizeEmail(entry.string('email') ?? '');
    const isGlob = isEmailGlob(email);
    const who = `person "${email}"`;
    if (entry.has('email') && !email.includes('@')) {
      entry.fail(entry.valueNode('email'), `${who}: email must contain "@"`);
    }
    const team = this.reference(entry, 'team', 'team', this.teams);
    const company = this.reference(entry, 'company', 'company', this.companies);
    const teamCompany = team ? this.companyOfTeam(team) : undefined;
    if (company && teamCompany !== undefined && teamCompany !== company.id) {
      entry.fail(entry.valueNode('company'), `${who}: team "${team?.id}" belongs to company "${teamCompany}", not "${company.id}"`);
    }
    if (isGlob) {
      const broad = broadGlobWarning(email);
      if (broad) this.sink.warning(entry.valueNode('email'), `${who}: ${broad}`);
      for (const key of ['name', 'github', 'aliases']) {
        if (entry.has(key)) {
          this.sink.warning(entry.valueNode(key), `${who}: "${key}" is ignored on an email glob, which stands for many people`);
        }
      }
    }
    const aliases = isGlob ? [] : entry.list('aliases').map(normalizeEmail);
    for (const alias of aliases) {
      if (!alias.includes('@') || isEmailGlob(alias)) {
        entry.fail(entry.valueNode('aliases'), `${who}: alias "${alias}" must be a plain email address`);
      }
    }
    const github = isGlob ? undefined : this.login(entry, who);
    const claimed = [email, ...aliases.filter((a) => a !== email)];
    for (const address of claimed) {
      const owner = this.emailOwner.get(address);
      if (owner !== undefined) {
        const at = address === email ? entry.valueNode('email') : entry.valueNode('aliases');
        entry.fail(at, `${who}: duplicate email "${address}", already listed at line ${owner}`);
      }
    }
    if (!entry.ok) {
      return;
    }
    const line = String(this.sink.lineOf(node));
    claimed.forEach((address) => this.emailOwner.set(address, line));
    if (github !== undefined) {
      this.loginOwner.set(github, line);
    }
    const person: PersonEntry = { email, isGlob, aliases: [...new Set(aliases.filter((a) => a !== email))] };
    const name = entry.string('name');
    if (name !== undefined && !isGlob) {
      person.name = name;
    }
    if (github !== undefined) {
      person.github = github;
    }
    if (team) {
      person.team = team.id;
    }
    if (company) {
      person.company = company.id;
    }
    this.config.people.push(person);
  }

  private login(entry: EntryReader, who: string): string | undefined {
    const raw = entry.string('github');
    if (raw === undefined) {
      return undefined;
    }
    const login = normalizeLogin(raw);
    if (!isGitHubLogin(login)) {
      entry.fail(entry.valueNode('github'), `${who}: "${raw}" is not a valid GitHub login`);
      return undefined;
    }
    const owner = this.loginOwner.get(login);
    if (owner !== undefined) {
      entry.fail(entry.valueNode('github'), `${who}: duplicate GitHub login "${login}", already listed at line ${owner}`);
    }
    return login;
  }

  private companyOfTeam(team: Team): string | undefined {
    return team.businessUnit !== undefined ? this.units.get(team.businessUnit)?.company : team.company;
  }

  private uniqueId<T>(entry: EntryReader, kind: Kind, known: Map<string, T>): string | undefined {
    const id = entry.string('id');
    if (id !== undefined && (known.has(id) || this.skipped.has(`${kind}:${id}`))) {
      entry.fail(entry.valueNode('id'), `duplicate ${kind} id "${id}"`);
    }
    return id;
  }

  private reference<T>(entry: EntryReader, key: string, kind: Kind, known: Map<string, T>): T | undefined {
    const id = entry.string(key);
    if (id === undefined) {
      return undefined;
    }
    const found = known.get(id);
    if (found === undefined) {
      const skippedAt = this.skipped.get(`${kind}:${id}`);
      const why = skippedAt !== undefined ? `was skipped because of an error at line ${skippedAt}` : 'is not defined';
      entry.fail(entry.valueNode(key), `${entry.what}: ${kind} "${id}" ${why}`);
    }
    return found;
  }

  private markSkipped(entry: EntryReader, kind: Kind): void {
    const id = entry.string('id');
    if (id !== undefined && !this.skipped.has(`${kind}:${id}`)) {
      this.skipped.set(`${kind}:${id}`, this.sink.lineOf(entry.node));
    }
  }
}
