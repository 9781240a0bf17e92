/** The CLI's only writers: whatever it prints (names, paths, git's and servers' messages) is redacted first. */
import { redactSecrets } from '../core/util/redact';

export function printOut(text: string): void {
  process.stdout.write(redactSecrets(text));
}

export function printErr(text: string): void {
  process.stderr.write(redactSecrets(text));
}
