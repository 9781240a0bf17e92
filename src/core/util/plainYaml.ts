/**
 * A fast path for the plain YAML most front matter is written in: `key: value` lines, flow lists
 * `[a, "b"]`, indented `- item` lists and one level of nested keys, every value a single-line
 * string, maybe followed by a `# comment`. It builds the same `yaml` nodes (with source ranges) the full parser would; anything
 * else (numbers, booleans, multi-line values, anchors, block scalars, escapes, tabs, duplicate
 * keys...) is declined, and the caller parses the text with `yaml` itself. The unit tests compare
 * the two over every fixture and a varied set of documents.
 */
import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

export interface PlainMapping {
  map: YAMLMap;
  lines: LineCounter;
}

interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  indent: number;
  /** The line without its indentation and trailing spaces. */
  content: string;
}

/** Tabs, carriage returns, control characters and the spaces YAML does not count as white space. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNUSUAL_CHARACTER = /[\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200b\u2028-\u202f\u205f\u3000\ufeff]/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** Plain scalars that the core schema reads as something other than a string. */
const NOT_A_STRING = /^(?:[-+.0-9~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;
/** Characters that cannot start a plain scalar (YAML indicators). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

class Decline extends Error {}

/** The mapping of `text`, or undefined when it is not in the plain subset (then use the full parser). */
export function parsePlainMapping(text: string): PlainMapping | undefined {
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  const lines = new LineCounter();
  const content: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    lines.addNewLine(start);
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    const trimmed = raw.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) {
      const indent = raw.length - raw.trimStart().length;
      content.push({ start: start + indent, indent, content: trimmed });
    }
    if (end === -1) break;
    start = end + 1;
  }
  try {
    const reader = new BlockReader(content);
    const map = reader.mapping(0);
    return map.items.length > 0 && reader.done() ? { map, lines } : undefined;
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

class BlockReader {
  private next = 0;

  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.next === this.lines.length;
  }

  /** Consecutive `key: value` lines at exactly `indent`. */
  mapping(indent: number): YAMLMap {
    const map = new YAMLMap();
    const keys = new Set<string>();
    const first = this.lines[this.next]?.start ?? 0;
    while (this.next < this.lines.length && this.lines[this.next].indent === indent) {
      const line = this.lines[this.next++];
      const match = KEY_LINE.exec(line.content);
      if (!match || NOT_A_STRING.test(match[1]) || keys.has(match[1])) throw new Decline();
      keys.add(match[1]);
      const key = scalar(match[1], line.start, line.start + match[1].length);
      const rest = line.content.slice(match[0].length);
      const value = rest === '' ? this.nested(indent) : inlineValue(rest, line.start + match[0].length);
      map.items.push(new Pair(key, value));
    }
    const lastValue = map.items[map.items.length - 1]?.value as Node | undefined;
    const end = lastValue?.range?.[2] ?? first;
    map.range = [first, end, end];
    return map;
  }

  /** The block below a `key:` line: a list of `- item` lines or (at the top level only) more keys. */
  private nested(parentIndent: number): Node {
    const line = this.lines[this.next];
    if (!line || line.indent <= parentIndent) throw new Decline();
    if (line.content.startsWith('- ') || line.content === '-') return this.sequence(line.indent);
    if (parentIndent > 0) throw new Decline();
    return this.mapping(line.indent);
  }

  private sequence(indent: number): YAMLSeq {
    const seq = new YAMLSeq();
    const start = this.lines[this.next].start;
    let end = start;
    while (this.next < this.lines.length && this.lines[this.next].indent === indent) {
      const line = this.lines[this.next];
      if (!line.content.startsWith('- ')) break;
      this.next++;
      const rest = line.content.slice(2);
      const offset = line.start + 2 + (rest.length - rest.trimStart().length);
      const item = blockScalar(rest.trimStart(), offset);
      seq.items.push(item);
      end = item.range![2];
    }
    if (this.next < this.lines.length && this.lines[this.next].indent > indent) throw new Decline();
    seq.range = [start, end, end];
    return seq;
  }
}

function scalar(value: string, start: number, end: number, type: Scalar.Type = Scalar.PLAIN): Scalar<string> {
  const node = new Scalar(value);
  node.range = [start, end, end];
  node.type = type;
  return node;
}

/** The value after `key: `: a flow list or a scalar. */
function inlineValue(text: string, offset: number): Node {
  return text.startsWith('[') ? flowSequence(text, offset) : blockScalar(text, offset);
}

/** A single-line scalar in block context (flow indicators allowed after its first character), maybe with a ` # comment` after it. */
function blockScalar(text: string, offset: number): Scalar<string> {
  if (text.startsWith('"') || text.startsWith("'")) {
    const quoted = quotedScalar(text, offset);
    if (!onlyComment(text.slice(quoted.length))) throw new Decline();
    return quoted.node;
  }
  const comment = text.indexOf(' #');
  return plainScalar(comment === -1 ? text : text.slice(0, comment).trimEnd(), offset, false);
}

/** Nothing, or spaces and a comment (what may follow a value on its line). */
function onlyComment(rest: string): boolean {
  return rest === '' || /^ +#/.test(rest);
}

function plainScalar(text: string, offset: number, inFlow: boolean): Scalar<string> {
  if (text === '' || INDICATOR_START.test(text) || NOT_A_STRING.test(text)) throw new Decline();
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) throw new Decline();
  if (inFlow && /[[\]{},]/.test(text)) throw new Decline();
  return scalar(text, offset, offset + text.length);
}

/** A quoted scalar at the start of `text` without escapes; `length` is how much of `text` it takes. */
function quotedScalar(text: string, offset: number): { node: Scalar<string>; length: number } {
  const quote = text[0];
  if (quote === '"') {
    const close = text.indexOf('"', 1);
    const inner = text.slice(1, close);
    if (close === -1 || inner.includes('\\')) throw new Decline();
    return { node: scalar(inner, offset, offset + close + 1, Scalar.QUOTE_DOUBLE), length: close + 1 };
  }
  let value = '';
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== "'") {
      value += text[i];
    } else if (text[i + 1] === "'") {
      value += "'";
      i++;
    } else {
      return { node: scalar(value, offset, offset + i + 1, Scalar.QUOTE_SINGLE), length: i + 1 };
    }
  }
  throw new Decline();
}

/** `[a, "b", 'c']` on one line, nothing but a comment after the closing bracket. */
function flowSequence(text: string, offset: number): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  let i = 1;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  skipSpaces();
  if (text[i] === ']') {
    if (!onlyComment(text.slice(i + 1))) throw new Decline();
    seq.range = [offset, offset + i + 1, offset + i + 1];
    return seq;
  }
  for (;;) {
    skipSpaces();
    if (text[i] === '"' || text[i] === "'") {
      const quoted = quotedScalar(text.slice(i), offset + i);
      seq.items.push(quoted.node);
      i += quoted.length;
    } else {
      const stop = text.slice(i).search(/[,\]]/);
      if (stop === -1) throw new Decline();
      const item = text.slice(i, i + stop).trimEnd();
      seq.items.push(plainScalar(item, offset + i, true));
      i += stop;
    }
    skipSpaces();
    if (text[i] === ']' && onlyComment(text.slice(i + 1))) break;
    if (text[i] !== ',') throw new Decline();
    i++;
    skipSpaces();
    if (text[i] === ']') throw new Decline();
  }
  seq.range = [offset, offset + i + 1, offset + i + 1];
  return seq;
}
