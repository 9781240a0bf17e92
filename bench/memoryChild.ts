import { GitRunner } from '../src/core/git/gitRunner';
import { buildHistoryIndex } from '../src/core/git/historyIndexBuilder';
import { silentLogger } from '../src/core/logger';

/** Builds one index in a fresh process and reports its peak memory (run by bench/run.ts). */
async function main(): Promise<void> {
  const repo = process.argv[2];
  const index = await buildHistoryIndex(new GitRunner({ logger: silentLogger }), repo);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  global.gc?.();
  const heapMb = process.memoryUsage().heapUsed / (1024 * 1024);
  process.stdout.write(JSON.stringify({ maxRssMb, heapMb, files: index.files.size, commits: index.commitCount }));
}

void main();
