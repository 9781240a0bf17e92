import { spawn, type ChildProcess } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import type { Logger } from '../logger';
import { SharedWork } from '../util/sharedWork';
import { GitError, classifyGitFailure, firstErrorLine } from './gitError';

/** Config forced on every call: stable, uncoloured, unquoted machine output. */
export const GIT_GLOBAL_ARGS: readonly string[] = ['-c', 'core.quotepath=false', '-c', 'color.ui=false'];

export interface GitRunOptions {
  cwd: string;
  signal?: AbortSignal;
  /** Kill git after this long; 0 means no limit. Defaults to the runner's `defaultTimeoutMs`. */
  timeoutMs?: number;
  /** Written to git's stdin, which is then closed. */
  input?: string;
  env?: Record<string, string>;
}

export interface GitRunnerOptions {
  logger: Logger;
  /** The git executable; `git` from PATH by default. */
  gitPath?: string;
  defaultTimeoutMs?: number;
}

const MAX_STDERR = 64 * 1024;
const KILL_GRACE_MS = 2000;

/**
 * Runs the git CLI: argument arrays (never a shell), a fixed locale, no prompts, timeouts and
 * AbortSignal that kill the child, typed errors, and one log line per call.
 */
export class GitRunner {
  private readonly logger: Logger;
  private readonly gitPath: string;
  private readonly defaultTimeoutMs: number;
  /** Identical concurrent runs; the child is killed only when every caller gave up. */
  private readonly inFlight = new Map<string, SharedWork<string>>();
  private versionPromise?: Promise<string>;

  constructor(options: GitRunnerOptions) {
    this.logger = options.logger;
    this.gitPath = options.gitPath ?? 'git';
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 60_000;
  }

  /** Runs git and resolves with its whole stdout. Identical concurrent calls share one process. */
  run(args: string[], options: GitRunOptions): Promise<string> {
    if (options.input !== undefined || options.env) {
      return this.collect(args, options);
    }
    const key = `${options.cwd}\0${options.timeoutMs ?? ''}\0${args.join('\0')}`;
    if (options.signal?.aborted) {
      return Promise.reject(abortedError(args));
    }
    let shared = this.inFlight.get(key);
    // A run whose every caller left is being killed: start afresh instead of joining it.
    if (!shared || shared.abandoned) {
      const run: SharedWork<string> = new SharedWork((signal) =>
        this.collect(args, { ...options, signal }).finally(() => {
          // A cancelled run may finish after a fresh one replaced it: remove only our own entry.
          if (this.inFlight.get(key) === run) this.inFlight.delete(key);
        }),
      );
      shared = run;
      this.inFlight.set(key, run);
    }
    return shared.join(options.signal, () => abortedError(args));
  }

  /** Runs git and hands stdout to `onData` chunk by chunk (UTF-8, never split inside a character). */
  stream(args: string[], options: GitRunOptions, onData: (chunk: string) => void): Promise<void> {
    return this.spawnGit(args, options, onData).then(() => undefined);
  }

  async isAvailable(): Promise<boolean> {
    try {
      await this.version();
      return true;
    } catch {
      return false;
    }
  }

  /** The version number, e.g. `2.39.5`. */
  version(): Promise<string> {
    if (!this.versionPromise) {
      this.versionPromise = this.collect(['version'], { cwd: os.tmpdir() }).then((out) => {
        const match = /git version (\S+)/.exec(out);
        return match ? match[1] : out.trim();
      });
      this.versionPromise.catch(() => {
        this.versionPromise = undefined;
      });
    }
    return this.versionPromise;
  }

  private async collect(args: string[], options: GitRunOptions): Promise<string> {
    const chunks: string[] = [];
    await this.spawnGit(args, options, (chunk) => chunks.push(chunk));
    return chunks.join('');
  }

