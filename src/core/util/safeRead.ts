/**
 * Reading files named by untrusted folders (thread venues, configuration): only regular files, only
 * inside the folder they were listed in, never more than a cap. A FIFO would block a plain read
 * forever and a symlink to /dev/zero would fill memory, so the file is opened non-blocking without
 * following links, checked on the open handle, and read no further than the cap.
 */
import { constants, promises as fs } from 'fs';
import * as path from 'path';

export type UnreadableReason = 'missing' | 'not-regular' | 'outside-folder' | 'too-large' | 'io';

export class UnreadableFileError extends Error {
  constructor(readonly file: string, readonly reason: UnreadableReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface SafeReadOptions {
  maxBytes: number;
  /** When set, the file (after resolving symlinks) must lie inside this folder. */
  within?: string;
}

function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

async function resolveTarget(file: string, within: string | undefined): Promise<string> {
  const link = await fs.lstat(file);
  if (!link.isSymbolicLink()) return file;
  const target = await fs.realpath(file);
  if (within !== undefined) {
    const folder = await fs.realpath(within);
    const relative = path.relative(folder, target);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new UnreadableFileError(file, 'outside-folder', `${file} is a symbolic link to ${target}, outside ${within}; skipped`);
    }
  }
  return target;
}

/** The UTF-8 text of a regular file no larger than `maxBytes`; typed errors for everything else. */
export async function readRegularFile(file: string, options: SafeReadOptions): Promise<string> {
  let target: string;
  try {
    target = await resolveTarget(file, options.within);
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(file, code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'io', `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    handle = await fs.open(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(file, code === 'ENOENT' ? 'missing' : 'io', `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UnreadableFileError(file, 'not-regular', `${file} is ${kindOf(stat)}, not a regular file; skipped`);
    if (stat.size > options.maxBytes) {
      throw new UnreadableFileError(file, 'too-large', `${file} is ${formatBytes(stat.size)}, over the ${formatBytes(options.maxBytes)} limit; skipped`);
    }
    // Read until the end, but never more than one chunk past the cap (the file may grow meanwhile).
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(stat.size - length, 0) + 1, 1 << 20));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > options.maxBytes) {
        throw new UnreadableFileError(file, 'too-large', `${file} grew past the ${formatBytes(options.maxBytes)} limit while being read; skipped`);
      }
    }
    return Buffer.concat(chunks, length).toString('utf8');
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw new UnreadableFileError(file, 'io', `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  } finally {
    await handle.close();
  }
}
