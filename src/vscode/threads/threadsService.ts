import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { isThreadBackendError } from '../../core/threads/backendError';
import type { Thread, ThreadComment } from '../../core/threads/threadTypes';
import type { BackendProvider } from './backends';
import type { CommunitiesController, VenueEntry } from './communities';

export interface KnownThread {
  thread: Thread;
  entry: VenueEntry;
}

export interface VenueStatus {
  entry: VenueEntry;
  /** Why the last listing failed (threads from before are kept). */
  error?: string;
  /** For a rate limit: no GitHub listing before this time (ms since epoch). */
  backOffUntil?: number;
}

/**
 * The threads of every venue of the workspace's communities, kept in memory. A venue that fails
 * keeps its last threads; a rate-limited GitHub is not asked again before the limit resets.
 */
export class ThreadsService implements vscode.Disposable {
  private readonly known = new Map<string, KnownThread>();
  private readonly statuses = new Map<string, VenueStatus>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private running?: Promise<void>;

  constructor(
    private readonly communities: CommunitiesController,
    private readonly backends: BackendProvider,
    private readonly roots: () => Promise<string[]>,
    private readonly logger: Logger,
  ) {}

  all(): KnownThread[] {
    return [...this.known.values()];
  }

  venueStatuses(): VenueStatus[] {
    return [...this.statuses.values()];
  }

  async venues(): Promise<VenueEntry[]> {
    return this.communities.venues(await this.roots());
  }

  /** Re-lists every venue; concurrent calls share one run. */
  refresh(): Promise<void> {
    this.running ??= this.listAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Records a thread the editor just created, without waiting for the next listing. */
  remember(thread: Thread, entry: VenueEntry): void {
    this.known.set(keyOf(entry, thread.id), { thread, entry });
    this.changed.fire();
  }

  rememberComment(entry: VenueEntry, threadId: string, comment: ThreadComment): void {
    const known = this.known.get(keyOf(entry, threadId));
    if (!known) return;
    known.thread = { ...known.thread, comments: [...known.thread.comments, comment] };
    this.changed.fire();
  }

  private async listAll(): Promise<void> {
    const entries = await this.venues();
    const live = new Set(entries.map((e) => venueKey(e)));
    for (const [key, value] of this.known) if (!live.has(venueKey(value.entry))) this.known.delete(key);
    for (const key of [...this.statuses.keys()]) if (!live.has(key)) this.statuses.delete(key);
    await Promise.all(entries.map((entry) => this.listVenue(entry)));
    this.changed.fire();
  }

  private async listVenue(entry: VenueEntry): Promise<void> {
    const key = venueKey(entry);
    try {
      const backend = await this.backends.forVenue(entry.venue, false);
      const threads = await backend.listThreads(entry.venue);
      for (const [k, v] of this.known) if (venueKey(v.entry) === key) this.known.delete(k);
      for (const thread of threads) this.known.set(keyOf(entry, thread.id), { thread, entry });
      this.statuses.set(key, { entry });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // The GitHub session keeps the back-off: while a limit is in force its client refuses at once.
      const resetAt = isThreadBackendError(err) && err.kind === 'rateLimited' ? err.resetAt : undefined;
      this.statuses.set(key, { entry, error: resetAt ? `GitHub rate limit: waiting until ${resetAt.toLocaleTimeString()}` : message, ...(resetAt ? { backOffUntil: resetAt.getTime() } : {}) });
      this.logger.warn(`threads of ${entry.community.id} not listed: ${message}`);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function venueKey(entry: VenueEntry): string {
  return JSON.stringify(entry.venue);
}

function keyOf(entry: VenueEntry, threadId: string): string {
  return `${venueKey(entry)}#${threadId}`;
}
