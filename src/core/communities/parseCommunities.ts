import { closest } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isGitHubLogin, normalizeEmail, normalizeLogin } from '../directory/identity';
import type { Venue } from '../threads/threadTypes';
import { keyOf, parseYaml, textOf, type ConfigDiagnostic, type DiagnosticSink } from '../util/yamlReader';
import {
  COMMUNITY_STAGES,
  ORGANISATION_RELATIONSHIPS,
  ROLE_KEYS,
  type CodeArea,
  type Community,
  type CommunityMember,
  type LeadershipRole,
} from './communityTypes';

export interface CommunitiesConfig {
  communities: Community[];
  diagnostics: ConfigDiagnostic[];
}

/** The fields a community entry may have (the JSON schema must list exactly these). */
export const COMMUNITY_FIELDS = ['id', 'name', 'description', 'domain', 'stage', 'relationship', 'venue', 'patterns', 'codeAreas', 'leadership', 'members'] as const;
/** The fields of a `members:` entry written as a mapping. */
export const MEMBER_FIELDS = ['email', 'github', 'role'] as const;

const ID = /^[a-z0-9][a-z0-9._-]*$/i;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * Parses `.constellation/communities.yml`. A bad entry gives a diagnostic at its position and is
 * skipped (or the bad field is dropped); everything else still loads.
 */
export function parseCommunities(text: string, file: string): CommunitiesConfig {
  const { doc, sink } = parseYaml(text, file);
  const diagnostics = sink.diagnostics;
  const report: Report = (node, message, severity = 'error') => (severity === 'error' ? sink.error(node, message) : sink.warning(node, message));
  const root = doc.contents;
  if (root === null || root === undefined) {
    return { communities: [], diagnostics };
  }
  const list = isMap(root) ? root.get('communities', true) : undefined;
  if (!isSeq(list)) {
    if (!doc.errors.length) report(isMap(root) ? (list as Node | undefined) ?? root : root, 'expected a top-level "communities:" list');
    return { communities: [], diagnostics };
  }
  const communities: Community[] = [];
  const seen = new Set<string>();
  for (const item of list.items) {
    const community = readCommunity(item as Node, report, sink);
    if (!community) continue;
    if (seen.has(community.id)) {
      report(item as Node, `duplicate community id "${community.id}"; this entry is ignored`);
      continue;
    }
    seen.add(community.id);
    communities.push(community);
  }
  return { communities, diagnostics };
}

type Report = (node: Node | null | undefined, message: string, severity?: 'error' | 'warning') => void;

function readCommunity(item: Node, report: Report, sink: DiagnosticSink): Community | undefined {
  if (!isMap(item)) {
    report(item, 'each community must be a mapping with at least "id" and "name"');
    return undefined;
  }
  const str = (key: string): string | undefined => {
    const node = item.get(key, true) as Node | undefined;
    if (node === undefined) return undefined;
    const value = textOf(node);
    if (value !== undefined) return value;
    report(node, `"${key}" must be a non-empty string`);
    return undefined;
  };
  const id = str('id');
  const name = str('name');
  if (!id || !ID.test(id)) {
    report(item.get('id', true) as Node | undefined ?? item, id ? `invalid community id "${id}" (letters, digits, . _ -)` : 'community needs an "id"; entry skipped');
    return undefined;
  }
  if (!name) {
    report(item, `community "${id}" needs a "name"; entry skipped`);
    return undefined;
  }
  const known = new Set<string>(COMMUNITY_FIELDS);
  for (const pair of item.items) {
    const key = keyOf(pair.key);
    if (!known.has(key)) report(pair.key as Node, `unknown field "${key}" in community "${id}"`, 'warning');
  }
  return {
    id,
    name,
    description: str('description'),
    domain: str('domain'),
    stage: oneOf(item.get('stage', true) as Node | undefined, 'stage', COMMUNITY_STAGES, report),
    relationship: oneOf(item.get('relationship', true) as Node | undefined, 'relationship', ORGANISATION_RELATIONSHIPS, report),
    venue: readVenue(item.get('venue', true) as Node | undefined, report),
    patterns: str('patterns'),
    codeAreas: readCodeAreas(item.get('codeAreas', true) as Node | undefined, report),
    leadership: readLeadership(item.get('leadership', true) as Node | undefined, report),
    members: readMembers(item.get('members', true) as Node | undefined, report, sink),
    line: sink.lineOf(item),
  };
}

