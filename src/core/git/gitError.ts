/** Why a git call failed, so callers branch on a code instead of matching message text. */
export type GitErrorCode =
  | 'NotARepository'
  | 'GitNotFound'
  | 'BadRevision'
  | 'Shallow'
  | 'UnknownPath'
  /** A line range runs past the end of the file (`git blame -L`). */
  | 'RangePastEnd'
  | 'Aborted'
  | 'Timeout'
  | 'Failed';

export class GitError extends Error {
  readonly code: GitErrorCode;
  readonly exitCode?: number;
  readonly stderr: string;
  readonly args: string[];

  constructor(code: GitErrorCode, message: string, details: { exitCode?: number; stderr?: string; args?: string[] } = {}) {
    super(message);
    this.name = 'GitError';
    this.code = code;
    this.exitCode = details.exitCode;
    this.stderr = details.stderr ?? '';
    this.args = details.args ?? [];
  }
}

const NOT_A_REPOSITORY = /not a git repository|detected dubious ownership|must be run in a work tree/i;
const BAD_REVISION =
  /bad revision|unknown revision|ambiguous argument|invalid object name|not a valid object name|needed a single revision|bad object|not a commit/i;
const UNKNOWN_PATH = /no such path|does not exist in|exists on disk, but not in|did not match any file|no such file or directory/i;
const SHALLOW = /\bshallow\b/i;
const RANGE_PAST_END = /has only (\d+) lines?/;

/**
 * Classifies a finished git process from its exit code and stderr. The order matters: a message
 * about a missing repository wins over anything else it may mention.
 */
export function classifyGitFailure(exitCode: number | undefined, stderr: string): GitErrorCode {
  if (exitCode === 0) {
    return 'Failed';
  }
  if (NOT_A_REPOSITORY.test(stderr)) {
    return 'NotARepository';
  }
  if (BAD_REVISION.test(stderr)) {
    return 'BadRevision';
  }
  if (RANGE_PAST_END.test(stderr)) {
    return 'RangePastEnd';
  }
  if (UNKNOWN_PATH.test(stderr)) {
    return 'UnknownPath';
  }
  if (SHALLOW.test(stderr)) {
    return 'Shallow';
  }
  return 'Failed';
}

/** The first meaningful stderr line, for messages shown to people (`fatal: ...` prefix dropped). */
export function firstErrorLine(stderr: string): string {
  for (const line of stderr.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) {
      return trimmed.replace(/^(fatal|error):\s*/i, '');
    }
  }
  return '';
}

/** For `RangePastEnd`: how many lines the file has. */
export function linesInFile(error: GitError): number | undefined {
  const match = error.code === 'RangePastEnd' ? RANGE_PAST_END.exec(error.stderr) : null;
  return match ? Number(match[1]) : undefined;
}
