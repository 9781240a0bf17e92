/**
 * The org directory at scale: loading a 20,000-person directory.yml (read, parse off the main
 * thread, validate, index), next to the floor measured in the same run: the raw YAML parse of the
 * same text. Also how long the main thread is blocked meanwhile, and a reload that finds the text
 * unchanged (parsed once per change).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { parse as parseYaml } from 'yaml';
import { loadDirectory } from '../src/core/directory/orgDirectory';
import { bigDirectoryYaml } from '../test/support/bigDirectory';
import { median, timeAsync, type BenchResult } from './support/measure';

const PEOPLE = 20_000;
const RUNS = 3;

export async function runDirectoryBenchmarks(): Promise<BenchResult[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'constellation-bench-directory-'));
  try {
    mkdirSync(path.join(root, '.constellation'));
    const file = path.join(root, '.constellation', 'directory.yml');
    const base = bigDirectoryYaml(PEOPLE);
    const floors: number[] = [];
    const loads: number[] = [];
    const blocked: number[] = [];
    const reloads: number[] = [];
    const reads: number[] = [];
    let people = 0;
    for (let run = 0; run < RUNS; run++) {
      // A different text each run, so the parse-once cache never answers the cold load.
      const text = `${base}# run ${run}\n`;
      writeFileSync(file, text);
      floors.push((await timeAsync(async () => parseYaml(text))).ms);
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const cold = await timeAsync(() => loadDirectory(root));
      delay.disable();
      loads.push(cold.ms);
      blocked.push(delay.max / 1e6);
      people = cold.result.directory.people().length;
      reloads.push((await timeAsync(() => loadDirectory(root))).ms);
      reads.push((await timeAsync(async () => readFileSync(file, 'utf8'))).ms);
    }
    const floor = median(floors);
    const load = median(loads);
    const note = `${people} people, ${(Buffer.byteLength(base) / 1e6).toFixed(1)} MB; median of ${RUNS}; load avg ${os.loadavg()[0].toFixed(1)}`;
    return [
      { name: `load a ${PEOPLE.toLocaleString('en')}-person directory.yml`, value: load, unit: 'ms', floor: { label: 'raw YAML parse', value: floor }, note },
      { name: 'directory load / raw YAML parse', value: load / floor, unit: '×', target: 2 },
      { name: 'longest main-thread block during that load', value: median(blocked), unit: 'ms', target: 250, floor: { label: 'raw YAML parse, in place', value: floor }, note: 'the parse runs in a worker thread' },
      { name: 'reload with directory.yml unchanged', value: median(reloads), unit: 'ms', target: 300, floor: { label: 'read the file', value: median(reads) }, note: 'read + hash + index the people; the parse is reused' },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
