/**
 * Runs test/integration in the real extension host, once per workspace setup:
 *   trusted   - the fixture organisation, workspace trust disabled
 *   untrusted - the same fixture opened in restricted mode (workspace trust enabled)
 *   demo      - the demo organisation (`npm run demo`'s workspace), trusted
 *   alone     - trusted, for tests that dispose the host's activation (lifecycle): their own host
 * Usage: node out/test/harness/runIntegration.js [--only trusted|untrusted|demo|alone] [--grep <test title part>] [--timeout <s>]
 * Exit: 0 all passed, 1 test failures, 2 harness problem (time-out, server did not start).
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { createFixtureWorkspace, FIXTURE_INFO_ENV } from '../support/fixtureWorkspace';
import { assertCompiled, exitCodeFor, type ExtensionTestResult, runExtensionTests } from './extensionTests';
import { HarnessError, hostTools, requireFile } from './hostTools';
import { exitOnHarnessFailure, say, seconds } from './report';
import { createSandbox } from './sandbox';

const GROUPS = [
  { group: 'trusted', trusted: true, preset: 'test' },
  { group: 'untrusted', trusted: false, preset: 'test' },
  { group: 'demo', trusted: true, preset: 'demo' },
  { group: 'alone', trusted: true, preset: 'test' },
] as const;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const started = Date.now();
  const tools = hostTools();
  requireFile(path.join(tools.projectRoot, 'dist', 'extension.js'), 'run `npm run build` first');
  const testsIndex = assertCompiled(path.join(tools.compiledRoot, 'test', 'integration', 'index.js'));
  const only = option('--only');
  const grep = option('--grep');
  const timeoutMs = Number(option('--timeout') ?? 240) * 1000;
  const results: ExtensionTestResult[] = [];
  for (const { group, trusted, preset } of GROUPS.filter((g) => !only || g.group === only)) {
    const sandbox = createSandbox(group, { trusted });
    const workspace = path.join(sandbox.root, 'ws');
    const fixture = createFixtureWorkspace(workspace, preset);
    const fixtureFile = path.join(sandbox.root, 'fixture.json');
    writeFileSync(fixtureFile, JSON.stringify(fixture, null, 2));
    say(group, `fixture: ${fixture.commitCount} commits in ${workspace}`);
    results.push(await runExtensionTests(tools, {
      label: group, sandbox, workspace, testsIndex, trusted, timeoutMs,
      env: { CONSTELLATION_TEST_GROUP: group, [FIXTURE_INFO_ENV]: fixtureFile, ...(grep ? { CONSTELLATION_TEST_GREP: grep } : {}) },
    }));
  }
  if (results.length === 0) throw new HarnessError(`no run matches --only ${only ?? ''}`);
  const passed = results.reduce((n, r) => n + r.passes, 0);
  const failed = results.reduce((n, r) => n + r.failures, 0);
  say('integration', `${results.map((r) => `${r.label} ${r.verdict} (${r.seconds.toFixed(1)}s)`).join(', ')}; total ${seconds(started)}`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return exitCodeFor(results);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => exitOnHarnessFailure('integration', error),
);
