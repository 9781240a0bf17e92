/**
 * Streaming parser for `git log -z --name-status` with the format from {@link LOG_FORMAT}.
 *
 * The output is a sequence of NUL-terminated tokens: a header token starting with \x1e (fields
 * separated by \x1f), then per changed file a status token (`M`, `A`, `D`, `R087`...; the first one
 * of a commit is preceded by a newline) followed by one path, or two (old, new) for renames and
 * copies. Paths are raw bytes between NULs, so any name (spaces, quotes, tabs, newlines, even \x1e)
 * parses: the parser knows from its state whether a token is a path, never by looking at it.
 */

/** `%x1e` sha, parents, author time, mailmapped author name and email, Co-authored-by values. */
export const LOG_FORMAT =
  '%x1e%H%x1f%P%x1f%at%x1f%aN%x1f%aE%x1f%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1d)';

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T' | 'U' | 'X' | 'B';

export interface FileChange {
  status: ChangeStatus;
  /** Path after the change (the new path of a rename). */
  path: string;
  /** Path before a rename or copy. */
  oldPath?: string;
}

export interface CoAuthor {
  name: string;
  email: string;
}

export interface LogCommit {
  sha: string;
  parents: string[];
  /** Author time, Unix seconds. */
  authorTime: number;
  authorName: string;
  authorEmail: string;
  /** People named in `Co-authored-by:` trailers (as written, not yet mailmapped). */
  coAuthors: CoAuthor[];
  changes: FileChange[];
}

const RECORD = 0x1e;
const FIELD = '\x1f';
const TRAILER_SEPARATOR = '\x1d';

const enum Expect {
  HeaderOrStatus,
  Path,
  NewPath,
}

export class LogStreamParser {
  private pending = '';
  private current: LogCommit | undefined;
  private state = Expect.HeaderOrStatus;
  private status: ChangeStatus = 'M';
  private oldPath = '';
  private twoPaths = false;
  /** Tokens that fit nowhere (should never happen with git's output); counted, not fatal. */
  malformedTokens = 0;

  constructor(private readonly onCommit: (commit: LogCommit) => void) {}

  /** Feeds the next piece of output; records may be split anywhere. */
  push(chunk: string): void {
    const text = this.pending ? this.pending + chunk : chunk;
    let start = 0;
    for (let end = text.indexOf('\0'); end !== -1; end = text.indexOf('\0', start)) {
      this.token(text.slice(start, end));
      start = end + 1;
    }
    this.pending = start === 0 ? text : text.slice(start);
  }

  /** Signals the end of the output: emits the last commit. */
  end(): void {
    if (this.pending) {
      const rest = this.pending;
      this.pending = '';
      this.token(rest);
    }
    this.flush();
  }

  private token(token: string): void {
    switch (this.state) {
      case Expect.Path:
        if (this.twoPaths) {
          this.oldPath = token;
          this.state = Expect.NewPath;
        } else {
          this.current?.changes.push({ status: this.status, path: token });
          this.state = Expect.HeaderOrStatus;
        }
        return;
      case Expect.NewPath:
        this.current?.changes.push({ status: this.status, path: token, oldPath: this.oldPath });
        this.state = Expect.HeaderOrStatus;
        return;
      default:
        this.headerOrStatus(token);
    }
  }

  private headerOrStatus(token: string): void {
    if (token.charCodeAt(0) === RECORD) {
      this.flush();
      this.current = parseHeader(token);
      return;
    }
    let i = 0;
    while (i < token.length && token.charCodeAt(i) === 0x0a) {
      i++;
    }
    if (i === token.length) {
      return; // blank separator between commits
    }
    const letter = token[i];
    if (!this.current || !'AMDRCTUXB'.includes(letter)) {
      this.malformedTokens++;
      return;
    }
    this.status = letter as ChangeStatus;
    this.twoPaths = letter === 'R' || letter === 'C';
    this.state = Expect.Path;
  }

  private flush(): void {
    if (this.current) {
      const done = this.current;
      this.current = undefined;
      this.onCommit(done);
    }
    this.state = Expect.HeaderOrStatus;
  }
}

function parseHeader(token: string): LogCommit {
  const fields = token.slice(1).split(FIELD);
  const parents = fields[1] ? fields[1].split(' ') : [];
  const time = Number(fields[2]);
  const trailers = fields.length > 5 ? fields.slice(5).join(FIELD) : '';
  return {
    sha: fields[0] ?? '',
    parents,
    authorTime: Number.isFinite(time) ? time : 0,
    authorName: fields[3] ?? '',
    authorEmail: fields[4] ?? '',
    coAuthors: trailers ? parseCoAuthors(trailers) : [],
    changes: [],
  };
}

function parseCoAuthors(field: string): CoAuthor[] {
  const result: CoAuthor[] = [];
  for (const raw of field.split(TRAILER_SEPARATOR)) {
    const person = parseContact(raw);
    if (person) {
      result.push(person);
    }
  }
  return result;
}

/** Parses `Name <email>` (or a bare `<email>` / `email`); undefined when there is no email. */
export function parseContact(raw: string): CoAuthor | undefined {
  const text = raw.trim();
  const open = text.lastIndexOf('<');
  const close = text.lastIndexOf('>');
  if (open !== -1 && close > open) {
    const email = text.slice(open + 1, close).trim();
    return email ? { name: text.slice(0, open).trim(), email } : undefined;
  }
  return text.includes('@') && !/\s/.test(text) ? { name: '', email: text } : undefined;
}

/** Parses a whole captured output at once (tests, small ranges). */
export function parseLog(text: string): LogCommit[] {
  const commits: LogCommit[] = [];
  const parser = new LogStreamParser((c) => commits.push(c));
  parser.push(text);
  parser.end();
  return commits;
}