function readVenue(node: Node | undefined, report: Report): Venue | undefined {
  if (node === undefined) return undefined;
  const v = node.toJSON() as Record<string, unknown> | null;
  if (!isMap(node) || !v) {
    report(node, 'venue must be a mapping with a "backend"');
    return undefined;
  }
  const repository = typeof v.repository === 'string' ? v.repository.trim() : '';
  switch (v.backend) {
    case 'github-discussions':
      if (!REPO.test(repository) || typeof v.category !== 'string' || !v.category.trim()) {
        report(node, 'a github-discussions venue needs "repository: owner/repo" and "category"');
        return undefined;
      }
      return { backend: 'github-discussions', repository, category: v.category.trim() };
    case 'github-issues': {
      if (!REPO.test(repository)) {
        report(node, 'a github-issues venue needs "repository: owner/repo"');
        return undefined;
      }
      const labels = v.labels === undefined ? undefined : Array.isArray(v.labels) && v.labels.every((l) => typeof l === 'string') ? (v.labels as string[]) : null;
      if (labels === null) report(node.get('labels', true) as Node, '"labels" must be a list of strings; ignored');
      return { backend: 'github-issues', repository, ...(labels ? { labels } : {}) };
    }
    case 'files':
      if (typeof v.path !== 'string' || !v.path.trim()) {
        report(node, 'a files venue needs a "path" (relative to the repository root, or absolute)');
        return undefined;
      }
      return { backend: 'files', path: v.path.trim() };
    default:
      report((node.get('backend', true) as Node | undefined) ?? node, `unknown venue backend "${String(v.backend)}" (github-discussions, github-issues or files)`);
      return undefined;
  }
}

function readCodeAreas(node: Node | undefined, report: Report): CodeArea[] {
  if (node === undefined) return [];
  if (!isSeq(node)) {
    report(node, '"codeAreas" must be a list of globs');
    return [];
  }
  const areas: CodeArea[] = [];
  for (const entry of node.items as Node[]) {
    const glob = textOf(entry);
    if (glob === undefined) {
      report(entry, 'a code area must be a glob string, optionally "repo:glob"');
      continue;
    }
    areas.push(parseCodeArea(glob));
  }
  return areas;
}

/** A repository as code areas name it: `billing`, or `acme/billing` as its remote does. */
const REPOSITORY_NAME = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?$/;

/** `repo:glob` when the part before the first `:` names a repository (`billing` or `acme/billing`). */
export function parseCodeArea(text: string): CodeArea {
  const colon = text.indexOf(':');
  if (colon > 0) {
    const repo = text.slice(0, colon);
    if (!GLOB_CHARS.test(repo) && REPOSITORY_NAME.test(repo)) {
      return { repo, glob: text.slice(colon + 1).replace(/^\/+/, '') };
    }
  }
  return { glob: text.replace(/^\/+/, '') };
}

function readLeadership(node: Node | undefined, report: Report): Partial<Record<LeadershipRole, string[]>> {
  const result: Partial<Record<LeadershipRole, string[]>> = {};
  if (node === undefined) return result;
  if (!isMap(node)) {
    report(node, '"leadership" must map roles to emails');
    return result;
  }
  for (const pair of node.items) {
    const key = keyOf(pair.key);
    const role = ROLE_KEYS[key];
    if (!role) {
      report(pair.key as Node, `unknown leadership role "${key}" (inspirational, day-to-day, classificatory, interpersonal, boundary, institutional, cutting-edge)`);
      continue;
    }
    const raw = (pair.value as Node | null)?.toJSON() as unknown;
    const emails = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
    const valid = emails?.filter((e): e is string => typeof e === 'string' && /^[^@\s]+@[^@\s]+$/.test(e));
    if (!valid || valid.length !== emails?.length) {
      report(pair.value as Node, `leadership "${key}" must be an email or a list of emails; invalid ones dropped`);
    }
    if (valid?.length) result[role] = valid.map((e) => e.toLowerCase());
  }
  return result;
}

