/** Finds and reads a repository's manifests at one commit, through git (works in bare clones too). */
import picomatch from 'picomatch';
import type { GitRunner } from '../git/gitRunner';
import type { Logger } from '../logger';
import type { SummaryPackage } from '../summary/summaryTypes';
import { MANIFEST_FILES, parseManifest, parsePackageJson } from './manifestParsers';

/** Manifests bigger than this are not real manifests (or not worth reading). */
const MAX_MANIFEST_BYTES = 1 << 20;
/** Folders whose manifests describe someone else's code or test data. */
const FOREIGN_SEGMENTS = new Set(['node_modules', 'vendor', 'third_party', 'testdata', 'fixtures', '__fixtures__']);

export interface TreeFile { path: string; size: number }

/** Every blob at `commit` with its size (`git ls-tree -r -l -z`). */
export async function listTree(git: GitRunner, root: string, commit: string, signal?: AbortSignal): Promise<TreeFile[]> {
  const out = await git.run(['ls-tree', '-r', '-l', '-z', '--full-tree', commit], { cwd: root, signal, timeoutMs: 0 });
  const files: TreeFile[] = [];
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, , size] = entry.slice(0, tab).split(/\s+/);
    if (type === 'blob') files.push({ path: entry.slice(tab + 1), size: Number(size) || 0 });
  }
  return files;
}

function isManifestPath(path: string): boolean {
  const segments = path.split('/');
  return MANIFEST_FILES[segments[segments.length - 1]] !== undefined && !segments.slice(0, -1).some((s) => FOREIGN_SEGMENTS.has(s));
}

/** The manifest paths of a tree listing, for callers that only need to know whether one changed. */
export function manifestPaths(files: readonly TreeFile[]): string[] {
  return files.filter((f) => isManifestPath(f.path)).map((f) => f.path);
}

function pythonModulesNear(folder: string, paths: ReadonlySet<string>): string[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const modules = new Set<string>();
  for (const path of paths) {
    if (!path.startsWith(prefix) || !path.endsWith('/__init__.py')) continue;
    const rest = path.slice(prefix.length).split('/');
    if (rest.length === 2) modules.add(rest[0]);
    else if (rest.length === 3 && rest[0] === 'src') modules.add(rest[1]);
  }
  return [...modules];
}

/**
 * The packages the repository publishes at `commit`. With npm workspaces in the root package.json,
 * a nested package.json counts only inside a workspace folder. A manifest that cannot be read or
 * parsed is logged (file and cause) and skipped.
 */
export async function readPublishedPackages(git: GitRunner, root: string, commit: string, logger: Logger, options: { files?: TreeFile[]; signal?: AbortSignal } = {}): Promise<SummaryPackage[]> {
  const files = options.files ?? (await listTree(git, root, commit, options.signal));
  const allPaths = new Set(files.map((f) => f.path));
  const manifests = files.filter((f) => isManifestPath(f.path));
  const read = async (file: TreeFile): Promise<string | undefined> => {
    if (file.size > MAX_MANIFEST_BYTES) {
      logger.warn(`${file.path}: ${file.size} bytes, larger than a manifest can be; skipped`);
      return undefined;
    }
    try {
      return await git.run(['cat-file', 'blob', `${commit}:${file.path}`], { cwd: root, signal: options.signal });
    } catch (err) {
      logger.warn(`${file.path}: cannot read at ${commit.slice(0, 10)}: ${(err as Error).message}`);
      return undefined;
    }
  };
  const rootJson = manifests.find((f) => f.path === 'package.json');
  const rootText = rootJson && (await read(rootJson));
  const workspaces = rootText === undefined ? undefined : parsePackageJson(rootText, 'package.json').workspaces;
  const inWorkspace = workspaces && workspaces.length > 0 ? picomatch(workspaces.map((w) => w.replace(/^\.\//, '').replace(/\/+$/, ''))) : undefined;
  const packages: SummaryPackage[] = [];
  for (const file of manifests) {
    const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    if (inWorkspace && file.path.endsWith('package.json') && folder !== '' && !inWorkspace(folder)) continue;
    const text = file === rootJson ? rootText : await read(file);
    if (text === undefined) continue;
    const result = parseManifest(file.path, text, file.path.endsWith('pyproject.toml') ? pythonModulesNear(folder, allPaths) : []);
    if (result?.problem) logger.warn(`${file.path}: ${result.problem}; skipped`);
    packages.push(...(result?.packages ?? []));
  }
  return packages.sort((a, b) => a.ecosystem.localeCompare(b.ecosystem) || a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
}
