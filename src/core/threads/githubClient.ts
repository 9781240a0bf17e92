import { Octokit } from 'octokit';
import type { Logger } from '../logger';
import { toThreadBackendError } from './githubErrors';

export interface GitHubClientOptions {
  /** A token from the editor's authentication session; never logged. */
  token: string;
  /** `https://api.github.com` (default) or a GitHub Enterprise `https://host/api/v3`. */
  baseUrl?: string;
  logger: Logger;
  /** Give up on a request GitHub does not answer within this long (default 30 s). */
  timeoutMs?: number;
  /** Retries of 5xx answers (default 2) and the base of their quadratic back-off in ms (default 1000). */
  retries?: number;
  retryBaseMs?: number;
  /** A rate limit is waited out (once) only if it lifts within this many seconds (default 10). */
  maxRateLimitWaitSeconds?: number;
  /** Octokit's request spacing (writes ≥ 1 s apart, as GitHub asks). Default true. */
  throttle?: boolean;
  userAgent?: string;
}

/** One octokit plus the policy around every call: timeout, cancellation, typed errors. */
export class GitHubClient {
  readonly octokit: Octokit;
  private readonly timeoutMs: number;
  private readonly logger: Logger;

  constructor(options: GitHubClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.logger = options.logger;
    const maxWait = options.maxRateLimitWaitSeconds ?? 10;
    const log = options.logger;
    const onLimit = (kind: string) => (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const retry = retryCount === 0 && retryAfter <= maxWait;
      log.warn(`GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ${retry ? `retrying in ${retryAfter} s` : 'giving up'}`);
      return retry;
    };
    this.octokit = new Octokit({
      auth: options.token,
      baseUrl: options.baseUrl?.replace(/\/+$/, ''),
      userAgent: options.userAgent ?? 'constellation-vscode',
      throttle: { enabled: options.throttle ?? true, onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      retry: { retries: options.retries ?? 2, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
      log: { debug: (m: string) => log.debug(m), info: (m: string) => log.debug(m), warn: (m: string) => log.warn(m), error: (m: string) => log.error(m) },
    });
  }

  /**
   * Runs `work` with a signal that fires on the caller's cancellation or our timeout, and maps any
   * failure to a ThreadBackendError.
   */
  async call<T>(what: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      signal?.throwIfAborted();
      return await work(combined);
    } catch (err) {
      const error = toThreadBackendError(err, { signal, timedOut: timeout.signal.aborted, timeoutMs: this.timeoutMs });
      this.logger.debug(`${what} failed (${error.kind}): ${error.message}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
