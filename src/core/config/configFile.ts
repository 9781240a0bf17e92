/** Reading a configuration file: only a regular file, never more than its cap, with a diagnostic a person can act on. */
import type { ConfigDiagnostic } from '../directory/types';
import { formatBytes, readRegularFile, UnreadableFileError } from '../util/safeRead';

/** directory.yml: ~55,000 people written one by one; a bigger org lists people by email glob. */
export const MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;
export const MAX_COMMUNITIES_BYTES = 2 * 1024 * 1024;

export type ConfigRead = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'problem'; diagnostic: ConfigDiagnostic };

/** `what` names the file in messages ("the directory file"); `advice` says what to do with a file over the cap. */
export async function readConfigFile(file: string, maxBytes: number, what: string, advice: string): Promise<ConfigRead> {
  try {
    return { kind: 'text', text: await readRegularFile(file, { maxBytes }) };
  } catch (err) {
    if (err instanceof UnreadableFileError && err.reason === 'missing') return { kind: 'missing' };
    if (err instanceof UnreadableFileError && err.reason === 'too-large') return { kind: 'problem', diagnostic: tooLarge(file, maxBytes, what, advice) };
    return { kind: 'problem', diagnostic: { file, line: 1, column: 1, message: `cannot read ${what}: ${(err as Error).message}`, severity: 'error' } };
  }
}

/** The problem of a configuration text over its cap (also for texts read from git rather than a file). */
export function tooLarge(file: string, maxBytes: number, what: string, advice: string): ConfigDiagnostic {
  return { file, line: 1, column: 1, message: `${what} is larger than ${formatBytes(maxBytes)}, so Constellation does not read it: ${advice}`, severity: 'error' };
}
