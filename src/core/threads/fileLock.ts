import { promises as fs } from 'fs';
import { randomBytes } from 'crypto';
import { ThreadBackendError } from './backendError';

export interface FileLockOptions {
  /** A lock older than this is taken to be left by a crashed writer and broken (default 10 s). */
  staleMs?: number;
  /** Give up waiting after this long (default 10 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Runs `work` while holding `<target>.lock`, created with O_EXCL so exactly one writer (any
 * process) holds it. A writer that crashed leaves a lock that turns stale and is broken.
 */
export async function withFileLock<T>(target: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const lockPath = `${target}.lock`;
  await acquire(lockPath, options);
  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<void> {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      const handle = await fs.open(lockPath, 'wx');
      try {
        await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      } finally {
        await handle.close();
      }
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw err;
      }
    }
    if (await breakIfStale(lockPath, staleMs)) {
      continue;
    }
    if (Date.now() > deadline) {
      throw new ThreadBackendError('server', `${lockPath} is held by another writer; try again`);
    }
    await delay(Math.min(100, 5 + attempt * 2) + Math.floor(Math.random() * 10));
  }
}

/** Moves a stale lock aside (rename is atomic, so only one breaker wins) and deletes it. */
async function breakIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  let mtime: number;
  try {
    mtime = (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return true; // released meanwhile
  }
  if (Date.now() - mtime < staleMs) {
    return false;
  }
  const aside = `${lockPath}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return true; // someone else broke it first
  }
  await fs.rm(aside, { force: true });
  return true;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
