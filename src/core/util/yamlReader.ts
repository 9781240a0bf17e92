/**
 * The one YAML reader of the configuration files (`directory.yml`, `communities.yml`) and of
 * pattern front matter: one set of parse options, syntax errors and warnings at a 1-based line
 * and column of the file (front matter starts below its `---`), and the typed readers of values.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { CORE_SCHEMA, load } from 'js-yaml';

/** A problem in a configuration file, with a place a human can jump to (1-based line/column). */
export interface ConfigDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface YamlPosition {
  line: number;
  column: number;
}

export interface YamlReadOptions {
  /** Line of the file the YAML text starts on (front matter: the line after `---`). Default 1. */
  firstLine?: number;
}

/** Collects diagnostics for one file, turning source offsets into line/column. */
export class DiagnosticSink {
  readonly diagnostics: ConfigDiagnostic[] = [];

  constructor(readonly file: string, private readonly lines: LineCounter, private readonly firstLine = 1) {}

  error(at: Node | number | null | undefined, message: string): void {
    this.add(at, message, 'error');
  }

  warning(at: Node | number | null | undefined, message: string): void {
    this.add(at, message, 'warning');
  }

  lineOf(at: Node | number | null | undefined): number {
    return this.position(at).line;
  }

  /** 1-based in the file; LineCounter answers line 0 before the first newline it has seen, so clamp. */
  position(at: Node | number | null | undefined): YamlPosition {
    const { line, col } = this.lines.linePos(offsetOf(at));
    return { line: Math.max(1, line) + this.firstLine - 1, column: Math.max(1, col) };
  }

  private add(at: Node | number | null | undefined, message: string, severity: ConfigDiagnostic['severity']): void {
    const { line, column } = this.position(at);
    this.diagnostics.push({ file: this.file, line, column, message, severity });
  }
}

function offsetOf(at: Node | number | null | undefined): number {
  if (typeof at === 'number') {
    return at;
  }
  return at?.range?.[0] ?? 0;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  sink: DiagnosticSink;
  /** Offsets of syntax errors: entries spanning one are skipped, since their content is a guess. */
  errorOffsets: number[];
  /** The syntax errors (also in the sink), for readers that report them in their own terms. */
  syntaxErrors: Array<YamlPosition & { message: string }>;
}

/** Parses `text`, reporting syntax errors (duplicate keys included) and warnings into the sink. */
export function parseYaml(text: string, file: string, options: YamlReadOptions = {}): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const sink = new DiagnosticSink(file, lines, options.firstLine);
  const syntaxErrors = doc.errors.map((error) => ({ ...sink.position(error.pos[0]), message: error.message.split('\n')[0] }));
  doc.errors.forEach((error, i) => sink.error(error.pos[0], `YAML syntax error: ${syntaxErrors[i].message}`));
  for (const warning of doc.warnings) {
    sink.warning(warning.pos[0], `YAML: ${warning.message}`);
  }
  return { doc, sink, errorOffsets: doc.errors.map((e) => e.pos[0]), syntaxErrors };
}

/** An alias (`*name`) where a value starts: `yaml` keeps it as an alias node, js-yaml copies the value. */
const ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/;

/**
 * The plain value of `text`, read quickly (js-yaml, the YAML 1.2 core schema, duplicate keys refused)
 * and without positions; undefined on any error, and for aliases, so the caller falls back to
 * `parseYaml` for anything it must report. A reader that finds no problem in the value needs no positions.
 */
export function quickYamlValue(text: string): unknown {
  if (ALIAS.test(text)) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/** True when a syntax error falls inside the node, so its parsed content cannot be trusted. */
export function spansError(node: Node, errorOffsets: number[]): boolean {
  const range = node.range;
  if (!range) {
    return false;
  }
  return errorOffsets.some((offset) => offset >= range[0] && offset <= range[2]);
}

export type FieldType = 'string' | 'string[]';

/**
 * Reads the fields of one mapping entry against a small field table. Problems are reported on the
 * offending node; `ok` turns false on any error so the caller can skip the whole entry.
 */
export class EntryReader {
  ok = true;
  private readonly values = new Map<string, string | string[]>();

  constructor(
    private readonly sink: DiagnosticSink,
    readonly node: Node,
    readonly what: string,
    fields: Record<string, FieldType>,
    required: string[],
  ) {
    if (!isMap(node)) {
      this.fail(node, `${what}: expected a mapping (key: value pairs), found ${describe(node)}`);
      return;
    }
    this.readFields(node, fields);
    for (const key of required) {
      if (!this.values.has(key)) {
        this.fail(node, `${what}: missing required field "${key}"`);
      }
    }
  }

  string(key: string): string | undefined {
    const value = this.values.get(key);
    return typeof value === 'string' ? value : undefined;
  }

  list(key: string): string[] {
    const value = this.values.get(key);
    return Array.isArray(value) ? value : [];
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** The node holding a field's value, for pointing a later diagnostic (a bad reference) at it. */
  valueNode(key: string): Node {
    if (isMap(this.node)) {
      const pair = this.node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && pair.value && typeof pair.value === 'object') {
        return pair.value as Node;
      }
    }
    return this.node;
  }

  fail(at: Node, message: string): void {
    this.ok = false;
    this.sink.error(at, `${message} (entry skipped)`);
  }

  private readFields(map: YAMLMap, fields: Record<string, FieldType>): void {
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      const valueNode = (pair.value ?? keyNode) as Node;
      if (key === undefined || !(key in fields)) {
        this.sink.warning(keyNode ?? map, `${this.what}: unknown field ${key === undefined ? '' : `"${key}" `}ignored (known: ${Object.keys(fields).join(', ')})`);
        continue;
      }
      const value = readValue(pair.value as Node | null, fields[key]);
      if (value === undefined) {
        this.fail(valueNode, `${this.what}: "${key}" must be ${fields[key] === 'string' ? 'a non-empty string' : 'a list of strings'}, found ${describe(pair.value as Node | null)}`);
      } else {
        this.values.set(key, value);
      }
    }
  }
}

function readValue(node: Node | null, type: FieldType): string | string[] | undefined {
  if (type === 'string') return textOf(node);
  if (!isSeq(node)) {
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.items as Array<Node | null>) {
    const text = textOf(item);
    if (text === undefined) return undefined;
    out.push(text);
  }
  return out;
}

/** The trimmed text of a non-empty string scalar (`numbers`: a number scalar as its text too). */
export function textOf(node: Node | null | undefined, options: { numbers?: boolean } = {}): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value !== 'string' && !(options.numbers && typeof value === 'number')) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** The key of a mapping pair as text ('' for a key that is not a scalar). */
export function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : '';
}

/** A few words on what a node is, for messages such as `expected a string, found a list`. */
export function describe(node: Node | null | undefined): string {
  if (node === null || node === undefined) {
    return 'nothing';
  }
  if (isMap(node)) {
    return 'a mapping';
  }
  if (isSeq(node)) {
    return 'a list';
  }
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) {
      return 'nothing';
    }
    return typeof value === 'string' ? (value.trim() === '' ? 'an empty string' : 'a string') : `${typeof value} ${String(value)}`;
  }
  return 'an alias';
}
