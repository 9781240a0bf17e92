import { githubLoginFromNoreply } from '../directory/identity';

/** One identity as the history knows it: its key (lower-cased email), display name, commit count. */
export interface KnownIdentity {
  email: string;
  name: string;
  commits: number;
}

export interface AliasRules {
  /**
   * Also merge ordinary addresses that carry the same full name (two words or more). Right for a
   * measurement over public histories; off in the editor, where two colleagues may share a name
   * and the org directory says who is who.
   */
  sameFullName?: boolean;
  /**
   * Join a no-reply address to an ordinary one by a shared name only when the name is a full name
   * (two words or more). For pools as large as an organisation's, where a unique "Alex" on each
   * side is still two people.
   */
  fullNamesOnly?: boolean;
}

/** Names that say nothing about who committed. */
const GENERIC_NAMES = new Set(['unknown', 'root', 'admin', 'user', 'ubuntu', 'git', 'github', 'none', 'noreply', 'localhost']);

function nameKey(name: string): string | undefined {
  const key = name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return key.length >= 3 && !GENERIC_NAMES.has(key) ? key : undefined;
}

function localPart(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : email.slice(0, at);
}

/** A login this short could be anyone's domain. */
const MIN_DOMAIN_LOGIN = 4;

/** Letters and digits only: `sapphi-red` and `sapphi.red` both read `sapphired`. */
function compact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The spellings of an address's domain a login could be: the whole domain and the domain without
 * its last label (`sapphi.red` → `sapphired`, `sapphi`; `wesleytodd.com` → `wesleytoddcom`,
 * `wesleytodd`). Too short to say anything is nothing.
 */
function domainSpellings(email: string): string[] {
  const at = email.lastIndexOf('@');
  if (at < 0) return [];
  const labels = email.slice(at + 1).split('.').filter(Boolean);
  const spellings = [compact(labels.join('')), compact(labels.slice(0, -1).join(''))];
  return [...new Set(spellings.filter((s) => s.length >= MIN_DOMAIN_LOGIN))];
}

function addTo(map: Map<string, string[]>, key: string, email: string): void {
  const list = map.get(key);
  if (list) list.push(email);
  else map.set(key, [email]);
}

/**
 * Union-find over identity keys; the representative is the identity with the most commits, on a
 * tie an ordinary address rather than a no-reply one.
 */
class Groups {
  private readonly parent = new Map<string, string>();

  constructor(private readonly commits: ReadonlyMap<string, number>) {}

  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(key, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const ca = this.commits.get(ra) ?? 0;
    const cb = this.commits.get(rb) ?? 0;
    const plain = (k: string): number => (githubLoginFromNoreply(k) === undefined ? 1 : 0);
    const first = ca !== cb ? ca > cb : plain(ra) !== plain(rb) ? plain(ra) > plain(rb) : ra < rb;
    const [keep, fold] = first ? [ra, rb] : [rb, ra];
    this.parent.set(fold, keep);
  }
}

/**
 * Which identities are one person, beyond what `.mailmap` already folded (emails are compared in
 * lower case already): GitHub no-reply addresses of one login (`123+login@…` and `login@…`); a
 * no-reply address and the one ordinary address with the same name, or whose local part is the
 * login, or whose name is the login, or at a personal domain spelled like the login
 * (`sapphi-red` and `green@sapphi.red`); with `sameFullName`, ordinary addresses with the same
 * full name. Returns alias → the identity to fold it into (the one with the most commits of its
 * group); identities that stay as they are are absent.
 */
export function inferAliases(identities: Iterable<KnownIdentity>, rules: AliasRules = {}): Map<string, string> {
  const all = [...identities];
  const commits = new Map(all.map((i) => [i.email, i.commits]));
  const groups = new Groups(commits);
  const byLogin = new Map<string, string>();
  const ordinaryByName = new Map<string, string[]>();
  const ordinaryByLocal = new Map<string, string[]>();
  const ordinaryByDomain = new Map<string, string[]>();
  const noreply: Array<{ email: string; login: string; name?: string }> = [];
  for (const identity of all) {
    const login = githubLoginFromNoreply(identity.email);
    const name = nameKey(identity.name);
    if (login !== undefined) {
      const first = byLogin.get(login);
      if (first) groups.union(first, identity.email);
      else byLogin.set(login, identity.email);
      noreply.push({ email: identity.email, login, name });
      continue;
    }
    if (name) addTo(ordinaryByName, name, identity.email);
    addTo(ordinaryByLocal, localPart(identity.email), identity.email);
    for (const spelling of domainSpellings(identity.email)) addTo(ordinaryByDomain, spelling, identity.email);
  }
  for (const n of noreply) {
    const fullName = n.name !== undefined && n.name.includes(' ');
    // A no-reply identity under a full name would have matched by it: the domain is someone else's
    // (`Amadeus Demarzi` is not the one committer at amadeus.com).
    const domainMay = !fullName && compact(n.login).length >= MIN_DOMAIN_LOGIN;
    // Strongest first; each rule counts only when it points at exactly one address.
    const matches = [
      n.name && (fullName || !rules.fullNamesOnly) ? ordinaryByName.get(n.name) : undefined,
      ordinaryByLocal.get(n.login),
      ordinaryByName.get(n.login),
      domainMay ? ordinaryByDomain.get(compact(n.login)) : undefined,
    ];
    const match = matches.find((emails) => emails?.length === 1)?.[0];
    if (match) groups.union(match, n.email);
  }
  if (rules.sameFullName) {
    for (const [name, emails] of ordinaryByName) {
      if (!name.includes(' ')) continue;
      for (const email of emails.slice(1)) groups.union(emails[0], email);
    }
  }
  const aliases = new Map<string, string>();
  for (const identity of all) {
    const root = groups.find(identity.email);
    if (root !== identity.email) aliases.set(identity.email, root);
  }
  return aliases;
}
