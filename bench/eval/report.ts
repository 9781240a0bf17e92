import { METRICS, type Estimate, type PairedDifference, type SliceResult } from './metrics';

/** One evaluated table: a level (file or lines) of one repository or of the pool. */
export interface EvalTable {
  title: string;
  /** One line on what was measured (window, counts). */
  description: string;
  slices: SliceResult[];
}

const pct = (x: number): string => (x * 100).toFixed(1);
const mrr = (x: number): string => x.toFixed(3);
const signed = (x: number, f: (x: number) => string): string => `${x >= 0 ? '+' : '−'}${f(Math.abs(x))}`;

function cell(metric: string, e: Estimate, withInterval: boolean): string {
  const f = metric === 'mrr' ? mrr : pct;
  return withInterval ? `${f(e.value)} [${f(e.lo)}, ${f(e.hi)}]` : f(e.value);
}

function difference(d: PairedDifference): string {
  return `top-3 ${signed(d.top3.value, pct)} [${signed(d.top3.lo, pct)}, ${signed(d.top3.hi, pct)}] points, MRR ${signed(d.mrr.value, mrr)} [${signed(d.mrr.lo, mrr)}, ${signed(d.mrr.hi, mrr)}]`;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
}

/** Plain text: per slice, one row per method with 95% intervals, then the paired differences. */
export function formatText(table: EvalTable): string {
  const lines = [`${table.title}`, `  ${table.description}`];
  for (const s of table.slices) {
    lines.push('', `  ${s.slice} (n = ${s.n}, ${s.clusters} commits)`);
    if (s.n === 0) {
      lines.push('    nothing to measure');
      continue;
    }
    const names = Object.keys(s.methods);
    const rows = names.map((name) => [name, ...METRICS.map((m) => cell(m, s.methods[name][m], true))]);
    const header = ['method', 'top-1', 'top-3', 'top-5', 'MRR'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    lines.push(`    ${pad(header, widths)}`, ...rows.map((r) => `    ${pad(r, widths)}`));
    if (s.versusBest) lines.push(`    model − best baseline (${s.versusBest.baseline}): ${difference(s.versusBest)}`);
    if (s.versusBestFileAware && s.versusBestFileAware.baseline !== s.versusBest?.baseline) {
      lines.push(`    model − best baseline that reads the file (${s.versusBestFileAware.baseline}): ${difference(s.versusBestFileAware)}`);
    }
    if (s.n < 30) lines.push('    small sample: the intervals are wide');
  }
  return lines.join('\n');
}

/** The same as Markdown: one table per slice. */
export function formatMarkdown(table: EvalTable, level = '###'): string {
  const out = [`${level} ${table.title}`, '', table.description, ''];
  for (const s of table.slices) {
    out.push(`**${s.slice}** (n = ${s.n}, ${s.clusters} commits)`, '');
    if (s.n === 0) {
      out.push('Nothing to measure.', '');
      continue;
    }
    out.push('| method | top-1 | top-3 | top-5 | MRR |', '|---|---|---|---|---|');
    for (const [name, m] of Object.entries(s.methods)) out.push(`| ${name} | ${METRICS.map((k) => cell(k, m[k], true)).join(' | ')} |`);
    out.push('');
    if (s.versusBest) out.push(`Model − best baseline (${s.versusBest.baseline}): ${difference(s.versusBest)}.`, '');
    if (s.versusBestFileAware && s.versusBestFileAware.baseline !== s.versusBest?.baseline) {
      out.push(`Model − best baseline that reads the file (${s.versusBestFileAware.baseline}): ${difference(s.versusBestFileAware)}.`, '');
    }
  }
  return out.join('\n');
}

/** A compact summary row per table: top-3 of the model and of the best baseline, all events. */
export function summaryRow(table: EvalTable): string[] {
  const all = table.slices[0];
  const outside = table.slices[table.slices.length - 1];
  const model = Object.keys(all.methods)[0];
  const best = all.versusBest;
  const aware = outside.versusBestFileAware;
  return [
    table.title,
    String(all.n),
    all.n ? pct(all.methods[model].top3.value) : '–',
    best ? `${pct(all.methods[best.baseline].top3.value)} (${best.baseline})` : '–',
    best ? `${signed(best.top3.value, pct)} [${signed(best.top3.lo, pct)}, ${signed(best.top3.hi, pct)}]` : '–',
    outside.n ? pct(outside.methods[model].top3.value) : '–',
    aware ? `${pct(outside.methods[aware.baseline].top3.value)} (${aware.baseline})` : '–',
  ];
}
