/**
 * The CLI's only writers. Whatever it prints (names, paths, git's and servers' messages) is first
 * cleared of terminal escapes and control characters (cli/terminalText), then redacted.
 */
import { redactSecrets } from '../core/util/redact';
import { terminalSafe } from './terminalText';

/** Sanitised before redaction, so an escape sequence inside a token cannot hide it from the redactor. */
function forTerminal(text: string): string {
  return redactSecrets(terminalSafe(text));
}

export function printOut(text: string): void {
  process.stdout.write(forTerminal(text));
}

export function printErr(text: string): void {
  process.stderr.write(forTerminal(text));
}
