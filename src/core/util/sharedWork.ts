/**
 * One piece of cancellable work shared by every caller that asks for it while it runs. A caller's
 * signal cancels only its own wait; the work itself is aborted once every waiter that could give
 * up has given up (a waiter without a signal keeps it alive), or by `abort()`.
 */
export class SharedWork<T> {
  readonly promise: Promise<T>;
  private readonly controller = new AbortController();
  private waiting = 0;

  constructor(start: (signal: AbortSignal) => Promise<T>) {
    this.promise = start(this.controller.signal);
    // Every waiter handles the outcome; the work's own rejection is not an unhandled one.
    this.promise.catch(() => undefined);
  }

  /** True once the work was told to stop; a new caller should start afresh instead of joining. */
  get abandoned(): boolean {
    return this.controller.signal.aborted;
  }

  /** Resolves when the work has finished, whatever its outcome. */
  settled(): Promise<void> {
    return this.promise.then(() => undefined, () => undefined);
  }

  abort(): void {
    this.controller.abort();
  }

  /** Waits for the result; `signal` rejects this wait with `cancelled()` and leaves the work. */
  join(signal: AbortSignal | undefined, cancelled: () => Error): Promise<T> {
    this.waiting++;
    if (!signal) return this.promise;
    if (signal.aborted) {
      this.leave();
      return Promise.reject(cancelled());
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        this.leave();
        reject(cancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        },
      );
    });
  }

  private leave(): void {
    this.waiting--;
    if (this.waiting <= 0) this.controller.abort();
  }
}
