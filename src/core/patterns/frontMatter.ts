/** Splits a pattern document into YAML front matter and Markdown body, and turns it into a `Pattern`. */
import { isMap, type YAMLMap } from 'yaml';
import { DiagnosticSink, parseYaml } from '../util/yamlReader';
import { parsePlainMapping } from '../util/plainYaml';
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
  /** False: always the full YAML parser, never the plain fast path (the tests compare the two). */
  fastPath?: boolean;
}

/** Parses and validates one pattern document. Never throws; problems come back as diagnostics. */
export function parsePatternDocument(text: string, context: ParseContext): ParsedPattern {
  const { file } = context;
  const split = splitFrontMatter(text);
  if (!split.ok) {
    return { diagnostics: [diag(file, split.line, 1, 'invalid-front-matter', split.message)] };
  }
  const { yaml, yamlLine, body, bodyLine } = split.document;
  const fields = readMapping(yaml, file, yamlLine, context.fastPath !== false);
  if ('diagnostics' in fields) return fields;
  const { map, sink } = fields;
  const toPosition = (offset: number) => sink.position(offset);
  const read = readPatternFields(map, { file, toPosition, openingLine: yamlLine - 1 });
  if (!read.fields) return { diagnostics: sortDiagnostics(read.diagnostics) };
  const pattern: Pattern = { ...read.fields, body, bodyLine, file, source: context.source };
  return { pattern, diagnostics: sortDiagnostics(read.diagnostics.map((d) => ({ ...d, patternId: pattern.id }))) };
}

/** The front matter as a map: the plain fast path when it applies, else the full parser with its errors. */
function readMapping(yaml: string, file: string, yamlLine: number, fastPath: boolean): { map: YAMLMap; sink: DiagnosticSink } | ParsedPattern {
  const plain = fastPath ? parsePlainMapping(yaml) : undefined;
  if (plain) return { map: plain.map, sink: new DiagnosticSink(file, plain.lines, yamlLine) };
  const { doc, sink, syntaxErrors } = parseYaml(yaml, file, { firstLine: yamlLine });
  if (syntaxErrors.length > 0) {
    return { diagnostics: syntaxErrors.map((e) => diag(file, e.line, e.column, 'invalid-front-matter', `invalid YAML: ${e.message}`)) };
  }
  if (!isMap(doc.contents)) {
    const what = doc.contents == null ? 'empty' : 'not a set of `key: value` fields';
    return { diagnostics: [diag(file, 1, 1, 'invalid-front-matter', `front matter is ${what}`)] };
  }
  return { map: doc.contents, sink };
}
