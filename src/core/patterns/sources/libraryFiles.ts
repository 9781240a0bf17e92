/** Which files of a library folder or repository are pattern documents. */
import picomatch from 'picomatch';

export const DEFAULT_INCLUDE = ['**/*.md'];
/** Repository chrome, not patterns. */
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/README.md', '**/CHANGELOG.md', '**/CONTRIBUTING.md', '**/LICENSE.md'];

export interface FileSelection {
  include?: string[];
  exclude?: string[];
}

/** A predicate over paths relative to the library root (forward slashes). */
export function patternFileFilter(selection: FileSelection = {}): (relativePath: string) => boolean {
  const include = picomatch(selection.include ?? DEFAULT_INCLUDE, { dot: false, nocase: true });
  const exclude = picomatch(selection.exclude ?? DEFAULT_EXCLUDE, { dot: true, nocase: true });
  return (path) => include(path) && !exclude(path);
}

/** Runs `task` over `items` with at most `limit` in flight, keeping order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
