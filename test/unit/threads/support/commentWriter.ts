/**
 * Child process used by fileStore.test: adds `count` comments to one thread, as fast as it can.
 * argv: <folder> <threadId> <count> <tag>
 */
import { silentLogger } from '../../../../src/core/logger';
import { FileThreadStore } from '../../../../src/core/threads/fileStore';

async function main(): Promise<void> {
  const [folder, threadId, count, tag] = process.argv.slice(2);
  const store = new FileThreadStore({ logger: silentLogger, lockTimeoutMs: 30_000 });
  for (let i = 0; i < Number(count); i++) {
    await store.addComment({ backend: 'files', path: folder }, threadId, `${tag} comment ${i}`, { author: { name: tag } });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
