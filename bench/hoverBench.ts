import { readFileSync } from 'fs';
import * as path from 'path';
import { OrgDirectory } from '../src/core/directory/orgDirectory';
import { emptyDirectoryConfig } from '../src/core/directory/directoryConfig';
import { defaultExpertModelOptions, rankExperts } from '../src/core/experts/ranking';
import { blameRange } from '../src/core/git/blame';
import { GIT_GLOBAL_ARGS, type GitRunner } from '../src/core/git/gitRunner';
import type { BlameSummary, HistoryIndexData } from '../src/core/git/historyTypes';
import { median, percentile, timeAsync, timeCommand, type BenchResult } from './support/measure';

const RUNS = 5;

function classifier() {
  const directory = new OrgDirectory(emptyDirectoryConfig());
  const you = directory.placementOf({ email: 'person1@org1.example' });
  return (email: string, name: string) => {
    const placement = directory.placementOf({ email, name });
    return { placement, relationship: directory.relationship(you, placement) };
  };
}

/** The file with the median number of changes: a typical file to hover. */
function typicalFile(index: HistoryIndexData): string {
  const files = [...index.files.values()].sort((a, b) => a.totalChanges - b.totalChanges || (a.path < b.path ? -1 : 1));
  return files[Math.floor(files.length / 2)].path;
}

/**
 * The first query on a new index object (after a build or an incremental update) also computes
 * every folder's figures once; later queries only look them up.
 */
export function firstQueryMs(index: HistoryIndexData): BenchResult {
  const file = typicalFile(index);
  const start = process.hrtime.bigint();
  rankExperts({ index, target: { path: file, kind: 'file' }, options: defaultExpertModelOptions(Date.UTC(2026, 10, 1) / 1000), classify: classifier(), limit: 5 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { name: 'first query on a new index', value: ms, unit: 'ms', note: `folder figures for ${index.files.size} files computed once per index` };
}

/**
 * What the hover adds on top of the index: the blame of the hovered range (with the editor's
 * text, as the hover passes it) against a raw `git blame` of the same range, and the warm
 * lines query that ranks from that blame.
 */
export async function runHoverBenchmarks(git: GitRunner, repo: string, index: HistoryIndexData): Promise<BenchResult[]> {
  const file = typicalFile(index);
  const contents = readFileSync(path.join(repo, file), 'utf8');
  const endLine = Math.max(1, contents.split('\n').length - (contents.endsWith('\n') ? 1 : 0));
  const floorRuns: number[] = [];
  const blameRuns: number[] = [];
  let blame: BlameSummary | undefined;
  for (let i = 0; i < RUNS; i++) {
    floorRuns.push(await timeCommand('git', [...GIT_GLOBAL_ARGS, 'blame', '--incremental', '-L', `1,${endLine}`, '--', file], repo));
    const timed = await timeAsync(() => blameRange(git, repo, file, { startLine: 1, endLine, contents }));
    blameRuns.push(timed.ms);
    blame = timed.result;
  }
  const options = defaultExpertModelOptions(Date.UTC(2026, 10, 1) / 1000);
  const classify = classifier();
  const query = () => rankExperts({ index, target: { path: file, kind: 'lines', startLine: 1, endLine }, blame, options, classify, limit: 5 });
  for (let i = 0; i < 50; i++) query();
  const latencies = Array.from({ length: 500 }, () => {
    const start = process.hrtime.bigint();
    query();
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  const floor = median(floorRuns);
  const ours = median(blameRuns);
  return [
    { name: 'hover blame of a range', value: ours, unit: 'ms', floor: { label: 'raw git blame -L', value: floor }, note: `${file} lines 1-${endLine} with the buffer's text; median of ${RUNS}` },
    { name: 'hover blame / raw git blame', value: ours / floor, unit: '×', target: 1.5 },
    { name: 'warm lines query p95', value: percentile(latencies, 95), unit: 'ms', target: 5, note: 'the hover\'s ranking from that blame, 500 runs' },
  ];
}
