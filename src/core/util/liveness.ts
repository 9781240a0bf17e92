/** Whether a writer that left a lock or a temp file is still running, as far as this machine can tell. */
import { createHash } from 'crypto';
import * as os from 'os';

/** A short, file-name-safe tag of this machine, so a folder shared between machines tells their files apart. */
export const HOST_TAG = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);

/** True unless the process is known to be gone (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
