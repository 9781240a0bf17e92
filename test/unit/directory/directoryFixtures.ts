import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

/** test/fixtures/directory, found by walking up from the compiled test, or from the working directory. */
export function fixturePath(...parts: string[]): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'directory');
    if (existsSync(candidate)) {
      return path.join(candidate, ...parts);
    }
    if (path.dirname(dir) === dir) {
      return path.join(process.cwd(), 'test', 'fixtures', 'directory', ...parts);
    }
  }
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** The repository root (for schemas/), found the same way. */
export function repoFile(...parts: string[]): string {
  return path.join(path.dirname(path.dirname(path.dirname(fixturePath()))), ...parts);
}
