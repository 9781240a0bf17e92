/** Which rows of which shards a "Who knows…?" query is about. */
import picomatch from 'picomatch';
import { sameRepositoryName } from '../repositories/repositoryName';
import { packageKeysForImport } from '../imports/packageResolution';
import type { ImportLanguage } from '../imports/importSpecifiers';
import { pathTerms } from './hubFormat';
import type { HubIndex, LoadedShard } from './hubIndex';

/** One file or folder of one repository the answer draws on. */
export interface HubTarget {
  shard: LoadedShard;
  row: number;
}

export type CodeAreaSpec = { repo?: string; glob: string };

export type WhoKnowsQuery =
  /** `npm:@acme/http`, `go:example.com/acme/http`, `module:acme_http`, or a bare name tried in every ecosystem. */
  | { kind: 'package'; name: string }
  | { kind: 'import'; language: ImportLanguage; specifier: string }
  /** A file or folder; with `repository`, in that repository only. */
  | { kind: 'path'; path: string; repository?: string }
  /** Globs, each optionally limited to a repository: a pattern's `appliesTo.files`, a community's code areas. */
  | { kind: 'area'; label: string; areas: CodeAreaSpec[] }
  | { kind: 'community'; name: string }
  /** What a person typed: a package, a community, `repo:glob`, a glob, a path or a word. */
  | { kind: 'text'; text: string };

export interface ResolvedTargets {
  /** How the query was understood, for the answer's title ("package npm:@acme/http"). */
  resolvedAs: string;
  targets: HubTarget[];
}

const MAX_ROWS_PER_REPOSITORY = 40;
const MAX_REPOSITORIES = 200;
const ECOSYSTEMS = ['npm', 'go', 'module', 'pypi', 'cargo', 'maven'];

export async function resolveTargets(hub: HubIndex, query: WhoKnowsQuery): Promise<ResolvedTargets> {
  switch (query.kind) {
    case 'package': return packageTargets(hub, packageKeysOfName(query.name), `package ${query.name}`);
    case 'import': return packageTargets(hub, packageKeysForImport(query.language, query.specifier), `import ${query.specifier}`);
    case 'path': return pathTargets(hub, query.path, query.repository);
    case 'area': return { resolvedAs: query.label, targets: await areaTargets(hub, query.areas) };
    case 'community': return communityTargets(hub, query.name) ?? { resolvedAs: `community ${query.name} (not in the hub index)`, targets: [] };
    case 'text': return textTargets(hub, query.text.trim());
  }
}

function packageKeysOfName(name: string): string[] {
  const n = name.trim();
  if (/^(npm|go|module|pypi|cargo|maven):/.test(n)) return [n];
  return ECOSYSTEMS.map((e) => `${e}:${e === 'npm' || e === 'go' ? n : n.toLowerCase()}`);
}

async function packageTargets(hub: HubIndex, keys: string[], label: string): Promise<ResolvedTargets> {
  for (const key of keys) {
    const homes = hub.packages[key];
    if (!homes || homes.length === 0) continue;
    const targets: HubTarget[] = [];
    for (const [number, folder] of homes) {
      const shard = await hub.shard(number);
      const row = shard?.rowOf(folder, 'd');
      if (shard && row !== undefined) targets.push({ shard, row });
    }
    return { resolvedAs: `package ${key}`, targets };
  }
  return { resolvedAs: `${label} (not published by any repository in the hub index)`, targets: [] };
}

async function candidateRepositories(hub: HubIndex, words: string[], repository?: string): Promise<number[]> {
  if (repository !== undefined) {
    const number = hub.repositoryNumber(repository);
    return number === undefined ? [] : [number];
  }
  let candidates: Set<number> | undefined;
  for (const word of words) {
    const withTerm = new Set(await hub.repositoriesWithTerm(word));
    candidates = candidates ? new Set([...candidates].filter((n) => withTerm.has(n))) : withTerm;
    if (candidates.size === 0) break;
  }
  const all = candidates ?? new Set(hub.manifest.repositories.map((_, i) => i));
  return [...all].slice(0, MAX_REPOSITORIES);
}

async function pathTargets(hub: HubIndex, rawPath: string, repository?: string): Promise<ResolvedTargets> {
  const path = rawPath.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  const last = path.split('/').pop() ?? '';
  const targets: HubTarget[] = [];
  for (const number of await candidateRepositories(hub, pathTerms(last).slice(0, 1), repository)) {
    const shard = await hub.shard(number);
    if (!shard) continue;
    const exact = shard.rowOf(path);
    if (exact !== undefined) {
      targets.push({ shard, row: exact });
      continue;
    }
    // `retry/policy.ts` also names `packages/http/src/retry/policy.ts`.
    const suffix = `/${path}`;
    const rows = shard.summary.paths.map((r, i) => [r, i] as const).filter(([r]) => r[0].endsWith(suffix));
    targets.push(...collapse(shard, rows.map(([, i]) => i)));
  }
  return { resolvedAs: `path ${path}${repository ? ` in ${repository}` : ''}`, targets };
}

