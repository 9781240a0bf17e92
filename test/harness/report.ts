/** Output helpers shared by the runners. */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HarnessError } from './hostTools';

export function seconds(sinceMs: number): string {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)}s`;
}

export function say(tag: string, message: string): void {
  process.stdout.write(`[${tag}] ${message}\n`);
}

/** The last error lines of a workbench log: a test index that failed to load only shows up there. */
export function printWorkbenchErrors(tag: string, workbenchLog: string, serverLog: string, max = 20): void {
  if (existsSync(workbenchLog)) {
    const entries = readFileSync(workbenchLog, 'utf8').split(/\n(?=\[\w+\] )/).filter((l) => /^\[(error|3|4)\] /.test(l));
    for (const entry of entries.slice(-max)) process.stderr.write(`[${tag}:workbench] ${entry.trim()}\n`);
  }
  if (existsSync(serverLog)) {
    const errors = readFileSync(serverLog, 'utf8').split('\n').filter((l) => /\berror\b|ERR/i.test(l));
    for (const line of errors.slice(-max / 2)) process.stderr.write(`[${tag}:server] ${line}\n`);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The one line a runner prints when it cannot go on: what failed and what to try (a HarnessError
 * says both), or for an unexpected error its first line and the file holding the stack trace.
 */
export function harnessFailureLine(tag: string, error: unknown, detailsDir = os.tmpdir()): string {
  if (error instanceof HarnessError) return `[${tag}] ${error.message}`;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return `[${tag}] failed: ${message}`;
  const file = path.join(detailsDir, `constellation-${tag}-error-${process.pid}.log`);
  try {
    writeFileSync(file, `${stack}\n`);
  } catch {
    return `[${tag}] failed: ${message}`;
  }
  return `[${tag}] failed: ${message}; stack trace in ${file}; try again, and report it with that file if it persists`;
}

/** Prints the failure line (nothing when the failure already reported itself) and exits with 2. */
export function exitOnHarnessFailure(tag: string, error: unknown): never {
  if (!(error instanceof ReportedFailure)) process.stderr.write(`${harnessFailureLine(tag, error)}\n`);
  process.exit(2);
}

/** A failure whose one line was already printed (by the host set-up script). */
export class ReportedFailure extends HarnessError {}
