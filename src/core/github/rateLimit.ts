import type { GitHubError } from './errors';

/** Shared by every caller of one GitHub host: once a limit is hit, nobody asks again before it lifts. */
export class RateLimitState {
  private until = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the reset time of a `rateLimited` error (a minute when GitHub did not say). */
  note(error: GitHubError): void {
    if (error.kind !== 'rateLimited') return;
    const until = error.resetAt?.getTime() ?? this.now() + 60_000;
    this.until = Math.max(this.until, Number.isFinite(until) ? until : this.now() + 60_000);
  }

  /** When calls may go out again, while a limit is in force. */
  blockedUntil(): Date | undefined {
    return this.until > this.now() ? new Date(this.until) : undefined;
  }

  reset(): void {
    this.until = 0;
  }
}
