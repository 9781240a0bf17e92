/** Where a hub index is read from: a folder on disk, or a GitHub repository (githubHubSource.ts). */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface HubSource {
  /** For messages: `folder:/path` or `github:owner/repo@ref/path`. */
  readonly name: string;
  /** The text of a hub-relative file; undefined when the hub has no such file. */
  read(file: string): Promise<string | undefined>;
}

/** A hub index folder (what `hub merge --out DIR` wrote, or a clone of the hub repository). */
export class FolderHubSource implements HubSource {
  readonly name: string;

  constructor(private readonly folder: string) {
    this.name = `folder:${folder}`;
  }

  async read(file: string): Promise<string | undefined> {
    const full = path.resolve(this.folder, file);
    if (path.relative(this.folder, full).startsWith('..')) return undefined;
    try {
      return await fs.readFile(full, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}
