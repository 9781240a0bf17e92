/** Splits a pattern document into YAML front matter and Markdown body, and turns it into a `Pattern`. */
import { Document, isMap, type YAMLMap } from 'yaml';
import { DiagnosticSink, parseYaml, quickYamlValue } from '../util/yamlReader';
import type { FieldPositions, Pattern, PatternDiagnostic } from './patternTypes';
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
  /** False: always the full YAML parser, never the quick path (the tests compare the two). */
  fastPath?: boolean;
}

/** Parses and validates one pattern document. Never throws; problems come back as diagnostics. */
export function parsePatternDocument(text: string, context: ParseContext): ParsedPattern {
  const { file } = context;
  const split = splitFrontMatter(text);
  if (!split.ok) {
    return { diagnostics: [diag(file, split.line, 1, 'invalid-front-matter', split.message)] };
  }
  if (context.fastPath !== false) {
    const quick = quickPattern(text, split.document, context);
    if (quick) return { pattern: quick, diagnostics: [] };
  }
  const { yaml, yamlLine, body, bodyLine } = split.document;
  const fields = readMapping(yaml, file, yamlLine);
  if ('diagnostics' in fields) return fields;
  const { map, sink } = fields;
  const toPosition = (offset: number) => sink.position(offset);
  const read = readPatternFields(map, { file, toPosition, openingLine: yamlLine - 1 });
  if (!read.fields) return { diagnostics: sortDiagnostics(read.diagnostics) };
  const pattern: Pattern = { ...read.fields, body, bodyLine, file, source: context.source };
  return { pattern, diagnostics: sortDiagnostics(read.diagnostics.map((d) => ({ ...d, patternId: pattern.id }))) };
}

/** Builds `yaml` nodes (without positions) from plain values, for the one field reader. */
const nodeFactory = new Document();

/** Plain data made of text only: what most front matter is, and all the quick path takes. */
function isTextTree(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.every(isTextTree);
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isTextTree);
}

/** A `? key` line: js-yaml and `yaml` name complex keys differently. */
const COMPLEX_KEY = /^[ \t]*\?(?:[ \t]|$)/m;

/**
 * The quick path: front matter whose values are all text and in which the field reader finds no
 * problem at all is read without positions (js-yaml, several times faster than the full parser).
 * Positions are only needed to report a problem found later (a dangling reference, a bad detector),
 * so they come from the full parser the first time anything asks. Undefined: use the full parser,
 * which reports every problem at its line.
 */
function quickPattern(text: string, document: SplitDocument, context: ParseContext): Pattern | undefined {
  if (COMPLEX_KEY.test(document.yaml)) return undefined;
  const value = quickYamlValue(document.yaml);
  if (Array.isArray(value) || !isTextTree(value)) return undefined;
  const map = nodeFactory.createNode(value, { aliasDuplicateObjects: false }) as YAMLMap;
  const opening = { line: document.yamlLine - 1, column: 1 };
  const read = readPatternFields(map, { file: context.file, toPosition: () => opening, openingLine: opening.line });
  if (!read.fields || read.diagnostics.length > 0) return undefined;
  const { positions: _withoutPlaces, ...fields } = read.fields;
  const pattern = { ...fields, body: document.body, bodyLine: document.bodyLine, file: context.file, source: context.source } as Pattern;
  let positions: FieldPositions | undefined;
  Object.defineProperty(pattern, 'positions', {
    enumerable: true,
    configurable: true,
    get: () => (positions ??= parsePatternDocument(text, { ...context, fastPath: false }).pattern?.positions ?? { fields: {}, items: {} }),
  });
  return pattern;
}

/** The front matter as a map, or the problems that make it unusable. */
function readMapping(yaml: string, file: string, yamlLine: number): { map: YAMLMap; sink: DiagnosticSink } | ParsedPattern {
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
