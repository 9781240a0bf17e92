import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { randomBytes } from 'crypto';
import type { Logger } from '../logger';
import { writeFileAtomic } from '../util/atomicWrite';
import { ThreadBackendError } from './backendError';
import { withFileLock } from './fileLock';
import { appendCommentText, frontMatterLine, parseThreadFile, serializeThread, type FileProblem } from './fileStoreFormat';
import { readRegularFile } from '../util/safeRead';
import type { AddCommentOptions, BackendCallOptions, Thread, ThreadBackend, ThreadComment, ThreadDraftContent, Venue } from './threadTypes';
import { kebabCase } from '../util/kebabCase';

export type { FileProblem } from './fileStoreFormat';

/** Thread files larger than this are skipped with a problem (a thread of a few hundred comments is ~100 KB). */
export const MAX_THREAD_FILE_BYTES = 2 * 1024 * 1024;

export interface FileThreadStoreOptions {
  logger: Logger;
  /** Relative `files` venue paths are resolved against this folder (normally the repository root). */
  baseDir?: string;
  /** Lock files older than this are broken (a writer crashed). */
  lockStaleMs?: number;
  lockTimeoutMs?: number;
  /** Default MAX_THREAD_FILE_BYTES. */
  maxFileBytes?: number;
  now?: () => Date;
}

export interface FolderScan {
  threads: Thread[];
  /** Files that could not be read as threads; they are skipped, never fatal. */
  problems: FileProblem[];
}

/**
 * Threads as Markdown files in a folder (for example a checked-out "community hub" repository).
 * Concurrency: a new thread is a new file (unique id) written atomically; a comment is a
 * read-append-rewrite of the thread file under `<file>.lock`, an O_EXCL lock file shared by
 * every process, so concurrent comments are serialized and none is lost.
 */
export class FileThreadStore implements ThreadBackend {
  private readonly logger: Logger;
  private readonly options: FileThreadStoreOptions;

  constructor(options: FileThreadStoreOptions) {
    this.options = options;
    this.logger = options.logger;
  }

  async scan(venue: Venue, options: BackendCallOptions = {}): Promise<FolderScan> {
    const folder = this.folderOf(venue);
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return { threads: [], problems: [] };
      }
      throw new ThreadBackendError('invalid', `cannot read thread folder ${folder}: ${(err as Error).message}`, { cause: err });
    }
    const threads: Thread[] = [];
    const problems: FileProblem[] = [];
    const files = new Map<string, { file: string; text: string; index: number }>();
    // File by file: one bad file is one problem, the others still load.
    for (const name of names.filter((n) => n.endsWith('.md')).sort()) {
      options.signal?.throwIfAborted();
      const file = path.join(folder, name);
      let text: string;
      try {
        text = await readRegularFile(file, { maxBytes: this.options.maxFileBytes ?? MAX_THREAD_FILE_BYTES, within: folder });
      } catch (err) {
        problems.push({ file, line: 1, message: (err as Error).message });
        continue;
      }
      const parsed = parseThreadFile(file, text, venue, pathToFileURL(file).href);
      if (!parsed.ok) {
        problems.push(parsed.problem);
        continue;
      }
      const id = parsed.thread.id;
      const first = files.get(id);
      if (first === undefined) {
        files.set(id, { file, text, index: threads.push(parsed.thread) - 1 });
        continue;
      }
      // The file named after the id is the thread (comments go there); the other one is the duplicate.
      const keepNew = name === `${id}.md`;
      const duplicate = keepNew ? first : { file, text };
      problems.push({ file: duplicate.file, line: frontMatterLine(duplicate.text, 'id'), message: `thread id "${id}" is already used by ${keepNew ? file : first.file}; this file is skipped (give it another id)` });
      if (keepNew) {
        threads[first.index] = parsed.thread;
        files.set(id, { file, text, index: first.index });
      }
    }
    threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return { threads, problems };
  }

  async listThreads(venue: Venue, options: BackendCallOptions = {}): Promise<Thread[]> {
    const { threads, problems } = await this.scan(venue, options);
    for (const p of problems) {
      this.logger.warn(`${p.file}:${p.line}: skipped thread file: ${p.message}`);
    }
    return threads;
  }

  async createThread(venue: Venue, draft: ThreadDraftContent, options: BackendCallOptions = {}): Promise<Thread> {
    options.signal?.throwIfAborted();
    if (draft.title.trim() === '') {
      throw new ThreadBackendError('invalid', 'a thread needs a title');
    }
    const id = `${slugify(draft.title)}-${shortId(this.now())}`;
    const file = path.join(this.folderOf(venue), `${id}.md`);
    const thread: Thread = {
      id,
      backend: 'files',
      venue,
      title: draft.title.trim(),
      url: pathToFileURL(file).href,
      author: draft.author ?? {},
      createdAt: this.now().toISOString(),
      anchor: draft.anchor,
      body: draft.body.trim(),
      comments: [],
      state: 'open',
    };
    await writeFileAtomic(file, serializeThread(thread));
    return thread;
  }

  async addComment(
    venue: Venue,
    threadId: string,
    body: string,
    options: AddCommentOptions = {},
  ): Promise<ThreadComment> {
    const file = await this.fileOf(venue, threadId);
    const comment: ThreadComment = {
      id: `c-${shortId(this.now())}`,
      author: options.author ?? {},
      body: body.trim(),
      createdAt: this.now().toISOString(),
      ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    };
    const lock = { staleMs: this.options.lockStaleMs, timeoutMs: this.options.lockTimeoutMs, signal: options.signal };
    await withFileLock(
      file,
      async () => {
        const text = await readRegularFile(file, { maxBytes: this.options.maxFileBytes ?? MAX_THREAD_FILE_BYTES, within: this.folderOf(venue) }).catch((err: Error) => {
          throw new ThreadBackendError('invalid', err.message, { cause: err });
        });
        const parsed = parseThreadFile(file, text, venue);
        if (!parsed.ok) {
          const p = parsed.problem;
          throw new ThreadBackendError('invalid', `${p.file}:${p.line}: ${p.message}`);
        }
        if (options.replyTo && !parsed.thread.comments.some((c) => c.id === options.replyTo)) {
          throw new ThreadBackendError('invalid', `no comment ${options.replyTo} in thread ${threadId}`);
        }
        await writeFileAtomic(file, appendCommentText(text, comment));
      },
      lock,
    );
    return comment;
  }

  private folderOf(venue: Venue): string {
    if (venue.backend !== 'files') {
      throw new ThreadBackendError('invalid', `the file store cannot hold a ${venue.backend} venue`);
    }
    return path.resolve(this.options.baseDir ?? process.cwd(), venue.path);
  }

  /** Files are named after their id; a renamed file is still found through its front matter. */
  private async fileOf(venue: Venue, threadId: string): Promise<string> {
    if (!/^[\w.-]+$/.test(threadId)) {
      throw new ThreadBackendError('invalid', `not a thread id: ${threadId}`);
    }
    const direct = path.join(this.folderOf(venue), `${threadId}.md`);
    if (await exists(direct)) {
      return direct;
    }
    const found = (await this.scan(venue)).threads.find((t) => t.id === threadId);
    if (!found?.url) {
      throw new ThreadBackendError('notFound', `no thread ${threadId} in ${this.folderOf(venue)}`);
    }
    return fileURLToPath(found.url);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** The readable part of a thread file's name. */
export function slugify(title: string): string {
  return kebabCase(title, 40) || 'thread';
}

/** Time-ordered and random enough that two writers never pick the same id. */
function shortId(now: Date): string {
  return `${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
