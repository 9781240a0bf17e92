/**
 * The imports of a source file, found without a full parser (the hover needs the specifier under
 * the cursor, fast, in files that may not even compile): TS/JS `import … from`, side-effect
 * imports, `export … from`, `require()`, dynamic `import()`; Go single and block imports; Python
 * `import a.b` and `from a.b import c`.
 */

export type ImportLanguage = 'js' | 'go' | 'python';

export interface ImportReference {
  language: ImportLanguage;
  /** As written, without quotes: `@acme/http/retry`, `example.com/acme/http`, `acme_http.retry`. */
  specifier: string;
  /** 0-based line and columns of the specifier text (quotes excluded). */
  line: number;
  startColumn: number;
  endColumn: number;
}

const LANGUAGE_IDS: Record<string, ImportLanguage> = {
  typescript: 'js', typescriptreact: 'js', javascript: 'js', javascriptreact: 'js', vue: 'js', svelte: 'js',
  go: 'go',
  python: 'python',
};
const EXTENSIONS: Record<string, ImportLanguage> = {
  ts: 'js', tsx: 'js', mts: 'js', cts: 'js', js: 'js', jsx: 'js', mjs: 'js', cjs: 'js', vue: 'js', svelte: 'js',
  go: 'go',
  py: 'python', pyi: 'python',
};

/** The import language of a VS Code language id or a file name; undefined when not supported. */
export function importLanguageOf(languageIdOrFile: string): ImportLanguage | undefined {
  const byId = LANGUAGE_IDS[languageIdOrFile];
  if (byId) return byId;
  const ext = /\.([a-z0-9]+)$/i.exec(languageIdOrFile)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}

/** Line starts, for turning string offsets into line/column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - starts[lo] };
}

const JS_PATTERNS = [
  // import x from 'm' · import { a, b } from "m" (over several lines) · export * from 'm'
  /\b(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  // import 'm' (side effects)
  /\bimport\s*(['"])([^'"\n]+)\1/g,
  // require('m') · import('m') · import x = require('m')
  /\b(?:require|import)\s*\(\s*(['"`])([^'"`\n$]+)\1\s*\)/g,
];

function jsImports(text: string): Array<{ specifier: string; offset: number }> {
  const found = new Map<number, string>();
  for (const pattern of JS_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const offset = m.index + m[0].lastIndexOf(m[2], m[0].length - 1);
      found.set(offset, m[2]);
    }
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([offset, specifier]) => ({ specifier, offset }));
}

function goImports(text: string): Array<{ specifier: string; offset: number }> {
  const out: Array<{ specifier: string; offset: number }> = [];
  const spec = /^\s*(?:[\w.]+\s+)?"([^"\n]+)"/;
  const block = /^\s*import\s*\(([\s\S]*?)\)/gm;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    let offset = m.index + m[0].indexOf('(') + 1;
    for (const line of m[1].split('\n')) {
      const s = spec.exec(line);
      if (s) out.push({ specifier: s[1], offset: offset + line.indexOf(`"${s[1]}"`) + 1 });
      offset += line.length + 1;
    }
  }
  const single = /^\s*import\s+(?:[\w.]+\s+)?"([^"\n]+)"/gm;
  for (let m = single.exec(text); m; m = single.exec(text)) out.push({ specifier: m[1], offset: m.index + m[0].lastIndexOf(`"${m[1]}"`) + 1 });
  return out.sort((a, b) => a.offset - b.offset);
}

function pythonImports(text: string): Array<{ specifier: string; offset: number }> {
  const out: Array<{ specifier: string; offset: number }> = [];
  const fromImport = /^[ \t]*from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b/gm;
  for (let m = fromImport.exec(text); m; m = fromImport.exec(text)) out.push({ specifier: m[1], offset: m.index + m[0].indexOf(m[1], m[0].indexOf('from') + 4) });
  const plainImport = /^[ \t]*import[ \t]+([^\n#;]+)/gm;
  for (let m = plainImport.exec(text); m; m = plainImport.exec(text)) {
    const listStart = m.index + m[0].length - m[1].length;
    let cursor = 0;
    for (const part of m[1].split(',')) {
      const name = /^\s*([A-Za-z_][\w.]*)/.exec(part);
      if (name) out.push({ specifier: name[1], offset: listStart + cursor + part.indexOf(name[1]) });
      cursor += part.length + 1;
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Every import of `text`, in order. */
export function findImports(text: string, language: ImportLanguage): ImportReference[] {
  const starts = lineStarts(text);
  const raw = language === 'js' ? jsImports(text) : language === 'go' ? goImports(text) : pythonImports(text);
  return raw.map(({ specifier, offset }) => {
    const { line, column } = positionOf(starts, offset);
    return { language, specifier, line, startColumn: column, endColumn: column + specifier.length };
  });
}

/** The import whose specifier (or, for JS and Go, its quotes) is at the 0-based position. */
export function importAt(text: string, language: ImportLanguage, line: number, column: number): ImportReference | undefined {
  return findImports(text, language).find((i) => i.line === line && column >= i.startColumn - 1 && column <= i.endColumn);
}
