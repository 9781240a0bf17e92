import { GitRunner } from '../src/core/git/gitRunner';
import { buildHistoryIndex } from '../src/core/git/historyIndexBuilder';
import { silentLogger } from '../src/core/logger';
import { exportRepository } from '../src/core/summary/exportRepository';
import { writeSummaryFile } from '../src/core/summary/summaryFile';

/**
 * One cold index build or one cold export in a fresh process (run by bench/orgBench.ts), so the
 * two figures compared never share a heap already holding a 100,000-commit index.
 */
async function main(): Promise<void> {
  const [mode, repo, out] = process.argv.slice(2);
  const git = new GitRunner({ logger: silentLogger, defaultTimeoutMs: 1_800_000 });
  const started = process.hrtime.bigint();
  let paths = 0;
  if (mode === 'index') await buildHistoryIndex(git, repo);
  else {
    const { summary } = await exportRepository({ git, root: repo, logger: silentLogger });
    paths = summary.paths.length;
    if (out) await writeSummaryFile(out, summary);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ ms, paths }));
}

void main();
