/**
 * One key per person across repositories, threads, patterns and the config. History indexes key
 * people by their mailmapped, lower-cased email; the org directory folds aliases into a main email;
 * thread backends may only know a GitHub login or a name, resolved through the directory, then
 * through GitHub no-reply addresses seen in the history, else kept as `@login` / `name:Name`.
 */
import type { OrgDirectory } from '../directory/orgDirectory';
import { githubLoginFromNoreply, isGitHubLogin, normalizeEmail, normalizeLogin } from '../directory/identity';
import { inferAliases, type KnownIdentity } from '../engine/identityAliases';
import type { TeamRef } from './reportTypes';
import { isBot } from '../experts';
import type { ThreadPerson } from '../threads/threadTypes';
import type { RepositoryHistory } from './reportInputs';

export interface PersonInfo {
  key: string;
  name: string;
  email?: string;
  github?: string;
  team?: TeamRef;
  businessUnit?: TeamRef;
  /** Last commit in any repository (Unix seconds). */
  lastCommit?: number;
  bot: boolean;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

export class PeopleRegistry {
  private readonly canonical = new Map<string, string>();
  private readonly humans = new Map<string, string | null>();
  private readonly infos = new Map<string, PersonInfo>();
  private readonly loginToKey = new Map<string, string>();
  private readonly nameToKey = new Map<string, string | null>();
  /** One person's GitHub no-reply and ordinary addresses, as the expert engine joins them, over every repository. */
  private readonly inferred: ReadonlyMap<string, string>;

  constructor(
    repositories: readonly RepositoryHistory[],
    private readonly directory: OrgDirectory | undefined,
    private readonly extraBots: readonly string[],
  ) {
    this.inferred = inferAliases(knownIdentities(repositories));
    for (const { index } of repositories) {
      for (const person of index.people.values()) {
        const key = this.fromHistory(person.email);
        const info = this.info(key, person.name);
        if (info.lastCommit === undefined || person.lastActive > info.lastCommit) {
          info.lastCommit = person.lastActive;
          // The directory's name wins; else the name of the latest commit.
          if (person.name && !directory?.personByEmail(key)?.name) info.name = person.name;
        }
        const login = githubLoginFromNoreply(person.email);
        if (login) this.loginToKey.set(login, key);
        this.rememberName(person.name, key);
      }
    }
    for (const entry of directory?.people() ?? []) {
      if (entry.name) this.rememberName(entry.name, entry.email);
    }
  }

  /** The key of a history index's person key (an email, or a name for commits without one). */
  fromHistory(historyKey: string): string {
    let key = this.canonical.get(historyKey);
    if (key === undefined) {
      // The directory's word first; else the inferred alias, which the directory may place in turn.
      const listed = this.directoryKey(historyKey);
      const alias = listed === historyKey ? this.inferred.get(historyKey) : undefined;
      key = alias === undefined ? listed : this.directoryKey(alias);
      this.canonical.set(historyKey, key);
    }
    return key;
  }

  private directoryKey(historyKey: string): string {
    return this.directory && EMAIL.test(historyKey) ? this.directory.canonicalEmail(historyKey) : historyKey;
  }

  /** {@link fromHistory}, or null for a bot: one lookup for the hot loop over every contribution. */
  humanFromHistory(historyKey: string): string | null {
    let key = this.humans.get(historyKey);
    if (key === undefined) {
      const canonical = this.fromHistory(historyKey);
      key = this.isBot(canonical) ? null : canonical;
      this.humans.set(historyKey, key);
    }
    return key;
  }

  /** The key of a thread author or commenter; undefined when the backend told nothing usable. */
  fromThread(person: ThreadPerson): string | undefined {
    if (person.email && EMAIL.test(person.email)) return this.fromHistory(normalizeEmail(person.email));
    if (person.login) return this.fromLogin(person.login, person.name);
    if (person.name?.trim()) return this.fromName(person.name.trim());
    return undefined;
  }

  /** A maintainer or member as written in a pattern or the config: an email or a GitHub login. */
  fromHandle(text: string): string {
    const trimmed = text.trim();
    if (EMAIL.test(trimmed)) return this.fromHistory(normalizeEmail(trimmed));
    return this.fromLogin(trimmed);
  }

  fromLogin(rawLogin: string, name?: string): string {
    const login = normalizeLogin(rawLogin);
    const listed = this.directory?.personByGitHub(login);
    const key = listed ? this.fromHistory(listed.email) : this.loginToKey.get(login) ?? `@${login}`;
    const info = this.info(key, name ?? listed?.name ?? login);
    if (isGitHubLogin(login)) info.github ??= login;
    return key;
  }

  private fromName(name: string): string {
    const known = this.nameToKey.get(name.toLowerCase());
    const key = known ?? `name:${name}`;
    this.info(key, name);
    return key;
  }

  isBot(key: string): boolean {
    return this.info(key).bot;
  }

  /** What is known about a person; created on first use (placement from the directory). */
  info(key: string, name?: string): PersonInfo {
    let info = this.infos.get(key);
    if (info) return info;
    const email = EMAIL.test(key) ? key : undefined;
    const github = key.startsWith('@') ? key.slice(1) : undefined;
    const placement = this.directory?.placementOf({ email: email ?? '', name, github });
    const displayName = placement?.name ?? name ?? (key.startsWith('name:') ? key.slice(5) : key);
    info = {
      key,
      name: displayName,
      ...(email ? { email } : {}),
      ...(placement?.github ?? github ? { github: placement?.github ?? github } : {}),
      ...(placement?.team ? { team: { id: placement.team.id, name: placement.team.name } } : {}),
      ...(placement?.businessUnit ? { businessUnit: { id: placement.businessUnit.id, name: placement.businessUnit.name } } : {}),
      bot: isBot(email ?? '', displayName, this.extraBots) || isBot(key, displayName, this.extraBots),
    };
    this.infos.set(key, info);
    return info;
  }

  all(): PersonInfo[] {
    return [...this.infos.values()];
  }

  /** A name seen for exactly one key resolves a name-only thread participant; ambiguous names do not. */
  private rememberName(name: string, key: string): void {
    if (!name) return;
    const lower = name.trim().toLowerCase();
    const existing = this.nameToKey.get(lower);
    if (existing === undefined) this.nameToKey.set(lower, key);
    else if (existing !== key) this.nameToKey.set(lower, null);
  }
}

/** Every repository's people, once per address, with their commits summed and the latest name. */
function knownIdentities(repositories: readonly RepositoryHistory[]): KnownIdentity[] {
  const byEmail = new Map<string, KnownIdentity & { lastActive: number }>();
  for (const { index } of repositories) {
    for (const person of index.people.values()) {
      const known = byEmail.get(person.email);
      if (!known) byEmail.set(person.email, { email: person.email, name: person.name, commits: person.commits, lastActive: person.lastActive });
      else {
        known.commits += person.commits;
        if (person.lastActive > known.lastActive) Object.assign(known, { name: person.name, lastActive: person.lastActive });
      }
    }
  }
  return [...byEmail.values()];
}
