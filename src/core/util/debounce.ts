/** Runs work once a burst of calls has settled, per key (file watchers and typing fire in bursts). */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  schedule(work: () => void, key = '', delayMs = this.delayMs): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      work();
    }, delayMs));
  }

  /** Whether work is waiting to run. */
  get pending(): boolean {
    return this.timers.size > 0;
  }

  cancel(key?: string): void {
    if (key !== undefined) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      return;
    }
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  dispose(): void {
    this.cancel();
  }
}
