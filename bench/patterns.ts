/**
 * Pattern library benchmarks: a full load of 1,000 generated pattern documents, and running every
 * detector of a realistic library over a 10,000-line file. Each figure is printed beside the floor
 * measured in the same run: reading the same files, and one native RegExp pass over the same text.
 */
import { promises as fs, existsSync, readFile, stat } from 'fs';
import { promisify } from 'util';
import * as os from 'os';
import * as path from 'path';
import { loadFolderLibrary } from '../src/core/patterns/sources/folderSource';
import { mapLimited } from '../src/core/patterns/sources/libraryFiles';
import { ParsedFileCache, RACY_WINDOW_MS } from '../src/core/patterns/sources/parsedFileCache';
import { mergeLibraries, type PatternCatalogue } from '../src/core/patterns/library';
import { matchPatterns, compilePatternDetectors } from '../src/core/patterns/detectors';
import { formatResults, median, timeAsync, type BenchResult } from './support/measure';

const COMMUNITIES = ['reliability', 'api-design', 'observability', 'delivery', 'security', 'data', 'frontend', 'mobile'];
const LANGUAGES = ['typescript', 'javascript', 'python', 'go', 'java', 'csharp', 'ruby', 'rust', 'sql', 'kotlin'];
const RUNS = 5;
/** Loads are short and noisy on a shared machine: enough of them for a stable median. */
const LOAD_RUNS = 11;

/** Runs the collector when the bench was started with --expose-gc (npm run bench does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function patternText(i: number): string {
  const id = `pattern-${i}`;
  const community = COMMUNITIES[i % COMMUNITIES.length];
  return [
    '---',
    `id: ${id}`,
    `title: Generated pattern number ${i}`,
    `summary: A generated pattern used to measure how long a library of a thousand takes to load.`,
    `community: ${community}`,
    `tags: [generated, ${community}, group-${i % 25}]`,
    `status: ${i % 10 === 0 ? 'deprecated' : 'adopted'}`,
    'maintainers: [bench@acme.example, benchbot]',
    ...(i % 10 === 0 ? [`replacedBy: pattern-${i + 1}`] : []),
    'appliesTo:',
    `  languages: [${LANGUAGES[i % LANGUAGES.length]}, ${LANGUAGES[(i + 3) % LANGUAGES.length]}]`,
    '  files: ["src/**"]',
    '  detect:',
    `    - 'useGenerated${i}\\('`,
    `related: [pattern-${(i + 1) % 1000}, pattern-${(i + 7) % 1000}]`,
    `examples: ["src/generated/${id}.ts#L1-L20"]`,
    `owner-team: team-${i % 40}`,
    '---',
    '',
    `# Generated pattern ${i}`,
    '',
    'Some prose about when to use it and when not to.'.repeat(8),
    '',
    '```ts',
    `const value = useGenerated${i}(input);`,
    '```',
    '',
  ].join('\n');
}

export async function generateLibrary(root: string, count: number): Promise<void> {
  await Promise.all(COMMUNITIES.map((c) => fs.mkdir(path.join(root, c), { recursive: true })));
  await Promise.all(
    Array.from({ length: count }, (_, i) => fs.writeFile(path.join(root, COMMUNITIES[i % COMMUNITIES.length], `pattern-${i}.md`), patternText(i))),
  );
}

const readText = promisify(readFile);
const statFile = promisify(stat);

async function libraryFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const community of await fs.readdir(root)) {
    const dir = path.join(root, community);
    files.push(...(await fs.readdir(dir)).map((n) => path.join(dir, n)));
  }
  return files;
}

/** The floor of a load: listing and reading the same files with the loader's read call, nothing else. */
async function readAll(root: string): Promise<number> {
  const texts = await mapLimited(await libraryFiles(root), 32, (file) => readText(file, 'utf8'));
  return texts.reduce((sum, t) => sum + t.length, 0);
}

/**
 * The reload after a save elsewhere: every file unchanged, served by the session's parsed-file cache
 * (each still stat'ed). Files younger than the racy window are never cached, so wait until they are not.
 */
async function warmReload(root: string, generatedAt: number): Promise<BenchResult> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, generatedAt + RACY_WINDOW_MS + 100 - Date.now())));
  const cache = new ParsedFileCache();
  await loadFolderLibrary({ root, cache });
  const loads: number[] = [];
  const stats: number[] = [];
  let loaded = 0;
  for (let run = 0; run < LOAD_RUNS; run++) {
    collectGarbage();
    stats.push((await timeAsync(async () => mapLimited(await libraryFiles(root), 32, (file) => statFile(file)))).ms);
    collectGarbage();
    const timed = await timeAsync(async () => mergeLibraries([await loadFolderLibrary({ root, cache })]));
    loads.push(timed.ms);
    loaded = timed.result.patterns.length;
  }
  return {
    name: 'reload 1,000 unchanged patterns (warm: parsed-file cache)',
    value: median(loads),
    unit: 'ms',
    floor: { label: 'stat the same 1,000 files', value: median(stats) },
    note: `${loaded} loaded, ${cache.size} cached; median of ${LOAD_RUNS} (${Math.min(...loads).toFixed(0)}–${Math.max(...loads).toFixed(0)} ms); no target (the target is the cold load)`,
  };
}

