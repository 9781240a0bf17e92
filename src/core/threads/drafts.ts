import { promises as fs } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import type { Logger } from '../logger';
import { writeFileAtomic } from '../util/atomicWrite';
import { redactDeep } from '../util/redact';
import { ThreadBackendError, type ThreadBackendErrorKind } from './backendError';
import type { BackendCallOptions, Thread, ThreadBackend, ThreadComment, ThreadDraftContent, ThreadPerson, Venue } from './threadTypes';

export type DraftState = 'pending' | 'failed' | 'sent';

export interface DraftError {
  kind: ThreadBackendErrorKind;
  message: string;
  /** For `rateLimited`: when sending can be retried (ISO 8601). */
  resetAt?: string;
}

export type DraftPayload =
  | { kind: 'thread'; content: ThreadDraftContent }
  | { kind: 'comment'; threadId: string; body: string; replyTo?: string; author?: ThreadPerson };

export interface Draft {
  id: string;
  venue: Venue;
  payload: DraftPayload;
  /** `pending` until the backend confirms; also what a crash mid-send leaves behind. */
  state: DraftState;
  error?: DraftError;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

export type SendResult = { draft: Draft; thread: Thread } | { draft: Draft; comment: ThreadComment };

export interface DraftStoreOptions {
  /** Folder of `<id>.json` drafts (e.g. the extension's global storage). */
  dir: string;
  logger: Logger;
  now?: () => Date;
}

/**
 * Drafts are written (atomically) before anything is sent, and deleted only once the backend has
 * confirmed; every failure keeps the draft with the reason, so nothing a person wrote is lost.
 */
export class DraftStore {
  private readonly dir: string;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(options: DraftStoreOptions) {
    this.dir = options.dir;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
  }

  async save(venue: Venue, payload: DraftPayload): Promise<Draft> {
    const time = this.now().toISOString();
    const draft: Draft = {
      id: `d-${Date.now().toString(36)}${randomBytes(4).toString('hex')}`,
      venue,
      payload,
      state: 'pending',
      attempts: 0,
      createdAt: time,
      updatedAt: time,
    };
    await this.write(draft);
    return redactDeep(draft);
  }

  /** Every readable draft, oldest first; unreadable files are logged and skipped. */
  async list(): Promise<Draft[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const drafts: Draft[] = [];
    for (const name of names.filter((n) => /^d-[\w]+\.json$/.test(n))) {
      const draft = await this.read(name.slice(0, -'.json'.length));
      if (draft) {
        drafts.push(draft);
      }
    }
    return drafts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async get(id: string): Promise<Draft | undefined> {
    return /^d-\w+$/.test(id) ? this.read(id) : undefined;
  }

  async discard(id: string): Promise<void> {
    if (/^d-\w+$/.test(id)) {
      await fs.rm(this.fileOf(id), { force: true });
    }
  }

  /** Saves then sends: the draft exists on disk before the first byte goes out. */
  async submit(venue: Venue, payload: DraftPayload, backend: ThreadBackend, options: BackendCallOptions = {}): Promise<SendResult> {
    const draft = await this.save(venue, payload);
    return this.send(draft.id, backend, options);
  }

  /** Sends (or re-sends) a stored draft. Throws ThreadBackendError; the draft then says why. */
  async send(id: string, backend: ThreadBackend, options: BackendCallOptions = {}): Promise<SendResult> {
    const stored = await this.get(id);
    if (!stored) {
      throw new ThreadBackendError('notFound', `no draft ${id}`);
    }
    const draft: Draft = { ...stored, state: 'pending', error: undefined, attempts: stored.attempts + 1, updatedAt: this.now().toISOString() };
    await this.write(draft);
    try {
      // A create is not idempotent: an earlier attempt may have reached the venue although its
      // answer was lost (a 502 after the create, a reset connection). Look before sending again.
      const earlier = stored.attempts > 0 && draft.payload.kind === 'thread' ? await findDelivered(draft, backend, options) : undefined;
      if (earlier) this.logger.info(`draft ${id} was already delivered as ${earlier.id}: not sent again`);
      const result = earlier ? { thread: earlier } : await deliver(draft, backend, options);
      await fs.rm(this.fileOf(id), { force: true });
      return { ...result, draft: { ...draft, state: 'sent', updatedAt: this.now().toISOString() } };
    } catch (err) {
      const error = toBackendError(err, options.signal);
      const failed: Draft = {
        ...draft,
        state: 'failed',
        error: { kind: error.kind, message: error.message, ...(error.resetAt ? { resetAt: error.resetAt.toISOString() } : {}) },
        updatedAt: this.now().toISOString(),
      };
      await this.write(failed);
      this.logger.warn(`draft ${id} not sent (${error.kind}): ${error.message}`);
      throw error;
    }
  }

  /** Alias of send, for the UI's "Retry". */
  retry(id: string, backend: ThreadBackend, options: BackendCallOptions = {}): Promise<SendResult> {
    return this.send(id, backend, options);
  }

  private async read(id: string): Promise<Draft | undefined> {
    const file = this.fileOf(id);
    try {
      const raw: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
      if (isDraft(raw)) {
        return raw;
      }
      this.logger.warn(`${file}: not a draft, skipped`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn(`${file}: unreadable draft skipped: ${(err as Error).message}`);
      }
    }
    return undefined;
  }

  /** Secrets never reach the disk; since a send reads the stored draft, they are never posted either. */
  private write(draft: Draft): Promise<void> {
    return writeFileAtomic(this.fileOf(draft.id), `${JSON.stringify(redactDeep(draft), null, 2)}\n`);
  }

  private fileOf(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }
}

/** The hidden mark a new thread carries, so a retry can tell it already exists. */
export function draftMarker(id: string): string {
  return `<!-- constellation:draft ${id} -->`;
}

async function deliver(draft: Draft, backend: ThreadBackend, options: BackendCallOptions): Promise<{ thread: Thread } | { comment: ThreadComment }> {
  const p = draft.payload;
  if (p.kind === 'thread') {
    const body = `${p.content.body.replace(/\s+$/, '')}\n\n${draftMarker(draft.id)}\n`;
    return { thread: await backend.createThread(draft.venue, { ...p.content, body }, options) };
  }
  return { comment: await backend.addComment(draft.venue, p.threadId, p.body, { ...options, replyTo: p.replyTo, author: p.author }) };
}

async function findDelivered(draft: Draft, backend: ThreadBackend, options: BackendCallOptions): Promise<Thread | undefined> {
  const marker = draftMarker(draft.id);
  return (await backend.listThreads(draft.venue, options)).find((t) => t.body.includes(marker));
}

function toBackendError(err: unknown, signal?: AbortSignal): ThreadBackendError {
  if (err instanceof ThreadBackendError) {
    return err;
  }
  if (signal?.aborted || (err instanceof Error && err.name === 'AbortError')) {
    return new ThreadBackendError('aborted', 'sending was cancelled', { cause: err });
  }
  return new ThreadBackendError('server', err instanceof Error ? err.message : String(err), { cause: err });
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const d = value as Partial<Draft>;
  return typeof d.id === 'string' && typeof d.venue === 'object' && typeof d.payload === 'object' && d.payload !== null && (d.state === 'pending' || d.state === 'failed');
}
