/**
 * One person across the summaries a hub merges: no single export can see that repository A's
 * `1234+sylviac@users.noreply.github.com` and repository B's `sylvia@acme.example` are both
 * Sylvia Chen, so `hub merge` joins people over all summaries — the same login, the same email,
 * and the inferred aliases of the full-mode identities (a no-reply address and the one ordinary
 * address with its name or login; never a full name alone) — and stores the joins (people.json).
 */
import { githubLoginFromNoreply, normalizeLogin } from '../directory/identity';
import { inferAliases } from '../engine/identityAliases';
import type { SummaryPerson } from '../summary/summaryTypes';
import type { HubPeople } from './hubFormat';

/** What the join keeps of a summary person: small, so a merge's memory stays flat. */
export interface PersonFacts {
  key: string;
  email?: string;
  name?: string;
  login?: string;
  commits: number;
}

export function personFacts(person: SummaryPerson): PersonFacts | undefined {
  // A hashed key names nobody: equal keys already meet, nothing else can be inferred.
  if (!person.email && !person.login) return undefined;
  const facts: PersonFacts = { key: person.key, commits: person.commits };
  if (person.email) facts.email = person.email;
  if (person.name) facts.name = person.name;
  if (person.login) facts.login = normalizeLogin(person.login);
  return facts;
}

interface Node {
  email?: string;
  /** Commits per name and per login over the summaries naming this key. */
  names: Map<string, number>;
  logins: Map<string, number>;
  commits: number;
  /** Some summary names this key without a login: only then can a join change its hub key. */
  withoutLogin: boolean;
}

function most(counts: ReadonlyMap<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best?.[0];
}

/** Union-find over summary keys; a group holds at most one login (two logins are two accounts). */
class Groups {
  private readonly parent = new Map<string, string>();
  private readonly loginOf = new Map<string, string | undefined>();

  constructor(nodes: ReadonlyMap<string, Node>) {
    for (const [key, node] of nodes) this.loginOf.set(key, most(node.logins));
  }

  find(key: string): string {
    let root = key;
    while (this.parent.has(root)) root = this.parent.get(root) as string;
    if (root !== key) this.parent.set(key, root);
    return root;
  }

  login(key: string): string | undefined {
    return this.loginOf.get(this.find(key));
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const la = this.loginOf.get(ra);
    const lb = this.loginOf.get(rb);
    if (la !== undefined && lb !== undefined && la !== lb) return;
    const [keep, fold] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(fold, keep);
    this.loginOf.set(keep, la ?? lb);
  }
}

/**
 * The joins over every summary's people: summary person key → the joined person's key (`@login`,
 * else the email with the most commits), for the keys whose hub key a join changes; others absent.
 */
export function joinPeople(summaries: Iterable<readonly PersonFacts[]>): HubPeople {
  const nodes = new Map<string, Node>();
  for (const people of summaries) {
    for (const person of people) {
      let node = nodes.get(person.key);
      if (!node) nodes.set(person.key, (node = { names: new Map(), logins: new Map(), commits: 0, withoutLogin: false }));
      node.commits += person.commits;
      if (person.email) node.email ??= person.email;
      if (person.name) node.names.set(person.name, (node.names.get(person.name) ?? 0) + person.commits);
      const login = person.login ?? (person.email ? githubLoginFromNoreply(person.email) : undefined);
      if (login) node.logins.set(login, (node.logins.get(login) ?? 0) + person.commits);
      if (!person.login) node.withoutLogin = true;
    }
  }
  const groups = new Groups(nodes);
  const byLogin = new Map<string, string>();
  for (const [key, node] of nodes) {
    for (const login of node.logins.keys()) {
      const first = byLogin.get(login);
      if (first === undefined) byLogin.set(login, key);
      else groups.union(first, key);
    }
  }
  // Full-mode keys are the emails, so the aliases inferred over emails are aliases of keys.
  const identities = [...nodes].filter(([key, node]) => node.email === key).map(([key, node]) => ({ email: key, name: most(node.names) ?? '', commits: node.commits }));
  for (const [alias, representative] of inferAliases(identities, { fullNamesOnly: true })) groups.union(alias, representative);

  const members = new Map<string, string[]>();
  for (const key of nodes.keys()) {
    const root = groups.find(key);
    const list = members.get(root);
    if (list) list.push(key);
    else members.set(root, [key]);
  }
  const joins: HubPeople = Object.create(null);
  for (const [root, keys] of members) {
    const login = groups.login(root);
    const joined = login !== undefined ? `@${login}` : representativeEmail(keys, nodes);
    if (joined === undefined || (keys.length === 1 && login === undefined)) continue;
    for (const key of keys.sort()) if (key !== joined && (nodes.get(key) as Node).withoutLogin) joins[key] = joined;
  }
  return joins;
}

function representativeEmail(keys: readonly string[], nodes: ReadonlyMap<string, Node>): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    const node = nodes.get(key) as Node;
    if (node.email !== key) continue;
    const bestCommits = best === undefined ? -1 : (nodes.get(best) as Node).commits;
    if (node.commits > bestCommits || (node.commits === bestCommits && key < (best as string))) best = key;
  }
  return best;
}
