/** The org directory: who is who, where they sit, and which teams own which paths. */
import * as path from 'path';
import { MAX_DIRECTORY_BYTES, readConfigFile } from '../config/configFile';
import { parseConfigOnce } from '../config/configParse';
import { silentLogger, tagged, type Logger } from '../logger';
import { loadCodeowners, ownersOf, type CodeownersRule } from './codeowners';
import { DEFAULT_DIRECTORY_PATH, emptyDirectoryConfig, type DirectoryConfig, type PersonEntry } from './directoryConfig';
import { compareGlobSpecificity, matchesEmailGlob } from './emailGlob';
import { domainOf, githubLoginFromNoreply, normalizeEmail, normalizeLogin } from './identity';
import { relationship } from './relationship';
import type { BusinessUnit, Company, ConfigDiagnostic, Placement, Relationship, Team } from './types';
import type { ExportIdentities, GitHubDirectorySettings } from './directoryGithubSection';
import type { GitHubDirectorySnapshot } from './github/githubDirectoryTypes';
import { mergeGitHubDirectory } from './github/mergeGitHubDirectory';

/** Who someone is, as far as a commit or a GitHub account tells. */
export interface Identity { email: string; name?: string; github?: string }

export class OrgDirectory {
  private readonly companyMap = new Map<string, Company>();
  private readonly unitMap = new Map<string, BusinessUnit>();
  private readonly teamMap = new Map<string, Team>();
  private readonly teamByHandle = new Map<string, Team>();
  private readonly byEmail = new Map<string, PersonEntry>();
  private readonly byLogin = new Map<string, PersonEntry>();
  /** Most specific first; ties keep file order. */
  private readonly globs: PersonEntry[];
  private readonly companyByDomain = new Map<string, Company>();

  constructor(private readonly config: DirectoryConfig, private readonly codeownersRules: readonly CodeownersRule[] = []) {
    config.companies.forEach((c) => this.companyMap.set(c.id, c));
    config.companies.forEach((c) => c.domains.forEach((d) => this.companyByDomain.set(d.toLowerCase(), c)));
    config.businessUnits.forEach((u) => this.unitMap.set(u.id, u));
    for (const team of config.teams) {
      this.teamMap.set(team.id, team);
      if (team.github) {
        this.teamByHandle.set(team.github.toLowerCase(), team);
      }
    }
    for (const person of config.people.filter((p) => !p.isGlob)) {
      [person.email, ...person.aliases].forEach((e) => this.byEmail.set(normalizeEmail(e), person));
      if (person.github) {
        this.byLogin.set(normalizeLogin(person.github), person);
      }
    }
    this.globs = config.people.filter((p) => p.isGlob).sort((a, b) => compareGlobSpecificity(a.email, b.email));
  }

  static empty(): OrgDirectory {
    return new OrgDirectory(emptyDirectoryConfig());
  }

  /** The configuration it was built from (plain data: a worker thread rebuilds the directory from it). */
  toConfig(): DirectoryConfig {
    return this.config;
  }

  /**
   * Where someone sits. Resolution order: exact email or alias (case-insensitive) → GitHub login
   * (given, or read from a no-reply address) → most specific email glob → company by email domain
   * (subdomains included) → nothing. A listed person without a team or company still gets their
   * name and login from the entry, and their position from the later steps.
   */
  placementOf(identity: Identity): Placement {
    const email = normalizeEmail(identity.email);
    const login = identity.github ? normalizeLogin(identity.github) : githubLoginFromNoreply(email);
    const person = this.personByEmail(email) ?? (login !== undefined ? this.byLogin.get(login) : undefined);
    const placement: Placement = { email: person?.email ?? email };
    const name = person?.name ?? identity.name;
    const github = person?.github ?? login;
    if (name !== undefined) {
      placement.name = name;
    }
    if (github !== undefined) {
      placement.github = github;
    }
    const emails = [...new Set([placement.email, email])];
    const positioned = person && (person.team || person.company) ? person : this.bestGlob(emails);
    if (positioned?.team) {
      this.placeInTeam(placement, this.teamMap.get(positioned.team));
    }
    if (!placement.company) {
      const company = positioned?.company !== undefined ? this.companyMap.get(positioned.company) : this.companyOfDomains(emails);
      if (company) {
        placement.company = company;
      }
    }
    return placement;
  }

  /** The person's main email when `email` is one of their addresses (or their no-reply address); else `email` lower-cased. */
  canonicalEmail(email: string): string {
    const normalized = normalizeEmail(email);
    const login = githubLoginFromNoreply(normalized);
    const person = this.byEmail.get(normalized) ?? (login !== undefined ? this.byLogin.get(login) : undefined);
    return person?.email ?? normalized;
  }

  /** See the rule table in relationship.ts. */
  relationship(you: Placement, other: Placement): Relationship {
    return relationship(you, other);
  }

  personByEmail(email: string): PersonEntry | undefined {
    return this.byEmail.get(normalizeEmail(email));
  }

  personByGitHub(login: string): PersonEntry | undefined {
    return this.byLogin.get(normalizeLogin(login));
  }

  /** Listed people (globs excluded). */
  people(): readonly PersonEntry[] {
    return this.config.people.filter((p) => !p.isGlob);
  }