  private spawnGit(args: string[], options: GitRunOptions, onData: (chunk: string) => void): Promise<void> {
    const fullArgs = [...GIT_GLOBAL_ARGS, ...args];
    const started = Date.now();
    const shown = `git ${args.join(' ')}`;
    if (options.signal?.aborted) {
      return Promise.reject(abortedError(args));
    }
    return new Promise<void>((resolve, reject) => {
      const child = spawn(this.gitPath, fullArgs, {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
        // Own process group, so a kill also reaches helpers git started (remote-http, ...).
        detached: process.platform !== 'win32',
      });
      let stderr = '';
      let failure: GitError | Error | undefined;
      let settled = false;
      let spawnFailed = false;
      let killTimer: NodeJS.Timeout | undefined;

      const kill = (reason: GitError | Error): void => {
        if (!failure) {
          failure = reason;
        }
        if (child.exitCode === null && child.signalCode === null) {
          killTree(child, 'SIGTERM');
          killTimer = setTimeout(() => killTree(child, 'SIGKILL'), KILL_GRACE_MS);
        }
      };
      const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
      const timer =
        timeoutMs > 0
          ? setTimeout(() => kill(new GitError('Timeout', `${shown} timed out after ${timeoutMs} ms`, { args })), timeoutMs)
          : undefined;
      const onAbort = (): void => kill(abortedError(args));
      options.signal?.addEventListener('abort', onAbort, { once: true });

      const finish = (error: Error | undefined): void => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        clearTimeout(killTimer);
        options.signal?.removeEventListener('abort', onAbort);
        const ms = Date.now() - started;
        if (error) {
          this.logger.debug(`> ${shown} [${ms}ms] failed: ${error.message}`);
          reject(error);
        } else {
          this.logger.debug(`> ${shown} [${ms}ms]`);
          resolve();
        }
      };

      const { stdout, stderr: errStream } = child;
      if (!stdout || !errStream) {
        finish(new GitError('Failed', 'git started without output pipes', { args }));
        return;
      }
      stdout.setEncoding('utf8');
      stdout.on('data', (chunk: string) => {
        if (failure) {
          return;
        }
        try {
          onData(chunk);
        } catch (err) {
          kill(err instanceof Error ? err : new Error(String(err)));
        }
      });
      errStream.setEncoding('utf8');
      errStream.on('data', (chunk: string) => {
        if (stderr.length < MAX_STDERR) {
          stderr += chunk;
        }
      });
      if (child.stdin) {
        child.stdin.on('error', () => undefined); // git may exit before reading all input
        child.stdin.end(options.input);
      }
      child.on('error', (err: NodeJS.ErrnoException) => {
        spawnFailed = true;
        void this.spawnError(err, args, options.cwd).then(finish);
      });
      child.on('exit', () => {
        // A killed git may leave helpers holding its pipes open: do not wait for them.
        if (failure) {
          stdout.destroy();
          errStream.destroy();
          finish(failure);
        }
      });
      child.on('close', (exitCode) => {
        if (spawnFailed) {
          return;
        }
        if (failure) {
          finish(failure);
        } else if (exitCode === 0) {
          finish(undefined);
        } else {
          const code = classifyGitFailure(exitCode ?? undefined, stderr);
          const reason = firstErrorLine(stderr) || `exit code ${exitCode}`;
          finish(new GitError(code, `${shown} failed: ${reason}`, { exitCode: exitCode ?? undefined, stderr, args }));
        }
      });
    });
  }

  private async spawnError(err: NodeJS.ErrnoException, args: string[], cwd: string): Promise<GitError> {
    if (err.code === 'ENOENT') {
      const cwdExists = await fs.stat(cwd).then(
        (s) => s.isDirectory(),
        () => false,
      );
      if (!cwdExists) {
        return new GitError('NotARepository', `Folder ${cwd} does not exist`, { args, stderr: err.message });
      }
      return new GitError(
        'GitNotFound',
        `Git was not found at '${this.gitPath}'. Install git or set the path to the git executable.`,
        { args, stderr: err.message },
      );
    }
    return new GitError('Failed', `Could not start git: ${err.message}`, { args, stderr: err.message });
  }
}

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined && process.platform !== 'win32') {
      process.kill(-child.pid, signal);
      return;
    }
  } catch {
    // the group is already gone; fall back to the child itself
  }
  child.kill(signal);
}

function abortedError(args: string[]): GitError {
  return new GitError('Aborted', `git ${args[0] ?? ''} was cancelled`, { args });
}
