/** Reads the front-matter fields of a pattern, one diagnostic per problem at the line of the field. */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import {
  PATTERN_STATUSES,
  type AppliesTo,
  type FieldPositions,
  type Pattern,
  type PatternDiagnostic,
  type PatternStatus,
  type Position,
} from './patternTypes';
import { isGitHubLogin } from '../directory/identity';
import { textOf } from '../util/yamlReader';
import { diag } from './diagnostics';
import { parseExampleRef } from './examples';

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks one list item: returns what is wrong with it, reported with `code`. */
interface ItemCheck {
  code: PatternDiagnostic['code'];
  test(value: string): string | undefined;
}

type Fields = Omit<Pattern, 'body' | 'bodyLine' | 'file' | 'source'>;

export interface FieldContext {
  file: string;
  toPosition(offset: number): Position;
  /** Line of the opening `---`: where a missing field is reported. */
  openingLine: number;
}

class FieldReader {
  readonly diagnostics: PatternDiagnostic[] = [];
  readonly positions: FieldPositions = { fields: {}, items: {} };

  constructor(private readonly context: FieldContext) {}

  at(node: Node | null | undefined, fallback?: Position): Position {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback ?? { line: this.context.openingLine, column: 1 };
    return this.context.toPosition(offset);
  }

  report(pos: Position, code: PatternDiagnostic['code'], message: string, severity: 'error' | 'warning' = 'error'): void {
    this.diagnostics.push(diag(this.context.file, pos.line, pos.column, code, message, severity));
  }

  string(name: string, node: Node | null, pos: Position): string | undefined {
    const text = textOf(node, { numbers: true });
    if (text !== undefined) return text;
    if (isScalar(node) && typeof node.value === 'string') {
      this.report(pos, 'invalid-field', `\`${name}\` is empty`);
      return undefined;
    }
    this.report(pos, 'invalid-field', `\`${name}\` must be a single line of text`);
    return undefined;
  }

  /** A list of strings; a lone string is accepted as a one-item list. Bad items are reported and dropped. */
  strings(name: string, node: Node | null, pos: Position, check?: ItemCheck): string[] {
    const items: Array<Node | null> = isSeq(node) ? (node.items as Array<Node | null>) : isScalar(node) ? [node] : [];
    if (!isSeq(node) && !isScalar(node)) {
      this.report(pos, 'invalid-field', `\`${name}\` must be a list of text values`);
      return [];
    }
    const values: string[] = [];
    const positions: Position[] = [];
    for (const item of items) {
      const itemPos = this.at(item, pos);
      if (!isScalar(item) || item.value === null || typeof item.value === 'object' || String(item.value).trim() === '') {
        this.report(itemPos, 'invalid-field', `every item of \`${name}\` must be a non-empty text value`);
        continue;
      }
      const value = String(item.value).trim();
      const problem = check?.test(value);
      if (problem) {
        this.report(itemPos, check?.code ?? 'invalid-field', problem);
        continue;
      }
      values.push(value);
      positions.push(itemPos);
    }
    this.positions.items[name] = positions;
    return values;
  }
}

const KNOWN = new Set(['id', 'title', 'summary', 'community', 'tags', 'status', 'maintainers', 'appliesTo', 'replacedBy', 'related', 'examples']);

const idProblem = (value: string) => (KEBAB_ID.test(value) ? undefined : `\`${value}\` is not a kebab-case id (like \`retry-with-backoff\`)`);