function generatedSource(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (i % 97 === 0) out.push(`  const profile${i} = await retryWithBackoff(() => fetch(url${i}), { retries: 3 });`);
    else if (i % 211 === 0) out.push(`  logger.info({ event: 'order.placed', orderId: id${i} });`);
    else if (i % 307 === 0) out.push(`  if (flags.isEnabled('checkout.one-click.enabled')) render${i}();`);
    else if (i % 401 === 0) out.push(`  const sql${i} = 'SELECT * FROM orders LIMIT 50 OFFSET 100';`);
    else out.push(`  const value${i} = compute(input${i % 50}, { scale: ${i % 7}, label: "item ${i}" }); // step ${i}`);
  }
  return out.join('\n');
}

function findRepoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'test', 'fixtures', 'patterns', 'library'))) return dir;
  }
  return process.cwd();
}

export async function runPatternBenchmarks(): Promise<BenchResult[]> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'constellation-pattern-bench-'));
  const results: BenchResult[] = [];
  try {
    await generateLibrary(root, 1000);
    const generatedAt = Date.now();
    // Every run is a cold load: a new loader, no cache of ours carried over (the product keeps none
    // between loads), the garbage of the previous run collected first. The OS file cache is warm for
    // the loads and the floor alike. The first load of the process also pays for compiling the code.
    const loads: number[] = [];
    const cpu: number[] = [];
    const reads: number[] = [];
    let catalogue: PatternCatalogue | undefined;
    for (let run = 0; run < LOAD_RUNS; run++) {
      collectGarbage();
      reads.push((await timeAsync(() => readAll(root))).ms);
      collectGarbage();
      const cpuBefore = process.cpuUsage();
      const timed = await timeAsync(async () => mergeLibraries([await loadFolderLibrary({ root })]));
      const cpuUsed = process.cpuUsage(cpuBefore);
      cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
      loads.push(timed.ms);
      catalogue = timed.result;
    }
    const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
    results.push({
      name: 'load 1,000 patterns (parse + validate + merge)',
      value: median(loads),
      unit: 'ms',
      target: 500,
      floor: { label: 'read the same 1,000 files', value: median(reads) },
      note:
        `${catalogue?.patterns.length ?? 0} loaded, ${catalogue?.diagnostics.length ?? 0} problems; median of ${LOAD_RUNS} cold loads ` +
        `(wall ${spread(loads)} ms, first ${loads[0].toFixed(0)} ms); CPU median ${median(cpu).toFixed(0)} ms (${spread(cpu)}); ` +
        `floor ${spread(reads)} ms; load avg ${os.loadavg()[0].toFixed(1)}`,
    });

    results.push(await warmReload(root, generatedAt));

    const text = generatedSource(10_000);
    const library = mergeLibraries([await loadFolderLibrary({ root: path.join(findRepoRoot(), 'test', 'fixtures', 'patterns', 'library') })]);
    const detectorCount = library.patterns.reduce((n, p) => n + compilePatternDetectors(p).detectors.length, 0);
    const document = { path: 'src/orders/service.ts', languageId: 'typescript', text };
    matchPatterns(library, document); // warm-up (compiles once per pattern)
    const matchTimes: number[] = [];
    let found = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const r = matchPatterns(library, document, { budgetMs: 10_000 });
      matchTimes.push(performance.now() - started);
      found = r.matches.reduce((n, m) => n + m.ranges.length, 0);
    }
    const nativeTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      let n = 0;
      for (const _ of text.matchAll(/retryWithBackoff\(/g)) n++;
      nativeTimes.push(performance.now() - started + n * 0);
    }
    results.push({
      name: `match all detectors over 10,000 lines`,
      value: median(matchTimes),
      unit: 'ms',
      target: 30,
      floor: { label: 'one native RegExp pass', value: median(nativeTimes) },
      note: `${library.patterns.length} patterns, ${detectorCount} detectors (RE2), ${found} ranges, ${(text.length / 1024).toFixed(0)} KiB`,
    });

    const bigMatch: number[] = [];
    matchPatterns(catalogue!, document, { budgetMs: 10_000 });
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      matchPatterns(catalogue!, document, { budgetMs: 10_000 });
      bigMatch.push(performance.now() - started);
    }
    const applicable = catalogue!.patterns.filter((p) => p.appliesTo.languages.includes('typescript')).length;
    results.push({
      name: 'match the 1,000-pattern catalogue over 10,000 lines',
      value: median(bigMatch),
      unit: 'ms',
      note: `${applicable} patterns apply to a TypeScript file; no target (default budget is 100 ms)`,
    });
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
  return results;
}

if (require.main === module) {
  runPatternBenchmarks()
    .then((results) => {
      const { table, failures } = formatResults(results);
      process.stdout.write(`${table}\n${failures.length === 0 ? 'all targets met' : `targets missed: ${failures.map((f) => f.name).join(', ')}`}\n`);
      process.exitCode = failures.length === 0 ? 0 : 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    });
}
