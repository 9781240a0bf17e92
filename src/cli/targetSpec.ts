/** A line range as written after the last colon of an `experts` argument: `12` or `12-40`. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** The range, or why the text is not one. */
export function parseLineRange(text: string): LineRange | string {
  const strict = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!strict) return text === '' ? 'nothing after the colon' : `'${text}' is not a line range`;
  const startLine = Number(strict[1]);
  const endLine = strict[2] === undefined ? startLine : Number(strict[2]);
  if (startLine < 1) return 'lines start at 1';
  if (endLine < startLine) return 'the end comes before the start';
  return { startLine, endLine };
}