/** A value from a fixed list; a wrong one is reported with the closest allowed value and dropped. */
function oneOf<T extends string>(node: Node | undefined, key: string, allowed: readonly T[], report: Report): T | undefined {
  if (node === undefined) return undefined;
  const value = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : undefined;
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  const hint = value ? ` (did you mean "${closest(value.toLowerCase(), [...allowed])}"?)` : '';
  report(node, `"${key}" must be one of ${allowed.join(', ')}${hint}; ignored`);
  return undefined;
}

/** `members:` entries are an email, a GitHub login, or `{ email | github, role }`. */
function readMembers(node: Node | undefined, report: Report, sink: DiagnosticSink): CommunityMember[] {
  if (node === undefined) return [];
  if (!isSeq(node)) {
    report(node, '"members" must be a list of emails or GitHub logins');
    return [];
  }
  const members: CommunityMember[] = [];
  const seen = new Set<string>();
  for (const entry of node.items as Node[]) {
    const member = readMember(entry, report, sink);
    if (!member) continue;
    const key = member.email ?? `@${member.github}`;
    if (seen.has(key)) {
      report(entry, `member "${key}" is listed twice; the first entry is kept`, 'warning');
      continue;
    }
    seen.add(key);
    members.push(member);
  }
  return members;
}

function readMember(entry: Node, report: Report, sink: DiagnosticSink): CommunityMember | undefined {
  const line = sink.lineOf(entry);
  if (isScalar(entry) && typeof entry.value === 'string') {
    const person = personOf(entry.value.trim());
    if (!person) report(entry, `member "${entry.value}" is neither an email address nor a GitHub login; ignored`);
    return person && { ...person, line };
  }
  if (!isMap(entry)) {
    report(entry, 'a member is an email, a GitHub login, or a mapping with "email" or "github" and an optional "role"');
    return undefined;
  }
  for (const pair of entry.items) {
    const key = keyOf(pair.key);
    if (!(MEMBER_FIELDS as readonly string[]).includes(key)) report(pair.key as Node, `unknown member field "${key}" (email, github, role)`, 'warning');
  }
  const text = (key: string): string | undefined => {
    const value = entry.get(key, true) as Node | undefined;
    if (value === undefined) return undefined;
    if (isScalar(value) && typeof value.value === 'string' && value.value.trim()) return value.value.trim();
    report(value, `member "${key}" must be a non-empty string`);
    return undefined;
  };
  const email = text('email');
  const github = text('github');
  const role = text('role');
  if (email !== undefined && !EMAIL.test(email)) {
    report(entry.get('email', true) as Node, `member email "${email}" is not an email address; entry ignored`);
    return undefined;
  }
  if (github !== undefined && !isGitHubLogin(normalizeLogin(github))) {
    report(entry.get('github', true) as Node, `member github "${github}" is not a GitHub login; entry ignored`);
    return undefined;
  }
  if (email === undefined && github === undefined) {
    report(entry, 'a member needs an "email" or a "github" login; entry ignored');
    return undefined;
  }
  return {
    ...(email !== undefined ? { email: normalizeEmail(email) } : {}),
    ...(github !== undefined ? { github: normalizeLogin(github) } : {}),
    ...(role !== undefined ? { role } : {}),
    line,
  };
}

function personOf(text: string): Pick<CommunityMember, 'email' | 'github'> | undefined {
  if (EMAIL.test(text)) return { email: normalizeEmail(text) };
  const login = normalizeLogin(text);
  return isGitHubLogin(login) ? { github: login } : undefined;
}
