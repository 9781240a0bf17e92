/**
 * Runs the e2e specs (test/e2e/*.e2e.ts) in the real workbench, driven by headless Chromium:
 *   dev  - the extension loaded from the project (payload extensionDevelopmentPath)
 *   vsix - the packaged constellation.vsix installed into the sandbox, as users get it
 * Usage: node out/test/harness/runE2e.js [--mode dev|vsix] [--vsix <file>] [--grep <text>]
 * Env: CONSTELLATION_VSIX (skip packaging, use this file). Screenshots: test-artifacts/e2e/.
 * Exit: 0 all passed, 1 spec failures, 2 harness problem.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync } from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { type E2eContext, type E2eMode, registeredSpecs } from '../e2e/registry';
import { waitForWorkbench } from '../e2e/workbench';
import { createFixtureWorkspace, type FixtureInfo } from '../support/fixtureWorkspace';
import { launchBrowser, type PayloadEntry, workbenchUrl } from './browser';
import { type CodeServer, installVsix, serverEnv, startCodeServer } from './codeServer';
import { HarnessError, type HostTools, hostTools, requireFile } from './hostTools';
import { exitOnHarnessFailure, printWorkbenchErrors, say, seconds } from './report';
import { createSandbox, removeSandbox, type Sandbox } from './sandbox';

const EXTENSION_ID = 'constellation.constellation';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function loadSpecs(compiledRoot: string): Promise<void> {
  const folder = path.join(compiledRoot, 'test', 'e2e');
  if (!existsSync(folder)) throw new HarnessError(`missing ${folder}: run \`npm run compile-tests\``);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.e2e.js')).sort()) await import(path.join(folder, file));
}

/** Packages the extension unless a .vsix is given. */
function vsixFile(tools: HostTools): string {
  const given = option('--vsix') ?? process.env.CONSTELLATION_VSIX;
  if (given) return requireFile(path.resolve(given), 'no such .vsix');
  say('vsix', 'npm run package');
  try {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: tools.projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    throw new HarnessError('`npm run package` failed (see above); fix packaging or pass --vsix <file>');
  }
  return requireFile(path.join(tools.projectRoot, 'constellation.vsix'), '`npm run package` did not produce it');
}

function installPackaged(tools: HostTools, sb: Sandbox, vsix: string): void {
  installVsix(tools, sb, vsix);
  const listed = execFileSync(tools.codeServer, ['--config', sb.configFile, '--user-data-dir', sb.userDataDir, '--extensions-dir', sb.extensionsDir, '--list-extensions'],
    { env: serverEnv(tools, sb), encoding: 'utf8' });
  if (!listed.split('\n').some((l) => l.trim().toLowerCase() === EXTENSION_ID)) throw new HarnessError(`${vsix} installed but ${EXTENSION_ID} is not listed`);
}

interface ModeResult { passed: number; failed: number }

async function runMode(tools: HostTools, mode: E2eMode, artifacts: string): Promise<ModeResult> {
  const started = Date.now();
  const specs = registeredSpecs().filter((s) => s.modes.includes(mode) && (!option('--grep') || s.name.includes(option('--grep') ?? '')));
  const vsix = mode === 'vsix' ? vsixFile(tools) : undefined;
  const sb = createSandbox(`e2e${mode}`, { trusted: true });
  const workspace = path.join(sb.root, 'ws');
  const fixture: FixtureInfo = createFixtureWorkspace(workspace, 'test');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const result: ModeResult = { passed: 0, failed: 0 };
  try {
    if (vsix) installPackaged(tools, sb, vsix);
    server = await startCodeServer(tools, sb, workspace, { smokeTestDriver: mode === 'dev', trusted: true });
    browser = await launchBrowser(tools, sb);
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const payload: PayloadEntry[] | undefined = mode === 'dev'
      ? [['extensionDevelopmentPath', server.remoteUri(tools.projectRoot)], ['skipWelcome', 'true']]
      : undefined;
    await page.goto(workbenchUrl(server, workspace, payload));
    await waitForWorkbench(page);
    say(mode, `workbench ready in ${seconds(started)}`);
    for (const spec of specs) {
      const specStarted = Date.now();
      const context: E2eContext = {
        page, mode, fixture,
        screenshot: async (name) => {
          const file = path.join(artifacts, `${name}-${mode}.png`);
          await page.screenshot({ path: file });
          return path.relative(tools.projectRoot, file);
        },
        log: (message) => say(mode, `  ${message}`),
      };
      try {
        await spec.run(context);
        result.passed++;
        say(mode, `✔ ${spec.name} (${seconds(specStarted)})`);
      } catch (error) {
        result.failed++;
        say(mode, `✘ ${spec.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        await context.screenshot(`failure-${spec.name.replace(/\W+/g, '-')}`).catch(() => undefined);
        await page.keyboard.press('Escape').catch(() => undefined);
      }
    }
  } catch (error) {
    say(mode, `sandbox kept: ${sb.root}`);
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
  if (result.failed === 0) {
    removeSandbox(sb);
  } else {
    printWorkbenchErrors(mode, sb.workbenchLog, sb.serverLog);
    say(mode, `sandbox kept: ${sb.root}`);
  }
  say(mode, `${result.passed} passed, ${result.failed} failed in ${seconds(started)}`);
  return result;
}

async function main(): Promise<number> {
  const started = Date.now();
  const tools = hostTools();
  requireFile(path.join(tools.projectRoot, 'dist', 'extension.js'), 'run `npm run build` first');
  await loadSpecs(tools.compiledRoot);
  if (registeredSpecs().length === 0) throw new HarnessError('no e2e specs registered');
  const artifacts = path.join(tools.projectRoot, 'test-artifacts', 'e2e');
  mkdirSync(artifacts, { recursive: true });
  const modes: E2eMode[] = option('--mode') ? [option('--mode') as E2eMode] : ['dev', 'vsix'];
  let passed = 0;
  let failed = 0;
  for (const mode of modes) {
    const r = await runMode(tools, mode, artifacts);
    passed += r.passed;
    failed += r.failed;
  }
  say('e2e', `done in ${seconds(started)}; screenshots in ${path.relative(tools.projectRoot, artifacts)}/`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => exitOnHarnessFailure('e2e', error),
);
