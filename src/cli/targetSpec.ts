import { CliError, ExitCode } from './exitCodes';

export interface TargetSpec {
  /** The argument as the user wrote it (used as the JSON key). */
  raw: string;
  path: string;
  startLine?: number;
  endLine?: number;
}

function badRange(raw: string, why: string): CliError {
  return new CliError(`bad range in '${raw}': ${why} (use path:START or path:START-END, lines from 1)`, ExitCode.badRange);
}

/** Parses `path`, `path:12` or `path:12-40`. A suffix of digits and dashes after the last colon is a range. */
export function parseTargetSpec(raw: string): TargetSpec {
  const loose = /^(.+):([\d-]*)$/.exec(raw);
  if (!loose) return { raw, path: raw };
  const strict = /^(\d+)(?:-(\d+))?$/.exec(loose[2]);
  if (!strict) throw badRange(raw, `'${loose[2]}' is not a line range`);
  const startLine = Number(strict[1]);
  const endLine = strict[2] === undefined ? startLine : Number(strict[2]);
  if (startLine < 1) throw badRange(raw, 'lines start at 1');
  if (endLine < startLine) throw badRange(raw, 'the end comes before the start');
  return { raw, path: loose[1], startLine, endLine };
}
