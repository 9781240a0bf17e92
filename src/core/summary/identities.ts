/** Who a summary may name, and how: the directory sets the most it allows, an export may show less. */
import { createHash } from 'crypto';
import type { Placement } from '../directory/types';
import { githubLoginFromNoreply, normalizeEmail, normalizeLogin } from '../directory/identity';
import { IDENTITY_MODES, type IdentityMode, type SummaryPerson } from './summaryTypes';

/** The stricter of two modes (`hashed` is the strictest). */
export function stricterMode(a: IdentityMode, b: IdentityMode): IdentityMode {
  return IDENTITY_MODES.indexOf(a) >= IDENTITY_MODES.indexOf(b) ? a : b;
}

export function isIdentityMode(value: unknown): value is IdentityMode {
  return typeof value === 'string' && (IDENTITY_MODES as readonly string[]).includes(value);
}

/**
 * A pseudonymous key: the same email always hashes the same, so a reader who knows someone's
 * address (the org directory) can still recognise them; nobody can read the address back.
 */
export function hashedKey(email: string): string {
  return `h:${createHash('sha256').update(`constellation:${normalizeEmail(email)}`).digest('hex').slice(0, 20)}`;
}

export function loginKey(login: string): string {
  return `@${normalizeLogin(login)}`;
}

/** Every key a person with these identities could have in a summary, whatever its mode. */
export function keysOf(identity: { email?: string; login?: string }): string[] {
  const keys: string[] = [];
  if (identity.email) keys.push(normalizeEmail(identity.email), hashedKey(identity.email));
  if (identity.login) keys.push(loginKey(identity.login));
  return keys;
}

/**
 * The GitHub login each identity is known by from a no-reply address folded into it (identity
 * alias → representative, then `canonical` of the representative): the one with the most
 * commits, when several are. The representative's own no-reply address is read directly by the
 * directory's placement, so only folded ones need this.
 */
export function foldedNoreplyLogins(aliases: ReadonlyMap<string, string>, commitsOf: (email: string) => number, canonical: (email: string) => string = (e) => e): Map<string, string> {
  const best = new Map<string, { login: string; commits: number }>();
  for (const [alias, representative] of aliases) {
    const login = githubLoginFromNoreply(alias);
    if (login === undefined) continue;
    const identity = canonical(representative);
    const commits = commitsOf(alias);
    const known = best.get(identity);
    if (!known || commits > known.commits || (commits === known.commits && login < known.login)) best.set(identity, { login, commits });
  }
  return new Map([...best].map(([identity, { login }]) => [identity, login]));
}

/** The person as the mode allows: names and emails only in `full`, logins in `full` and `login`. */
export function presentPerson(
  email: string,
  name: string,
  placement: Placement,
  activity: { commits: number; lastActive: number },
  mode: IdentityMode,
): SummaryPerson {
  const login = placement.github;
  const key = mode === 'full' ? normalizeEmail(email) : mode === 'login' && login ? loginKey(login) : hashedKey(email);
  const person: SummaryPerson = { key, commits: activity.commits, lastActive: activity.lastActive };
  if (mode === 'full') {
    person.email = normalizeEmail(email);
    person.name = placement.name ?? name;
  }
  if (mode !== 'hashed' && login) person.login = normalizeLogin(login);
  if (placement.team) person.team = { id: placement.team.id, name: placement.team.name };
  if (placement.businessUnit) person.businessUnit = { id: placement.businessUnit.id, name: placement.businessUnit.name, company: placement.businessUnit.company };
  if (placement.company) person.company = { id: placement.company.id, name: placement.company.name };
  return person;
}
