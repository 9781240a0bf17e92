import { Octokit } from 'octokit';
import type { Logger } from '../logger';
import { GitHubError, toGitHubError } from './errors';
import { RateLimitState } from './rateLimit';

export interface GitHubClientOptions {
  /** From the editor's authentication session (or none, for public reads); never logged. */
  token?: string;
  /** REST base: `https://api.github.com` (default) or `https://ghe.example/api/v3`. */
  baseUrl?: string;
  logger: Logger;
  /** Give up on a request GitHub does not answer within this long (default 30 s). */
  timeoutMs?: number;
  /** Retries of 5xx answers and lost connections for reads (default 2); writes are never retried. */
  retries?: number;
  retryBaseMs?: number;
  /** A rate limit is waited out (once, reads only) if it lifts within this many seconds (default 10). */
  maxRateLimitWaitSeconds?: number;
  /** Octokit's request spacing (writes ≥ 1 s apart, as GitHub asks). Default true. */
  throttle?: boolean;
  userAgent?: string;
  /** Shared back-off state; a new one when omitted. */
  rateLimit?: RateLimitState;
  /** Told of every failure once classified (the session forgets a rejected token there). */
  onError?: (error: GitHubError) => void;
}

/** Per-request options for octokit's `request` field: the signal, and no retry for writes. */
export interface GitHubRequestOptions {
  signal: AbortSignal;
  retries?: 0;
}

export interface CallOptions {
  /** A non-idempotent request (create, comment): never resent automatically. */
  write?: boolean;
}

/**
 * One octokit plus the policy around every call: timeout, cancellation, shared rate-limit back-off,
 * writes never retried, and failures as GitHubError.
 */
export class GitHubClient {
  readonly octokit: Octokit;
  readonly baseUrl: string;
  readonly rateLimit: RateLimitState;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly onError: (error: GitHubError) => void;

  constructor(options: GitHubClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.logger = options.logger;
    this.baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    this.rateLimit = options.rateLimit ?? new RateLimitState();
    this.onError = options.onError ?? (() => undefined);
    const maxWait = options.maxRateLimitWaitSeconds ?? 10;
    const log = options.logger;
    type LimitedRequest = { method?: string; url?: string; request?: { retries?: number } };
    const onLimit = (kind: string) => (retryAfter: number, request: LimitedRequest, _octokit: unknown, retryCount: number): boolean => {
      const retry = retryCount === 0 && retryAfter <= maxWait && request.request?.retries !== 0;
      log.warn(`GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ${retry ? `retrying in ${retryAfter} s` : 'giving up'}`);
      return retry;
    };
    this.octokit = new Octokit({
      auth: options.token,
      baseUrl: this.baseUrl,
      userAgent: options.userAgent ?? 'constellation-vscode',
      throttle: { enabled: options.throttle ?? true, onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      retry: { retries: options.retries ?? 2, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
      log: { debug: (m: string) => log.debug(m), info: (m: string) => log.debug(m), warn: (m: string) => log.warn(m), error: (m: string) => log.error(m) },
    });
  }

  /**
   * Runs `work` with request options whose signal fires on the caller's cancellation or our
   * timeout; refuses at once while a rate limit is in force; maps any failure to a GitHubError.
   */
  async call<T>(what: string, signal: AbortSignal | undefined, work: (request: GitHubRequestOptions) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const blocked = this.rateLimit.blockedUntil();
    if (blocked) {
      throw new GitHubError('rateLimited', `GitHub rate limit: waiting until ${blocked.toISOString()}`, { resetAt: blocked });
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      signal?.throwIfAborted();
      return await work(options.write ? { signal: combined, retries: 0 } : { signal: combined });
    } catch (err) {
      const error = toGitHubError(err, { signal, timedOut: timeout.signal.aborted, timeoutMs: this.timeoutMs });
      this.logger.debug(`${what} failed (${error.kind}): ${error.message}`);
      this.rateLimit.note(error);
      this.onError(error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
