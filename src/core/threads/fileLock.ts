import { promises as fs } from 'fs';
import { randomBytes } from 'crypto';
import { HOST_TAG, isProcessAlive } from '../util/liveness';
import { ThreadBackendError } from './backendError';

export interface FileLockOptions {
  /**
   * A lock older than this is taken to be left by a crashed writer and broken (default 5 s). A lock
   * whose writer ran on this machine and is gone is broken at once.
   */
  staleMs?: number;
  /** Give up waiting after this long (default 10 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Runs `work` while holding `<target>.lock`, created with O_EXCL so exactly one writer (any
 * process) holds it. The lock says who holds it (`<pid> <host> <time>`): a writer that crashed
 * leaves a lock that is broken at once on the same machine, and once stale from elsewhere.
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
  const staleMs = options.staleMs ?? 5_000;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      const handle = await fs.open(lockPath, 'wx');
      try {
        await handle.writeFile(`${process.pid} ${HOST_TAG} ${new Date().toISOString()}\n`);
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

/** True when the lock (its text) was written on this machine by a process that is gone. */
function holderIsGone(text: string): boolean {
  const [pid, host] = text.trim().split(/\s+/);
  return host === HOST_TAG && Number(pid) !== process.pid && !isProcessAlive(Number(pid));
}

/**
 * Moves a stale lock aside (rename is atomic, so only one breaker wins) and deletes it. Should the
 * lock have changed hands between the check and the rename, it is put back.
 */
async function breakIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  let mtime: number;
  let text: string;
  try {
    mtime = (await fs.stat(lockPath)).mtimeMs;
    text = await fs.readFile(lockPath, 'utf8');
  } catch {
    return true; // released meanwhile
  }
  if (Date.now() - mtime < staleMs && !holderIsGone(text)) {
    return false;
  }
  const aside = `${lockPath}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return true; // someone else broke it first
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => text);
  if (moved !== text) await fs.link(aside, lockPath).catch(() => undefined); // a live holder's lock: restore unless re-taken
  await fs.rm(aside, { force: true });
  return true;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
