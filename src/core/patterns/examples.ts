/** Example references of a pattern: `path#L10-L20` in the repository, or a permalink. */
import type { Pattern, PatternDiagnostic } from './patternTypes';
import { diag } from './diagnostics';

export type ExampleRef =
  | { kind: 'path'; path: string; startLine?: number; endLine?: number }
  | { kind: 'url'; url: string };

const LINES = /^L(\d+)(?:-L?(\d+))?$/;

/** Parses one `examples` entry; `problem` says what is wrong when it cannot be used. */
export function parseExampleRef(value: string): { ref?: ExampleRef; problem?: string } {
  const text = value.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      return { ref: { kind: 'url', url: new URL(text).toString() } };
    } catch {
      return { problem: `example \`${text}\` is not a valid URL` };
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return { problem: `example \`${text}\` must be a repository path or an http(s) permalink` };
  const hash = text.indexOf('#');
  const path = (hash === -1 ? text : text.slice(0, hash)).replace(/\\/g, '/');
  const fragment = hash === -1 ? '' : text.slice(hash + 1);
  if (path === '' || path.startsWith('/') || path.split('/').includes('..')) {
    return { problem: `example \`${text}\` must be a path relative to the repository root` };
  }
  if (fragment === '') return { ref: { kind: 'path', path } };
  const m = LINES.exec(fragment);
  if (!m) return { problem: `example \`${text}\`: the line range must look like #L10 or #L10-L20` };
  const startLine = Number(m[1]);
  const endLine = m[2] === undefined ? startLine : Number(m[2]);
  if (startLine < 1 || endLine < startLine) return { problem: `example \`${text}\`: the line range ${fragment} is empty or reversed` };
  return { ref: { kind: 'path', path, startLine, endLine } };
}

export interface ExampleCheckOptions {
  /** Whether a repository-relative path exists. */
  fileExists(path: string): boolean | Promise<boolean>;
  /** Number of lines of a file, to check line ranges; optional. */
  lineCount?(path: string): number | undefined | Promise<number | undefined>;
}

/** Reports `broken-example` for each path example whose file is missing or too short. Permalinks are not fetched. */
export async function checkExamples(pattern: Pattern, options: ExampleCheckOptions): Promise<PatternDiagnostic[]> {
  const diagnostics: PatternDiagnostic[] = [];
  for (let i = 0; i < pattern.examples.length; i++) {
    const { ref } = parseExampleRef(pattern.examples[i]);
    if (ref?.kind !== 'path') continue;
    // Positions only for a problem: a pattern read the quick way computes them on first use.
    const report = (message: string) => {
      const pos = pattern.positions.items['examples']?.[i] ?? pattern.positions.fields['examples'] ?? { line: 1, column: 1 };
      diagnostics.push({ ...diag(pattern.file, pos.line, pos.column, 'broken-example', message, 'warning'), patternId: pattern.id });
    };
    if (!(await options.fileExists(ref.path))) {
      report(`example \`${pattern.examples[i]}\`: ${ref.path} does not exist`);
      continue;
    }
    if (ref.endLine !== undefined && options.lineCount) {
      const count = await options.lineCount(ref.path);
      if (count !== undefined && ref.endLine > count) {
        report(`example \`${pattern.examples[i]}\`: ${ref.path} has only ${count} lines`);
      }
    }
  }
  return diagnostics;
}
