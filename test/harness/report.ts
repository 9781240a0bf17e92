/** Output helpers shared by the runners. */
import { existsSync, readFileSync } from 'fs';

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
