import { spawn } from 'child_process';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The figure must be at most this (same unit). */
  target?: number;
  /** What the same work costs without us, measured in the same run. */
  floor?: { label: string; value: number };
  note?: string;
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs a command and reads all its output (as our index builder must), timing it. */
export function timeCommand(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env: { ...process.env, LC_ALL: 'C' } });
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - start) / 1e6) : reject(new Error(`${command} exited ${code}`))));
  });
}

export function formatResults(results: BenchResult[]): { table: string; failures: BenchResult[] } {
  const failures = results.filter((r) => r.target !== undefined && r.value > r.target);
  const rows = results.map((r) => {
    const value = `${r.value.toFixed(r.unit === '×' ? 2 : 1)} ${r.unit}`;
    const target = r.target === undefined ? '' : `≤ ${r.target} ${r.unit}`;
    const floor = r.floor ? `${r.floor.label}: ${r.floor.value.toFixed(1)} ${r.unit === '×' ? 'ms' : r.unit}` : '';
    const verdict = r.target === undefined ? '' : r.value <= r.target ? 'ok' : 'MISSED';
    return [r.name, value, target, floor, verdict, r.note ?? ''];
  });
  const header = ['measure', 'value', 'target', 'floor (same run)', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return { table: [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'), failures };
}
