import * as os from 'os';
import { computeCommunityReport } from '../src/core/communities/communityReport';
import type { CommunityInputs } from '../src/core/communities/reportInputs';
import type { CommunityReport } from '../src/core/communities/reportTypes';
import { parseCommunities } from '../src/core/communities/parseCommunities';
import { parseDirectoryConfig } from '../src/core/directory/directoryConfig';
import { OrgDirectory } from '../src/core/directory/orgDirectory';
import type { HistoryIndexData } from '../src/core/git/historyTypes';
import type { Thread } from '../src/core/threads/threadTypes';
import { benchSnapshot, runCommunityPageBenchmarks } from './communityPageBench';
import { median, type BenchResult } from './support/measure';
import { seededRandom } from './support/random';

const RUNS = 5;
const COMMUNITIES = 20;

/**
 * Every community figure (participation, boundaries, leadership, stage, knowledge at risk, gaps,
 * discovery) for 20 communities of five folders each over the synthetic history's index, with a
 * directory placing its 300 authors in 7 teams and 10 threads of 6 posts per community. The floor
 * is loading the same history's persisted index, measured in the same run (`indexLoadMs`): the
 * report reads every file's contributions and every co-change commit of it once or more.
 */
export async function runCommunityBenchmarks(index: HistoryIndexData, indexBuildMs: number, indexLoadMs: number, log: (line: string) => void): Promise<BenchResult[]> {
  const now = Date.UTC(2026, 10, 1) / 1000;
  const yaml = ['communities:'];
  for (let c = 0; c < COMMUNITIES; c++) {
    const areas = Array.from({ length: 5 }, (_, k) => `"src/area${c * 5 + k}/**"`);
    yaml.push(`  - id: community-${c}`, `    name: Community ${c}`, `    codeAreas: [${areas.join(', ')}]`);
  }
  const { communities, diagnostics } = parseCommunities(`${yaml.join('\n')}\n`, 'bench.yml');
  if (diagnostics.length) throw new Error(`bench communities: ${diagnostics[0].message}`);
  const teams = Array.from({ length: 7 }, (_, i) => `  - { id: team${i}, name: Team ${i}, company: acme }`);
  const people = Array.from({ length: 7 }, (_, i) => `  - { email: "*@org${i}.example", team: team${i} }`);
  const directory = new OrgDirectory(parseDirectoryConfig(`companies: [{ id: acme, name: Acme, domains: [] }]\nteams:\n${teams.join('\n')}\npeople:\n${people.join('\n')}\n`, 'bench.yml').config);
  const authors = [...index.people.keys()];
  const random = seededRandom(11);
  const threads = communities.map((c) => ({
    community: c.id,
    threads: Array.from({ length: 10 }, (_, t): Thread => {
      const at = (k: number) => new Date((now - (30 + t * 30) * 86_400 + k * 3_600) * 1000).toISOString();
      const who = () => ({ email: authors[Math.floor(random() * authors.length)] });
      return { id: `${c.id}-${t}`, backend: 'files', venue: { backend: 'files', path: `/bench/${c.id}` }, title: `Thread ${t}`, author: who(), createdAt: at(0), body: '', state: 'open', comments: Array.from({ length: 5 }, (_, k) => ({ id: `c${k}`, author: who(), body: '', createdAt: at(k + 1) })) };
    }),
  }));
  // A fresh index object per run: caches keyed by the index (expert folder roll-ups) start cold,
  // as after a real build. One untimed run first warms the JIT only.
  const inputsFor = () => ({ communities, repositories: [{ name: 'bench', index: { ...index } }], threads, directory });
  computeCommunityReport(inputsFor(), { now });
  const runs: number[] = [];
  const cpu: number[] = [];
  let figures = '';
  let last: { inputs: CommunityInputs; report: CommunityReport } | undefined;
  for (let i = 0; i < RUNS; i++) {
    const inputs = inputsFor();
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const report = computeCommunityReport(inputs, { now });
    last = { inputs, report };
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    const members = report.communities.reduce((sum, c) => sum + c.members.length, 0);
    figures = `${members} memberships, ${report.boundarySpanners.length} spanners, ${report.coordinationGaps.length} gaps, ${report.proposals.length} proposals`;
  }
  log(`  community report: ${figures}; wall ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
  const memory = reportMemory(() => computeCommunityReport(inputsFor(), { now }));
  const note = `median of ${RUNS} after an index build of ${indexBuildMs.toFixed(0)} ms; CPU ${median(cpu).toFixed(0)} ms; load avg ${os.loadavg()[0].toFixed(1)}; ${figures}`;
  const pages = await runCommunityPageBenchmarks(benchSnapshot(last!.inputs, last!.report), log);
  return [
    { name: `community report (${COMMUNITIES} communities)`, value: median(runs), unit: 'ms', target: 2000, floor: { label: 'load persisted index', value: indexLoadMs }, note },
    { name: 'community report retained heap', value: memory.retainedMb, unit: 'MB', note: `${memory.jsonMb.toFixed(1)} MB as JSON; heap ${memory.atEndMb.toFixed(0)} MB above the start when it returned, before collection` },
    ...pages,
  ];
}

/** What the report keeps on the heap, and the heap the computation left behind at its end (garbage included). */
function reportMemory(compute: () => unknown): { atEndMb: number; retainedMb: number; jsonMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the bench with --expose-gc');
  const mb = (bytes: number): number => bytes / (1024 * 1024);
  gc();
  const before = process.memoryUsage().heapUsed;
  const report = compute();
  const atEnd = process.memoryUsage().heapUsed;
  gc();
  const retained = process.memoryUsage().heapUsed;
  return { atEndMb: mb(atEnd - before), retainedMb: mb(retained - before), jsonMb: mb(Buffer.byteLength(JSON.stringify(report))) };
}
