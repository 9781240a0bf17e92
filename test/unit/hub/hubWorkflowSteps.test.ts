import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { hubWorkflow } from '../../../src/core/hub/hubWorkflow';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { buildSummary } from '../../../src/core/summary/buildSummary';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');

function summaryText(name: string): string {
  const email = 'sylvia@acme.example';
  const index: HistoryIndexData = {
    formatVersion: 1, repository: `/r/${name}`, head: 'b'.repeat(40), shallow: false, commitCount: 1, updatedAt: 0,
    people: new Map([[email, { email, name: 'Sylvia', commits: 1, firstActive: 1, lastActive: 1 }]]),
    files: new Map([['a.ts', { path: 'a.ts', creator: email, totalChanges: 1, contributions: new Map([[email, { changeTimes: [1], created: true }]]) }]]),
  };
  return JSON.stringify(buildSummary({ index, directory: OrgDirectory.empty(), repository: { name }, identities: 'full', packages: [] }));
}

/** Runs the merge step's script as GitHub would (bash -e), with `constellation` on the PATH. */
function runMergeStep(checkout: string, bin: string): { code: number; stderr: string } {
  const step = parse(hubWorkflow()).jobs.merge.steps.find((s: { name?: string }) => s.name?.startsWith('Merge')) as { run: string };
  const r = spawnSync('bash', ['-e', '-c', step.run], { cwd: checkout, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  return { code: r.status ?? -1, stderr: r.stderr };
}

describe('hub workflow merge step, run for real', function () {
  this.timeout(60_000);
  let work: string;
  let bin: string;

  before(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-wfstep-'));
    bin = path.join(work, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'constellation'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(path.join(bin, 'constellation'), 0o755);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('creates the index on the first run and keeps shards of repositories without a new summary later', () => {
    const checkout = path.join(work, 'hub');
    mkdirSync(path.join(checkout, 'summaries', 'summaries-0'), { recursive: true });
    writeFileSync(path.join(checkout, 'summaries', 'summaries-0', 'acme__http.json'), summaryText('acme/http'));
    writeFileSync(path.join(checkout, 'summaries', 'summaries-0', 'acme__shop.json'), summaryText('acme/shop'));
    const first = runMergeStep(checkout, bin);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.ok(existsSync(path.join(checkout, 'index', 'hub.json')));
    // Next run: only acme/http exported again (acme/shop's export failed): its old shard stays in.
    rmSync(path.join(checkout, 'summaries'), { recursive: true });
    mkdirSync(path.join(checkout, 'summaries', 'summaries-0'), { recursive: true });
    writeFileSync(path.join(checkout, 'summaries', 'summaries-0', 'acme__http.json'), summaryText('acme/http').replace(/"generatedAt":"[^"]+"/, '"generatedAt":"2999-01-01T00:00:00.000Z"'));
    const second = runMergeStep(checkout, bin);
    assert.strictEqual(second.code, 0, second.stderr);
    const manifest = JSON.parse(readFileSync(path.join(checkout, 'index', 'hub.json'), 'utf8'));
    assert.deepStrictEqual(manifest.repositories.map((r: { name: string; generatedAt: string }) => [r.name, r.generatedAt.slice(0, 4)]), [['acme/http', '2999'], ['acme/shop', new Date().getUTCFullYear().toString()]]);
  });
});
