import * as vscode from 'vscode';
import { ThreadBackendError, isThreadBackendError } from '../../core/threads/backendError';
import type { Draft, DraftPayload, DraftStore, SendResult } from '../../core/threads/drafts';
import { Commands, runCommand } from '../contracts';
import type { ThreadBackend, Venue } from '../../core/threads/threadTypes';
import type { BackendProvider } from './backends';
import { notify } from '../platform/notify';

/**
 * Sends what a person wrote through the DraftStore: saved first, kept with the reason on any
 * failure (offline, 401, 5xx, rate limit), retried or discarded from the Threads view.
 */
export class DraftSender implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeDrafts = this.changed.event;

  constructor(readonly drafts: DraftStore, private readonly backends: BackendProvider) {}

  async submit(venue: Venue, payload: DraftPayload): Promise<SendResult | undefined> {
    const draft = await this.drafts.save(venue, payload);
    this.changed.fire();
    return this.send(draft.id);
  }

  /** Keeps a draft in Drafts without sending it. */
  async keep(venue: Venue, payload: DraftPayload): Promise<Draft> {
    const draft = await this.drafts.save(venue, payload);
    this.changed.fire();
    return draft;
  }

  async send(id: string): Promise<SendResult | undefined> {
    const draft = await this.drafts.get(id);
    if (!draft) return undefined;
    let backend: ThreadBackend;
    try {
      backend = await this.backends.forVenue(draft.venue, true);
    } catch (err) {
      // Signing in failed or was cancelled: record it on the draft like any other failure.
      backend = failing(err);
    }
    try {
      return await this.drafts.send(id, backend);
    } catch (err) {
      void notify.error(failureMessage(err), 'Show Drafts').then((choice) => {
        if (choice) void runCommand(Commands.threads.focusView);
      });
      return undefined;
    } finally {
      this.changed.fire();
    }
  }

  async discard(id: string): Promise<void> {
    await this.drafts.discard(id);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function failureMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const reset = isThreadBackendError(err) && err.kind === 'rateLimited' && err.resetAt ? ` Try again after ${new Date(err.resetAt).toLocaleTimeString()}.` : '';
  return `Not sent: ${message}.${reset} Your draft is kept in the Threads view (Drafts) to retry.`;
}

function failing(err: unknown): ThreadBackend {
  const error = isThreadBackendError(err) ? err : new ThreadBackendError('unauthorized', err instanceof Error ? err.message : String(err), { cause: err });
  const fail = (): Promise<never> => Promise.reject(error);
  return { listThreads: fail, createThread: fail, addComment: fail };
}
