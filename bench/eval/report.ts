import type { EvalDataset } from './dataset';
import type { Metrics } from './methods';

export interface DatasetResult {
  dataset: string;
  repo: string;
  commits: number;
  cutoff: string;
  cutoffDate: string;
  events: number;
  allEvents: number;
  files: number;
  allFiles: number;
  methods: Record<string, Metrics>;
}

export function describe(dataset: EvalDataset, methods: Record<string, Metrics>): DatasetResult {
  return {
    dataset: dataset.name,
    repo: dataset.repo,
    commits: dataset.commits,
    cutoff: dataset.cutoff.slice(0, 10),
    cutoffDate: dataset.cutoffTime ? new Date(dataset.cutoffTime * 1000).toISOString().slice(0, 10) : '',
    events: dataset.events.length,
    allEvents: dataset.allEvents,
    files: dataset.sampledFiles,
    allFiles: dataset.allFiles,
    methods,
  };
}

/** Event-weighted mean of several results, per method. */
export function pooled(name: string, results: readonly DatasetResult[]): DatasetResult | undefined {
  if (results.length === 0) return undefined;
  const methods: Record<string, Metrics> = {};
  for (const method of Object.keys(results[0].methods)) {
    const sum: Metrics = { n: 0, top1: 0, top3: 0, top5: 0, mrr: 0 };
    for (const r of results) {
      const m = r.methods[method];
      sum.n += m.n;
      sum.top1 += m.top1 * m.n;
      sum.top3 += m.top3 * m.n;
      sum.top5 += m.top5 * m.n;
      sum.mrr += m.mrr * m.n;
    }
    const n = sum.n || 1;
    methods[method] = { n: sum.n, top1: sum.top1 / n, top3: sum.top3 / n, top5: sum.top5 / n, mrr: sum.mrr / n };
  }
  const total = (k: 'commits' | 'events' | 'allEvents' | 'files' | 'allFiles'): number => results.reduce((s, r) => s + r[k], 0);
  return { dataset: name, repo: '', commits: total('commits'), cutoff: '', cutoffDate: '', events: total('events'), allEvents: total('allEvents'), files: total('files'), allFiles: total('allFiles'), methods };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);

/** A plain-text table: one row per method, best MRR marked. */
export function formatTable(result: DatasetResult): string {
  const lines: string[] = [];
  const where = result.cutoff ? `, cut-off ${result.cutoff} (${result.cutoffDate})` : '';
  lines.push(`${result.dataset}: ${result.commits} first-parent commits${where}; n = ${result.events} events on ${result.files} files` +
    (result.allEvents > result.events ? ` (sampled from ${result.allEvents} events on ${result.allFiles} files)` : ''));
  if (result.events === 0) {
    lines.push('  no later changes to files that existed at the cut-off: nothing to measure');
    return lines.join('\n');
  }
  if (result.events < 30) lines.push(`  small sample (n = ${result.events}): differences below are not significant`);
  const names = Object.keys(result.methods);
  const width = Math.max(...names.map((n) => n.length), 6);
  const best = Math.max(...names.map((n) => result.methods[n].mrr));
  lines.push(`  ${'method'.padEnd(width)}   top-1   top-3   top-5     MRR`);
  for (const name of names) {
    const m = result.methods[name];
    lines.push(`  ${name.padEnd(width)} ${pct(m.top1)} ${pct(m.top3)} ${pct(m.top5)}  ${m.mrr.toFixed(3)}${m.mrr === best ? ' *' : ''}`);
  }
  return lines.join('\n');
}
