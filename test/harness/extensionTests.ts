/** One run of the mocha integration tests inside the real (remote) extension host of code-server. */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { exposeAutomation, launchBrowser, workbenchUrl } from './browser';
import { type CodeServer, startCodeServer } from './codeServer';
import { HarnessError, type HostTools } from './hostTools';
import { harnessFailureLine, printWorkbenchErrors, say, seconds, withTimeout } from './report';
import { removeSandbox, type Sandbox } from './sandbox';

export interface ExtensionTestRun {
  label: string;
  sandbox: Sandbox;
  /** Folder opened in the workbench. */
  workspace: string;
  /** Compiled test index exporting run(). */
  testsIndex: string;
  /** Passed to the extension host only (payload extensionEnvironment). */
  env: Record<string, string>;
  trusted: boolean;
  timeoutMs: number;
}

export type Verdict = 'passed' | 'failed' | 'timeout' | 'error';

export interface ExtensionTestResult {
  label: string;
  verdict: Verdict;
  passes: number;
  failures: number;
  seconds: number;
}

/** File the test index writes mocha's stats to (env HARNESS_RESULT_FILE). */
interface MochaStats { stats: { passes: number; failures: number } }

export async function runExtensionTests(tools: HostTools, run: ExtensionTestRun): Promise<ExtensionTestResult> {
  const started = Date.now();
  const resultFile = path.join(run.sandbox.root, 'mocha-result.json');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let verdict: Verdict = 'error';
  try {
    server = await startCodeServer(tools, run.sandbox, run.workspace, { smokeTestDriver: true, trusted: run.trusted });
    browser = await launchBrowser(tools, run.sandbox);
    const page = await browser.newPage();
    const hooks = await exposeAutomation(page, run.sandbox, (line) => process.stdout.write(`[${run.label}] ${line}\n`));
    const payload: Array<[string, string]> = [
      ['extensionDevelopmentPath', server.remoteUri(tools.projectRoot)],
      ['extensionTestsPath', server.remoteUri(run.testsIndex)],
      ['extensionEnvironment', JSON.stringify({ ...run.env, HARNESS_RESULT_FILE: resultFile })],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server, run.workspace, payload));
    // The only trustworthy verdict: the server log says "exited with code 0" even when tests fail.
    const code = await withTimeout(hooks.exitCode, run.timeoutMs);
    await hooks.close();
    if (code === 'timeout') {
      say(run.label, `TIMEOUT after ${run.timeoutMs / 1000}s waiting for the extension tests to finish`);
      verdict = 'timeout';
    } else {
      verdict = code === 0 ? 'passed' : 'failed';
    }
  } catch (error) {
    process.stderr.write(`${harnessFailureLine(run.label, error, run.sandbox.root)}\n`);
    verdict = 'error';
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
  const stats = readStats(resultFile);
  const result: ExtensionTestResult = {
    label: run.label, verdict, passes: stats?.passes ?? 0,
    // A failed run with no mocha stats (index did not load) still counts as a failure.
    failures: stats?.failures ?? (verdict === 'passed' ? 0 : 1),
    seconds: (Date.now() - started) / 1000,
  };
  if (verdict === 'passed') {
    removeSandbox(run.sandbox);
  } else {
    printWorkbenchErrors(run.label, run.sandbox.workbenchLog, run.sandbox.serverLog);
    say(run.label, `sandbox kept: ${run.sandbox.root} (code-server.log, workbench.log)`);
  }
  say(run.label, `${verdict}: ${result.passes} passing, ${result.failures} failing in ${seconds(started)}`);
  return result;
}

function readStats(file: string): MochaStats['stats'] | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as MochaStats).stats;
  } catch {
    return undefined;
  }
}

export function exitCodeFor(results: ExtensionTestResult[]): number {
  if (results.some((r) => r.verdict === 'timeout' || r.verdict === 'error')) return 2;
  return results.every((r) => r.verdict === 'passed') ? 0 : 1;
}

export function assertCompiled(file: string): string {
  if (!existsSync(file)) throw new HarnessError(`missing ${file}: run \`npm run compile-tests\` (or set CONSTELLATION_TEST_OUT)`);
  return file;
}