  /** People listed in a team by their own entry (glob entries excluded: they stand for unknown people). */
  membersOf(teamId: string): PersonEntry[] {
    return this.people().filter((p) => p.team === teamId);
  }

  /** `export.identities` of directory.yml: the most an expertise summary may show of a person. */
  exportIdentities(): ExportIdentities {
    return this.config.export?.identities ?? 'full';
  }

  /** `github:` of directory.yml: the organisation whose teams complete this directory. */
  githubSettings(): GitHubDirectorySettings | undefined {
    return this.config.github;
  }

  teams(): readonly Team[] {
    return this.config.teams;
  }

  businessUnits(): readonly BusinessUnit[] {
    return this.config.businessUnits;
  }

  companies(): readonly Company[] {
    return this.config.companies;
  }

  teamById(id: string): Team | undefined {
    return this.teamMap.get(id);
  }

  businessUnitById(id: string): BusinessUnit | undefined {
    return this.unitMap.get(id);
  }

  companyById(id: string): Company | undefined {
    return this.companyMap.get(id);
  }

  /** The team whose `github` handle is `@org/team` (case-insensitive). */
  teamByGitHubHandle(handle: string): Team | undefined {
    return this.teamByHandle.get(handle.toLowerCase());
  }

  /** The CODEOWNERS owners of a repository-relative path, as written in the file. */
  codeownersOf(filePath: string): string[] {
    return ownersOf(this.codeownersRules, filePath);
  }

  /** Directory teams among the CODEOWNERS owners of a path (owners that are `@org/team` handles of a team). */
  teamsOwning(filePath: string): Team[] {
    const teams: Team[] = [];
    for (const owner of this.codeownersOf(filePath)) {
      const team = this.teamByGitHubHandle(owner);
      if (team && !teams.includes(team)) {
        teams.push(team);
      }
    }
    return teams;
  }

  private placeInTeam(placement: Placement, team: Team | undefined): void {
    if (!team) {
      return;
    }
    placement.team = team;
    const unit = team.businessUnit !== undefined ? this.unitMap.get(team.businessUnit) : undefined;
    if (unit) {
      placement.businessUnit = unit;
    }
    const company = this.companyMap.get(unit?.company ?? team.company ?? '');
    if (company) {
      placement.company = company;
    }
  }

  private bestGlob(emails: string[]): PersonEntry | undefined {
    return this.globs.find((g) => emails.some((e) => matchesEmailGlob(g.email, e)));
  }

  /** The company owning the longest matching domain: `eu.acme.example` finds `acme.example`. */
  private companyOfDomains(emails: string[]): Company | undefined {
    for (const email of emails) {
      const labels = domainOf(email).split('.');
      for (let i = 0; i < labels.length - 1; i++) {
        const company = this.companyByDomain.get(labels.slice(i).join('.'));
        if (company) {
          return company;
        }
      }
    }
    return undefined;
  }
}

export interface LoadDirectoryOptions {
  /** Relative to the repository root unless absolute; defaults to `.constellation/directory.yml`. */
  directoryPath?: string;
  logger?: Logger;
  /** The organisation's teams and members from GitHub (GitHubDirectorySource); directory.yml overrides them. */
  github?: GitHubDirectorySnapshot;
}

/**
 * Reads the directory file and CODEOWNERS of a repository. Missing files give an empty directory,
 * not a problem; a file over the size cap is a problem. A big file is parsed off the main thread,
 * and a text already parsed is not parsed again.
 */
export async function loadDirectory(
  repoRoot: string,
  options: LoadDirectoryOptions = {},
): Promise<{ directory: OrgDirectory; diagnostics: ConfigDiagnostic[] }> {
  const logger = tagged(options.logger ?? silentLogger, 'directory');
  const file = path.resolve(repoRoot, options.directoryPath ?? DEFAULT_DIRECTORY_PATH);
  const diagnostics: ConfigDiagnostic[] = [];
  let config = emptyDirectoryConfig();
  const read = await readConfigFile(file, MAX_DIRECTORY_BYTES, 'the directory file', 'list people by email glob ("*@supplier.example") or by company domain instead of one by one');
  if (read.kind === 'text') {
    const parsed = await parseConfigOnce('directory', read.text, file);
    config = parsed.config;
    diagnostics.push(...parsed.diagnostics);
  } else if (read.kind === 'problem') {
    diagnostics.push(read.diagnostic);
  } else {
    logger.debug(`no directory file at ${file}`);
  }
  if (options.github) {
    const wanted = config.github?.organization;
    if (wanted && wanted !== options.github.organization.toLowerCase()) {
      logger.warn(`directory.yml names the GitHub organisation ${wanted}, not ${options.github.organization}: GitHub teams not used`);
    } else {
      config = mergeGitHubDirectory(config, options.github);
    }
  }
  const codeowners = await loadCodeowners(repoRoot, logger);
  diagnostics.push(...codeowners.diagnostics);
  logger.info(
    `${config.people.length} people entries, ${config.teams.length} teams, ${config.businessUnits.length} business units, ` +
      `${config.companies.length} companies, ${codeowners.rules.length} CODEOWNERS rules` +
      (diagnostics.length > 0 ? `, ${diagnostics.length} problems` : ''),
  );
  return { directory: new OrgDirectory(config, codeowners.rules), diagnostics };
}
