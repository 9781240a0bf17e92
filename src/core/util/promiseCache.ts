/**
 * One load per key, shared by every caller while it runs and kept once it succeeds. A load that
 * fails is forgotten, so the next call tries again instead of repeating the old error.
 */
export class PromiseCache<V> {
  private readonly entries = new Map<string, Promise<V>>();

  get(key: string, load: () => Promise<V>): Promise<V> {
    let pending = this.entries.get(key);
    if (!pending) {
      pending = load();
      this.entries.set(key, pending);
      const settled = pending;
      settled.catch(() => {
        if (this.entries.get(key) === settled) this.entries.delete(key);
      });
    }
    return pending;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets the keys `drop` selects, or every key. */
  clear(drop?: (key: string) => boolean): void {
    if (!drop) {
      this.entries.clear();
      return;
    }
    for (const key of [...this.entries.keys()]) if (drop(key)) this.entries.delete(key);
  }

  values(): Promise<V>[] {
    return [...this.entries.values()];
  }
}
