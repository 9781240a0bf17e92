/**
 * Text from repositories (author names, emails, paths, directory entries) is untrusted: an author
 * name can carry ANSI/OSC escapes that recolour, clear or retitle the terminal, or hide a link.
 * Everything the CLI prints goes through here (from cli/print). Written by hand: strip-ansi covers the escape
 * sequences only, not lone C0/C1 controls or bidirectional overrides.
 */

/** CSI (`ESC [` or 8-bit 0x9B) … final byte; OSC (`ESC ]` or 0x9D) … BEL/ST; DCS/SOS/PM/APC … ST; two-byte ESC sequences. */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- finding control characters is this module's job
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?|\x1b[ -~]?/g;
/** C0 (tab and newline aside), DEL, C1, and the bidirectional embeddings/overrides/isolates. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /[\t\n\r\v\f\u2028\u2029]+/g;

/** A field printed inside one line (a name, an email, a path): escapes removed, breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(LINE_BREAK, ' ').replace(CONTROL, '');
}

/** Whole output: escapes and controls removed; the output's own newlines and tabs kept. */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/**
 * JSON for a terminal or a pipe: the same values, with DEL, C1 and bidirectional controls written
 * as `\uXXXX` (JSON.stringify already escapes C0). Only strings can hold them, so this stays valid JSON.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
