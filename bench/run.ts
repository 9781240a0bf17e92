import * as path from 'path';
import { formatResults, type BenchResult } from './support/measure';
import { runHistoryBenchmarks } from './historyBench';
import { runPatternBenchmarks } from './patterns';
import { runDirectoryBenchmarks } from './directoryBench';
import { runOrgBenchmarks } from './orgBench';

/** `npm run bench`: prints every figure beside its target and the floor measured in the same run. */
async function main(): Promise<void> {
  const cacheDir = path.resolve(__dirname, '..', '..', '.bench');
  const log = (line: string): void => { process.stdout.write(`${line}\n`); };
  const results: BenchResult[] = [];
  // `npm run bench -- --only org` runs one group.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (!only || only === 'history') results.push(...await runHistoryBenchmarks(cacheDir, log));
  if (!only || only === 'patterns') {
    log('pattern library…');
    results.push(...await runPatternBenchmarks());
  }
  if (!only || only === 'directory') {
    log('org directory…');
    results.push(...await runDirectoryBenchmarks());
  }
  if (!only || only === 'org') results.push(...await runOrgBenchmarks(cacheDir, log));
  const { table, failures } = formatResults(results);
  log(`\n${table}\n`);
  log(failures.length === 0 ? 'all targets met' : `targets missed: ${failures.map((f) => f.name).join(', ')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 2;
});
