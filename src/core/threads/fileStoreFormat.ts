import { isAlias, LineCounter, parseDocument, stringify, visit, type Document } from 'yaml';
import { toAnchor } from './anchor';
import type { Thread, ThreadComment, ThreadPerson, ThreadState, Venue } from './threadTypes';

/**
 * A thread file: YAML front matter (id, title, author, createdAt, state, anchor), the body, then
 * one section per comment opened by a machine-readable header line:
 *   <!-- constellation:comment {"id":"…","author":{…},"createdAt":"…","replyTo":"…"} -->
 * Body lines that look like a header are written with a leading backslash, removed on reading.
 */
const COMMENT_HEADER = /^<!-- constellation:comment (\{.*\}) -->$/;
const ESCAPED_HEADER = /^(\\*)(<!-- constellation:comment )/;

export interface FileProblem {
  file: string;
  line: number;
  message: string;
}

export type ParsedThreadFile = { ok: true; thread: Thread } | { ok: false; problem: FileProblem };

export function serializeThread(thread: Thread): string {
  const front: Record<string, unknown> = {
    id: thread.id,
    title: thread.title,
    author: cleanPerson(thread.author),
    createdAt: thread.createdAt,
    state: thread.state,
  };
  if (thread.anchor) {
    front.anchor = thread.anchor;
  }
  let text = `---\n${stringify(front)}---\n${escapeBody(thread.body)}`;
  for (const comment of thread.comments) {
    text = appendCommentText(text, comment);
  }
  return text;
}

/** The file text with one more comment section at the end. */
export function appendCommentText(text: string, comment: ThreadComment): string {
  const header: Record<string, unknown> = { id: comment.id, author: cleanPerson(comment.author), createdAt: comment.createdAt };
  if (comment.replyTo) {
    header.replyTo = comment.replyTo;
  }
  const json = JSON.stringify(header).replace(/-->/g, '--\\u003e');
  const base = text.endsWith('\n') ? text : `${text}\n`;
  return `${base}\n<!-- constellation:comment ${json} -->\n${escapeBody(comment.body)}`;
}

export function parseThreadFile(file: string, text: string, venue: Venue, url?: string): ParsedThreadFile {
  const fail = (line: number, message: string): ParsedThreadFile => ({ ok: false, problem: { file, line, message } });
  const lines = text.split(/\r?\n/);
  if (lines[0] !== '---') {
    return fail(1, 'expected YAML front matter starting with ---');
  }
  const close = lines.indexOf('---', 1);
  if (close < 0) {
    return fail(1, 'front matter is not closed by a --- line');
  }
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0];
    return fail(1 + counter.linePos(err.pos[0]).line, `front matter: ${err.message.split('\n')[0]}`);
  }
  let front: unknown;
  try {
    front = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    // An alias bomb or an alias without its anchor: point at the first alias involved.
    const at = firstAliasOffset(doc, err instanceof ReferenceError && /Unresolved alias/.test(err.message));
    return fail(1 + counter.linePos(at).line, `front matter: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isRecord(front)) {
    return fail(2, 'front matter must be a mapping');
  }
  for (const key of ['id', 'title', 'createdAt'] as const) {
    if (typeof front[key] !== 'string' || !front[key]) {
      return fail(2, `front matter needs a non-empty string "${key}"`);
    }
  }
  const anchor = front.anchor === undefined ? undefined : toAnchor(front.anchor);
  if (front.anchor !== undefined && !anchor) {
    return fail(2, 'front matter "anchor" is malformed');
  }
  const sections = splitSections(lines.slice(close + 1), close + 2);
  if ('line' in sections) {
    return fail(sections.line, sections.message);
  }
  const thread: Thread = {
    id: front.id as string,
    backend: 'files',
    venue,
    title: front.title as string,
    url,
    author: toPerson(front.author),
    createdAt: front.createdAt as string,
    anchor,
    body: sections.body,
    comments: sections.comments,
    state: (front.state === 'closed' ? 'closed' : 'open') as ThreadState,
  };
  return { ok: true, thread };
}

/** Offset of the first alias in the document (the first unresolvable one when `unresolvedOnly`). */
function firstAliasOffset(doc: Document.Parsed, unresolvedOnly: boolean): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && (!unresolvedOnly || node.resolve(doc) === undefined)) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** 1-based line of the `key:` of a top-level front matter field (for problems found after parsing). */
export function frontMatterLine(text: string, key: string): number {
  const lines = text.split(/\r?\n/, 200);
  const close = lines.indexOf('---', 1);
  const index = lines.findIndex((line, i) => i > 0 && (close < 0 || i < close) && line.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}

function splitSections(lines: string[], firstLineNumber: number): { body: string; comments: ThreadComment[] } | { line: number; message: string } {
  const comments: ThreadComment[] = [];
  let current: string[] = [];
  let body: string | undefined;
  let header: Omit<ThreadComment, 'body'> | undefined;
  const flush = (): void => {
    const textBlock = trimSection(current).map(unescapeLine).join('\n');
    if (body === undefined) {
      body = textBlock;
    } else if (header) {
      comments.push({ ...header, body: textBlock });
    }
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const match = COMMENT_HEADER.exec(lines[i]);
    if (!match) {
      current.push(lines[i]);
      continue;
    }
    flush();
    const parsed = parseCommentHeader(match[1]);
    if (typeof parsed === 'string') {
      return { line: firstLineNumber + i, message: parsed };
    }
    header = parsed;
  }
  flush();
  return { body: body ?? '', comments };
}

function parseCommentHeader(json: string): Omit<ThreadComment, 'body'> | string {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    return `comment header is not valid JSON: ${(err as Error).message}`;
  }
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.createdAt !== 'string') {
    return 'comment header needs string "id" and "createdAt"';
  }
  return { id: raw.id, author: toPerson(raw.author), createdAt: raw.createdAt, ...(typeof raw.replyTo === 'string' ? { replyTo: raw.replyTo } : {}) };
}

/** Drops the blank line that separates sections and the final newline. */
function trimSection(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return lines.slice(start, end);
}

function escapeBody(body: string): string {
  const escaped = body
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(ESCAPED_HEADER, '\\$1$2'))
    .join('\n');
  return escaped.endsWith('\n') ? escaped : `${escaped}\n`;
}

function unescapeLine(line: string): string {
  return /^\\+<!-- constellation:comment /.test(line) ? line.slice(1) : line;
}

function cleanPerson(person: ThreadPerson): ThreadPerson {
  const out: ThreadPerson = {};
  if (person.name) out.name = person.name;
  if (person.email) out.email = person.email;
  if (person.login) out.login = person.login;
  return out;
}

function toPerson(raw: unknown): ThreadPerson {
  if (!isRecord(raw)) {
    return {};
  }
  const person: ThreadPerson = {};
  for (const key of ['name', 'email', 'login'] as const) {
    if (typeof raw[key] === 'string') {
      person[key] = raw[key];
    }
  }
  return person;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