/** The literal folder before a glob's first wildcard (`src/retry/**` → `src/retry`). */
export function literalPrefix(glob: string): string {
  const segments = glob.split('/');
  const literal: string[] = [];
  for (const s of segments) {
    if (/[*?[\]{}!]/.test(s)) break;
    literal.push(s);
  }
  return literal.join('/');
}

async function areaTargets(hub: HubIndex, areas: CodeAreaSpec[]): Promise<HubTarget[]> {
  const targets: HubTarget[] = [];
  for (const area of areas) {
    const glob = area.glob.replace(/^\.?\/+/, '');
    const prefix = literalPrefix(glob);
    const words = prefix ? pathTerms(prefix.split('/').pop() ?? '').slice(0, 1) : [];
    const repos = area.repo !== undefined
      ? hub.manifest.repositories.map((r, i) => [r, i] as const).filter(([r]) => sameRepositoryName(area.repo as string, r.name)).map(([, i]) => i)
      : await candidateRepositories(hub, words);
    for (const number of repos) {
      const shard = await hub.shard(number);
      if (!shard) continue;
      // `prefix/**` is exactly the folder: its own ranking is the model's answer.
      const folderRow = glob === `${prefix}/**` || glob === prefix ? shard.rowOf(prefix, 'd') : undefined;
      if (folderRow !== undefined) {
        targets.push({ shard, row: folderRow });
        continue;
      }
      const matches = picomatch(glob, { dot: true });
      const rows = shard.summary.paths.map((r, i) => [r, i] as const).filter(([r]) => r[1] === 'f' && matches(r[0])).map(([, i]) => i);
      targets.push(...collapse(shard, rows));
    }
  }
  return targets;
}

function communityTargets(hub: HubIndex, name: string): Promise<ResolvedTargets> | undefined {
  const lower = name.trim().toLowerCase();
  const entry = Object.entries(hub.communities).find(([id, c]) => id.toLowerCase() === lower || c.name.toLowerCase() === lower);
  if (!entry) return undefined;
  const [id, community] = entry;
  const areas = community.areas.map(([number, glob]) => ({ repo: hub.manifest.repositories[number]?.name, glob })).filter((a) => a.repo !== undefined);
  return areaTargets(hub, areas).then((targets) => ({ resolvedAs: `community ${community.name} (${id})`, targets }));
}

async function textTargets(hub: HubIndex, text: string): Promise<ResolvedTargets> {
  const pkg = await packageTargets(hub, packageKeysOfName(text), text);
  if (pkg.targets.length > 0) return pkg;
  const community = communityTargets(hub, text);
  if (community) return community;
  const repoGlob = /^([^:\s]+\/[^:\s]+|[^:/\s]+):(.+)$/.exec(text);
  if (repoGlob && hub.repositoryNumber(repoGlob[1]) !== undefined) {
    return /[*?[\]{}!]/.test(repoGlob[2]) ? { resolvedAs: `code area ${text}`, targets: await areaTargets(hub, [{ repo: repoGlob[1], glob: repoGlob[2] }]) } : pathTargets(hub, repoGlob[2], repoGlob[1]);
  }
  if (/[*?[\]{}!]/.test(text)) return { resolvedAs: `code area ${text}`, targets: await areaTargets(hub, [{ glob: text }]) };
  if (text.includes('/')) return pathTargets(hub, text);
  return termTargets(hub, text);
}

/** Files and folders named by a word (`retry` → `src/retry/`, `retryPolicy.ts`), across repositories. */
async function termTargets(hub: HubIndex, word: string): Promise<ResolvedTargets> {
  const term = word.toLowerCase();
  const targets: HubTarget[] = [];
  for (const number of await candidateRepositories(hub, [term])) {
    const shard = await hub.shard(number);
    if (!shard) continue;
    targets.push(...collapse(shard, [...shard.rowsNamed(term)]));
  }
  return { resolvedAs: `paths named "${word}"`, targets };
}

/** Keeps the outermost matches (a folder stands for its files) and the busiest ones first, within a cap. */
function collapse(shard: LoadedShard, rows: number[]): HubTarget[] {
  const paths = shard.summary.paths;
  const folders = rows.filter((i) => paths[i][1] === 'd').map((i) => paths[i][0]);
  const kept = rows.filter((i) => !folders.some((f) => f !== paths[i][0] && (f === '' || paths[i][0].startsWith(`${f}/`))));
  return kept.sort((a, b) => paths[b][2] - paths[a][2]).slice(0, MAX_ROWS_PER_REPOSITORY).map((row) => ({ shard, row }));
}