/** Validates the fields of the front matter map. `fields` is undefined when the pattern cannot be used (no valid id). */
export function readPatternFields(map: YAMLMap, context: FieldContext): { fields?: Fields; diagnostics: PatternDiagnostic[] } {
  const r = new FieldReader(context);
  const nodes = new Map<string, { node: Node | null; pos: Position }>();
  const extra: Record<string, unknown> = {};
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const pos = r.at(keyNode);
    r.positions.fields[key] = pos;
    const node = pair.value as Node | null;
    if (KNOWN.has(key)) nodes.set(key, { node, pos });
    else extra[key] = node && 'toJSON' in node ? node.toJSON() : node;
  }
  const opening: Position = { line: context.openingLine, column: 1 };
  const missing = (name: string, severity: 'error' | 'warning' = 'error') =>
    r.report(opening, 'missing-field', `missing required field \`${name}\``, severity);

  const idEntry = nodes.get('id');
  let id: string | undefined;
  if (!idEntry) missing('id');
  else {
    id = r.string('id', idEntry.node, idEntry.pos);
    if (id !== undefined && !KEBAB_ID.test(id)) {
      r.report(r.at(idEntry.node, idEntry.pos), 'bad-id', `${idProblem(id)}; the pattern is skipped`);
      id = undefined;
    }
  }
  const text = (name: string, severity: 'error' | 'warning' = 'error'): string | undefined => {
    const entry = nodes.get(name);
    if (!entry) {
      missing(name, severity);
      return undefined;
    }
    return r.string(name, entry.node, entry.pos);
  };
  const list = (name: string, check?: ItemCheck): string[] => {
    const entry = nodes.get(name);
    return entry ? r.strings(name, entry.node, entry.pos, check) : [];
  };

  const title = text('title');
  const summary = text('summary', 'warning');
  const community = text('community');
  const status = readStatus(r, nodes.get('status'));
  const tags = list('tags');
  const maintainers = list('maintainers', {
    code: 'invalid-field',
    test: (v) => (EMAIL.test(v) || isGitHubLogin(v.replace(/^@/, '')) ? undefined : `maintainer \`${v}\` is neither an email address nor a GitHub login`),
  });
  const related = list('related', { code: 'bad-id', test: idProblem });
  const examples = list('examples', { code: 'broken-example', test: (v) => parseExampleRef(v).problem });
  const appliesTo = readAppliesTo(r, nodes.get('appliesTo'), extra);
  let replacedBy: string | undefined;
  const replacedEntry = nodes.get('replacedBy');
  if (replacedEntry) {
    replacedBy = r.string('replacedBy', replacedEntry.node, replacedEntry.pos);
    if (replacedBy !== undefined && !KEBAB_ID.test(replacedBy)) {
      r.report(r.at(replacedEntry.node, replacedEntry.pos), 'bad-id', `replacedBy: ${idProblem(replacedBy)}`);
      replacedBy = undefined;
    } else if (replacedBy !== undefined && (status === 'adopted' || status === 'proposed')) {
      r.report(replacedEntry.pos, 'invalid-field', `\`replacedBy\` is set but the status is \`${status}\` (expected deprecated or retired)`, 'warning');
    }
  }
  if (id === undefined) return { diagnostics: r.diagnostics };
  const fields: Fields = {
    id,
    title: title ?? id,
    summary: summary ?? '',
    community: community ?? '',
    tags,
    status,
    maintainers,
    appliesTo,
    replacedBy,
    related,
    examples,
    extra,
    positions: r.positions,
  };
  return { fields, diagnostics: r.diagnostics };
}

function readStatus(r: FieldReader, entry: { node: Node | null; pos: Position } | undefined): PatternStatus {
  if (!entry) {
    r.report({ line: r.at(null).line, column: 1 }, 'missing-field', 'missing field `status`; assuming `proposed`', 'warning');
    return 'proposed';
  }
  const value = r.string('status', entry.node, entry.pos);
  if (value === undefined) return 'proposed';
  if ((PATTERN_STATUSES as readonly string[]).includes(value)) return value as PatternStatus;
  r.report(r.at(entry.node, entry.pos), 'unknown-status', `unknown status \`${value}\` (expected ${PATTERN_STATUSES.join(', ')}); assuming \`proposed\``);
  return 'proposed';
}

function readAppliesTo(r: FieldReader, entry: { node: Node | null; pos: Position } | undefined, extra: Record<string, unknown>): AppliesTo {
  const result: AppliesTo = { languages: [], files: [], detect: [] };
  if (!entry) return result;
  if (!isMap(entry.node)) {
    r.report(entry.pos, 'invalid-field', '`appliesTo` must contain `languages`, `files` and/or `detect`');
    return result;
  }
  for (const pair of entry.node.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const pos = r.at(keyNode, entry.pos);
    const value = pair.value as Node | null;
    r.positions.fields[`appliesTo.${key}`] = pos;
    if (key === 'languages' || key === 'files' || key === 'detect') result[key] = r.strings(`appliesTo.${key}`, value, pos);
    else extra[`appliesTo.${key}`] = value && 'toJSON' in value ? value.toJSON() : value;
  }
  return result;
}
