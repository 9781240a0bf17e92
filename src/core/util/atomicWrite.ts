import { promises as fs } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { HOST_TAG, isProcessAlive } from './liveness';

/** `<target>.<host>-<pid>.<random>.tmp`: who wrote a temp file, so orphans can be told from writes in progress. */
const TEMP_NAME = /\.([0-9a-f]{8})-(\d+)\.[0-9a-f]{12}\.tmp$/;
/** A temp file of another machine is only taken for an orphan once this old. */
const FOREIGN_ORPHAN_MS = 10 * 60_000;

/**
 * Writes a file so readers see either the old or the new content, never a torn one:
 * write a temp file beside it, flush, then rename over the target. Temp files left in the folder
 * by a writer that crashed (its process is gone) are removed first.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(target, data);
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

/**
 * Creates a file that must not exist yet (an `EEXIST` error otherwise, the file untouched), never
 * leaving it torn: the temp file is hard-linked into place, which fails when the target exists.
 */
export async function createFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(target, data);
  try {
    await fs.link(temp, target);
  } catch (err) {
    // A file system without hard links: an exclusive create is the next best thing.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
    await fs.writeFile(target, data, { flag: 'wx' });
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** A flushed temp file beside the target, named after its writer. */
async function writeTemp(target: string, data: string | Uint8Array): Promise<string> {
  const folder = path.dirname(target);
  await fs.mkdir(folder, { recursive: true });
  await removeOrphanedTemps(folder);
  const temp = `${target}.${HOST_TAG}-${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  return temp;
}

/** Deletes temp files of writers that no longer run; never one whose writer may still be writing. */
export async function removeOrphanedTemps(folder: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const file = path.join(folder, name);
    const pid = Number(match[2]);
    let orphan = match[1] === HOST_TAG && pid !== process.pid && !isProcessAlive(pid);
    if (!orphan) {
      const stat = await fs.lstat(file).catch(() => undefined);
      orphan = stat !== undefined && stat.isFile() && now - stat.mtimeMs > FOREIGN_ORPHAN_MS && !(match[1] === HOST_TAG && isProcessAlive(pid));
    }
    if (orphan) {
      await fs.rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}
