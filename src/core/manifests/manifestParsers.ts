/**
 * What a repository publishes, read from its manifests. Each parser is pure: manifest text in,
 * packages (or a problem naming the file) out. Content is untrusted: parsers never throw.
 */
import { XMLParser } from 'fast-xml-parser';
import { parse as parseToml } from 'smol-toml';
import type { Ecosystem, SummaryPackage } from '../summary/summaryTypes';

export interface ManifestResult {
  packages: SummaryPackage[];
  /** For package.json: the `workspaces` globs, relative to the manifest's folder. */
  workspaces?: string[];
  problem?: string;
}

/** File names that are manifests, by ecosystem. */
export const MANIFEST_FILES: Record<string, Ecosystem> = {
  'package.json': 'npm',
  'go.mod': 'go',
  'Cargo.toml': 'cargo',
  'pyproject.toml': 'pypi',
  'pom.xml': 'maven',
};

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

function pkg(ecosystem: Ecosystem, name: string, manifest: string, modules?: string[]): SummaryPackage {
  const out: SummaryPackage = { ecosystem, name, path: folderOf(manifest), manifest };
  if (modules && modules.length > 0) out.modules = modules;
  return out;
}

function fail(why: string): ManifestResult {
  return { packages: [], problem: why };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** package.json: its `name` unless `private: true`; `workspaces` (array or `{ packages }`) for the caller. */
export function parsePackageJson(text: string, manifest: string): ManifestResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON: ${(err as Error).message}`);
  }
  if (!isRecord(data)) return fail('not a JSON object');
  const raw = Array.isArray(data.workspaces) ? data.workspaces : isRecord(data.workspaces) ? data.workspaces.packages : undefined;
  const workspaces = Array.isArray(raw) ? raw.filter((w): w is string => typeof w === 'string') : undefined;
  const name = typeof data.name === 'string' ? data.name.trim() : '';
  const publishes = name !== '' && data.private !== true && /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/i.test(name);
  return { packages: publishes ? [pkg('npm', name, manifest)] : [], workspaces };
}

/** go.mod: the `module` directive (quoted or bare, comments allowed). */
export function parseGoMod(text: string, manifest: string): ManifestResult {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*module\s+(?:"([^"]+)"|`([^`]+)`|(\S+))\s*(?:\/\/.*)?$/.exec(line);
    if (match) {
      const name = (match[1] ?? match[2] ?? match[3]).trim();
      return { packages: [pkg('go', name, manifest)] };
    }
  }
  return fail('no module directive');
}

function toml(text: string): Record<string, unknown> | string {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (err) {
    return `not valid TOML: ${(err as Error).message.split('\n')[0]}`;
  }
}

/** Cargo.toml: `[package] name` unless `publish = false`; a virtual workspace manifest has none. */
export function parseCargoToml(text: string, manifest: string): ManifestResult {
  const data = toml(text);
  if (typeof data === 'string') return fail(data);
  const section = data.package;
  if (!isRecord(section)) return { packages: [] };
  const name = typeof section.name === 'string' ? section.name : '';
  if (!name || section.publish === false) return { packages: [] };
  return { packages: [pkg('cargo', name, manifest, [name.replace(/-/g, '_')])] };
}

/** PEP 503 normalized distribution name. */
export function normalizePythonName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * pyproject.toml: `[project] name` (PEP 621) or `[tool.poetry] name`. The import name is guessed
 * from the distribution name; `topLevelModules` (folders with `__init__.py` next to the manifest
 * or under its `src/`) are added by the caller.
 */
export function parsePyproject(text: string, manifest: string, topLevelModules: string[] = []): ManifestResult {
  const data = toml(text);
  if (typeof data === 'string') return fail(data);
  const project = isRecord(data.project) ? data.project : undefined;
  const poetry = isRecord(data.tool) && isRecord(data.tool.poetry) ? data.tool.poetry : undefined;
  const raw = typeof project?.name === 'string' ? project.name : typeof poetry?.name === 'string' ? poetry.name : '';
  if (!raw) return { packages: [] };
  const name = normalizePythonName(raw);
  const modules = [...new Set([name.replace(/-/g, '_'), ...topLevelModules])].sort();
  return { packages: [pkg('pypi', name, manifest, modules)] };
}

const xml = new XMLParser({ ignoreAttributes: true, processEntities: false, parseTagValue: false });

/** pom.xml: `groupId:artifactId` (the group inherited from `<parent>` when the project has none). */
export function parsePomXml(text: string, manifest: string): ManifestResult {
  let data: unknown;
  try {
    data = xml.parse(text);
  } catch (err) {
    return fail(`not valid XML: ${(err as Error).message.split('\n')[0]}`);
  }
  const project = isRecord(data) && isRecord(data.project) ? data.project : undefined;
  if (!project) return fail('no <project> element');
  const text_ = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const parent = isRecord(project.parent) ? project.parent : {};
  const group = text_(project.groupId) || text_(parent.groupId);
  const artifact = text_(project.artifactId);
  if (!group || !artifact) return fail('no groupId/artifactId');
  return { packages: [pkg('maven', `${group}:${artifact}`, manifest)] };
}

/** Dispatches on the file name; undefined for a file that is not a manifest. */
export function parseManifest(file: string, text: string, pythonModules: string[] = []): ManifestResult | undefined {
  const base = file.slice(file.lastIndexOf('/') + 1);
  switch (MANIFEST_FILES[base]) {
    case 'npm': return parsePackageJson(text, file);
    case 'go': return parseGoMod(text, file);
    case 'cargo': return parseCargoToml(text, file);
    case 'pypi': return parsePyproject(text, file, pythonModules);
    case 'maven': return parsePomXml(text, file);
    default: return undefined;
  }
}
