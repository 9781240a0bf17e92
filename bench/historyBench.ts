import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GIT_GLOBAL_ARGS, GitRunner } from '../src/core/git/gitRunner';
import { buildHistoryIndex, historyLogArgs, updateHistoryIndex } from '../src/core/git/historyIndexBuilder';
import type { HistoryIndexData } from '../src/core/git/historyTypes';
import { HistoryIndexStore } from '../src/core/git/indexStore';
import { OrgDirectory } from '../src/core/directory/orgDirectory';
import { emptyDirectoryConfig } from '../src/core/directory/directoryConfig';
import { defaultExpertModelOptions, rankExperts } from '../src/core/experts/ranking';
import { silentLogger } from '../src/core/logger';
import { runCommunityBenchmarks } from './communitiesBench';
import { seededRandom } from './support/random';
import { median, percentile, timeAsync, timeCommand, type BenchResult } from './support/measure';
import { syntheticHistory } from './syntheticHistory';
import { firstQueryMs, runHoverBenchmarks } from './hoverBench';

const RUNS = 3;

/** Index build, incremental update, persisted load, query latency and memory on a large history. */
export async function runHistoryBenchmarks(cacheDir: string, log: (line: string) => void): Promise<BenchResult[]> {
  const shape = { commits: 50_000, files: 5_000, authors: 300 };
  log(`generating (or reusing) a synthetic history: ${shape.commits} commits, ${shape.files} files, ${shape.authors} authors…`);
  const generated = await timeAsync(() => syntheticHistory(cacheDir, shape));
  log(`  ready in ${(generated.ms / 1000).toFixed(1)} s at ${generated.result}`);
  // Work on a copy so the incremental step's commit never dirties the cached repository.
  const repo = mkdtempSync(path.join(os.tmpdir(), 'constellation-bench-'));
  execFileSync('git', ['clone', '-q', '--no-hardlinks', generated.result, repo]);
  execFileSync('git', ['-C', repo, 'commit-graph', 'write', '--reachable']);
  const git = new GitRunner({ logger: silentLogger, defaultTimeoutMs: 600_000 });
  try {
    const floorRuns: number[] = [];
    const buildRuns: number[] = [];
    let index: HistoryIndexData | undefined;
    for (let i = 0; i < RUNS; i++) {
      floorRuns.push(await timeCommand('git', [...GIT_GLOBAL_ARGS, ...historyLogArgs()], repo));
      const built = await timeAsync(() => buildHistoryIndex(git, repo));
      buildRuns.push(built.ms);
      index = built.result;
    }
    const floor = median(floorRuns);
    const build = median(buildRuns);
    log(`  full build ${build.toFixed(0)} ms vs bare git log ${floor.toFixed(0)} ms (medians of ${RUNS})`);

    const storage = mkdtempSync(path.join(os.tmpdir(), 'constellation-bench-store-'));
    const store = new HistoryIndexStore(storage, silentLogger);
    await store.save(index!);
    const loadRuns: number[] = [];
    for (let i = 0; i < 5; i++) loadRuns.push((await timeAsync(() => store.load(repo))).ms);
    rmSync(storage, { recursive: true, force: true });

    writeFileSync(path.join(repo, 'src', 'bench-new-file.ts'), 'export const x = 1;\n');
    execFileSync('git', ['-C', repo, 'add', '-A']);
    execFileSync('git', ['-C', repo, '-c', 'user.name=Bench', '-c', 'user.email=bench@example.test', 'commit', '-q', '-m', 'one more']);
    const incremental = await timeAsync(() => updateHistoryIndex(git, index!, {}));
    const incrementalFloor = await timeCommand('git', [...GIT_GLOBAL_ARGS, ...historyLogArgs('HEAD~1..HEAD')], repo);
    if (incremental.result.mode !== 'incremental') throw new Error(`expected an incremental update, got ${incremental.result.mode}`);

    const first = firstQueryMs(incremental.result.index);
    const latencies = queryLatencies(incremental.result.index, 1000);
    const hover = await runHoverBenchmarks(git, repo, incremental.result.index);
    const communities = await runCommunityBenchmarks(incremental.result.index, build, median(loadRuns), log);
    const memory = measureMemory(repo);

    return [
      { name: 'full index build', value: build, unit: 'ms', floor: { label: 'bare git log', value: floor } },
      { name: 'build / bare git log', value: build / floor, unit: '×', target: 1.5 },
      { name: 'incremental update (1 commit)', value: incremental.ms, unit: 'ms', target: 300, floor: { label: 'git log of that commit', value: incrementalFloor } },
      { name: 'load persisted index', value: median(loadRuns), unit: 'ms', target: 200 },
      first,
      { name: 'warm expert query p50', value: percentile(latencies.warm, 50), unit: 'ms' },
      { name: 'warm expert query p95', value: percentile(latencies.warm, 95), unit: 'ms', target: 5, note: '1,000 random files' },
      { name: 'expert query p95, first query of a file', value: percentile(latencies.first, 95), unit: 'ms', note: `${latencies.first.length} files, on a warm index` },
      ...hover,
      { name: 'peak memory (index build)', value: memory.maxRssMb, unit: 'MB', target: 400, note: `heap after build ${memory.heapMb.toFixed(0)} MB` },
      ...communities,
    ];
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

function queryLatencies(index: HistoryIndexData, count: number): { warm: number[]; first: number[] } {
  const directory = new OrgDirectory(emptyDirectoryConfig());
  const you = directory.placementOf({ email: 'person1@org1.example' });
  const classify = (email: string, name: string) => {
    const placement = directory.placementOf({ email, name });
    return { placement, relationship: directory.relationship(you, placement) };
  };
  const files = [...index.files.keys()];
  const random = seededRandom(7);
  const sample = Array.from({ length: count }, () => files[Math.floor(random() * files.length)]);
  const options = defaultExpertModelOptions(Date.UTC(2026, 10, 1) / 1000);
  const query = (file: string) => rankExperts({ index, target: { path: file, kind: 'file' }, options, classify, limit: 5 });
  // warm: lazy roll-ups and JIT; each file's first query is timed apart (per-file figures computed then)
  const seen = new Set<string>();
  const firstTimes: number[] = [];
  for (const file of sample) {
    const start = process.hrtime.bigint();
    query(file);
    if (seen.size > 0 && !seen.has(file)) firstTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    seen.add(file);
  }
  const warm = sample.map((file) => {
    const start = process.hrtime.bigint();
    query(file);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return { warm, first: firstTimes };
}

function measureMemory(repo: string): { maxRssMb: number; heapMb: number } {
  const child = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'memoryChild.js'), repo], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}
