/** Splits a pattern document into YAML front matter and Markdown body, and turns it into a `Pattern`. */
import { isMap } from 'yaml';
import { parseYaml } from '../util/yamlReader';
import type { Pattern, PatternDiagnostic } from './patternTypes';
import { readPatternFields } from './frontMatterFields';
import { diag, sortDiagnostics } from './diagnostics';

export interface SplitDocument {
  /** The YAML between the fences (without them). */
  yaml: string;
  /** 1-based line of the first YAML line (the line after the opening `---`). */
  yamlLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export type SplitResult = { ok: true; document: SplitDocument } | { ok: false; line: number; message: string };

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/** Finds the `---` fenced front matter at the very top of a Markdown file (scans only up to the closing fence). */
export function splitFrontMatter(text: string): SplitResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let lineEnd = source.indexOf('\n');
  const firstLine = (lineEnd === -1 ? source : source.slice(0, lineEnd)).replace(/\r$/, '');
  if (!OPENING.test(firstLine)) {
    return { ok: false, line: 1, message: 'no front matter: a pattern file must start with a `---` line' };
  }
  const yamlLines: string[] = [];
  for (let line = 2; lineEnd !== -1; line++) {
    const start = lineEnd + 1;
    lineEnd = source.indexOf('\n', start);
    const content = (lineEnd === -1 ? source.slice(start) : source.slice(start, lineEnd)).replace(/\r$/, '');
    if (CLOSING.test(content)) {
      const body = lineEnd === -1 ? '' : source.slice(lineEnd + 1).replace(/\r\n/g, '\n');
      return { ok: true, document: { yaml: yamlLines.join('\n'), yamlLine: 2, body, bodyLine: line + 1 } };
    }
    yamlLines.push(content);
  }
  return { ok: false, line: 1, message: 'front matter is not closed: add a `---` line after the last field' };
}

export interface ParsedPattern {
  /** Undefined when the file could not be used at all (no id, unreadable YAML). */
  pattern?: Pattern;
  diagnostics: PatternDiagnostic[];
}

export interface ParseContext {
  /** Path shown in diagnostics. */
  file: string;
  /** Library name recorded on the pattern. */
  source: string;
}

/** Parses and validates one pattern document. Never throws; problems come back as diagnostics. */
export function parsePatternDocument(text: string, context: ParseContext): ParsedPattern {
  const { file } = context;
  const split = splitFrontMatter(text);
  if (!split.ok) {
    return { diagnostics: [diag(file, split.line, 1, 'invalid-front-matter', split.message)] };
  }
  const { yaml, yamlLine, body, bodyLine } = split.document;
  const { doc, sink, syntaxErrors } = parseYaml(yaml, file, { firstLine: yamlLine });
  if (syntaxErrors.length > 0) {
    return { diagnostics: syntaxErrors.map((e) => diag(file, e.line, e.column, 'invalid-front-matter', `invalid YAML: ${e.message}`)) };
  }
  if (!isMap(doc.contents)) {
    const what = doc.contents == null ? 'empty' : 'not a set of `key: value` fields';
    return { diagnostics: [diag(file, 1, 1, 'invalid-front-matter', `front matter is ${what}`)] };
  }
  const toPosition = (offset: number) => sink.position(offset);
  const read = readPatternFields(doc.contents, { file, toPosition, openingLine: yamlLine - 1 });
  if (!read.fields) return { diagnostics: sortDiagnostics(read.diagnostics) };
  const pattern: Pattern = { ...read.fields, body, bodyLine, file, source: context.source };
  return { pattern, diagnostics: sortDiagnostics(read.diagnostics.map((d) => ({ ...d, patternId: pattern.id }))) };
}
