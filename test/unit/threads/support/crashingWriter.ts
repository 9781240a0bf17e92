/**
 * Child process used by fileStoreHostile.test: starts a write and dies with SIGKILL at the moment
 * the temp file is complete but not yet renamed, as a crash or a power cut would leave it.
 * argv: <folder> create <title> | <folder> comment <threadId>
 */
import * as fs from 'fs';
import { silentLogger } from '../../../../src/core/logger';
import { FileThreadStore } from '../../../../src/core/threads/fileStore';

async function main(): Promise<void> {
  const [folder, action, arg] = process.argv.slice(2);
  fs.promises.rename = () => {
    process.kill(process.pid, 'SIGKILL');
    return new Promise(() => undefined);
  };
  const store = new FileThreadStore({ logger: silentLogger });
  const venue = { backend: 'files' as const, path: folder };
  if (action === 'create') await store.createThread(venue, { title: arg, body: 'lost' });
  else await store.addComment(venue, arg, 'lost');
}

void main();
