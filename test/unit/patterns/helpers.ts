import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePatternDocument, type ParsedPattern } from '../../../src/core/patterns/frontMatter';

/** The repository root, whether the tests run from `out/` or from another output folder. */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'test', 'fixtures', 'patterns', 'library'))) return dir;
  }
  return process.cwd();
}

export const fixtureLibrary = () => path.join(repoRoot(), 'test', 'fixtures', 'patterns', 'library');
export const fixtureWorkspace = () => path.join(repoRoot(), 'test', 'fixtures', 'patterns', 'workspace');

/** Joins lines with `\n`, so line numbers in a test read straight off the array index + 1. */
export function doc(...lines: string[]): string {
  return lines.join('\n');
}

export function parse(text: string, file = 'p.md', source = 'test'): ParsedPattern {
  return parsePatternDocument(text, { file, source });
}

/** A valid pattern document with the given id and extra front-matter lines. */
export function patternDoc(id: string, ...extraLines: string[]): string {
  return doc('---', `id: ${id}`, `title: ${id} title`, `summary: about ${id}`, 'community: testing', 'status: adopted', ...extraLines, '---', '', `# ${id}`);
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
}
