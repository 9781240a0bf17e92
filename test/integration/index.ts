/**
 * Entry point the extension host loads through `extensionTestsPath`: it calls run() and takes a
 * rejection as failure. Files are picked by CONSTELLATION_TEST_GROUP: `*.untrusted.test.js` run
 * in the "untrusted" group (restricted mode), `*.demo.test.js` in "demo" (the demo organisation),
 * `*.alone.test.js` in "alone" (tests that dispose the host's activation, in a host of their own
 * so no other test depends on their order), every other `*.test.js` in "trusted" (the default).
 */
import { readdirSync, writeFileSync } from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as util from 'util';

/** Must match TEST_OUTPUT_TAG in test/harness/browser.ts. */
const TAG = '\u27e6t\u27e7';

/**
 * The extension host's console cannot be replaced and reaches the runner unformatted, so mocha's
 * reporter sink is pointed at a logger that formats first and tags the line for the runner.
 */
export function harnessLog(...args: unknown[]): void {
  console.log(TAG + util.format(...args));
}

type ConsoleLog = (...args: unknown[]) => void;
const reporterBase = Mocha.reporters.Base as unknown as { consoleLog: ConsoleLog };

/** The group a compiled test file belongs to, from its name: `x.<group>.test.js` or "trusted". */
export function groupOf(file: string): string {
  const marked = /\.(untrusted|alone|demo)\.test\.js$/.exec(file);
  return marked ? marked[1] : 'trusted';
}

export function testFilesFor(group: string, folder: string): string[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.test.js') && groupOf(file) === group)
    .sort()
    .map((file) => path.join(folder, file));
}

export function run(): Promise<void> {
  const group = process.env.CONSTELLATION_TEST_GROUP ?? 'trusted';
  const grep = process.env.CONSTELLATION_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = testFilesFor(group, __dirname);
  for (const file of files) mocha.addFile(file);
  const originalLog = reporterBase.consoleLog;
  reporterBase.consoleLog = harnessLog;
  harnessLog(`group ${group}: ${files.map((f) => path.basename(f)).join(', ') || 'no test files'}`);
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      reporterBase.consoleLog = originalLog;
      if (error) reject(error);
      else resolve();
    };
    try {
      const runner = mocha.run((failures) => {
        const resultFile = process.env.HARNESS_RESULT_FILE;
        if (resultFile) writeFileSync(resultFile, JSON.stringify({ failures, stats: runner.stats }));
        if (files.length === 0) finish(new Error(`no test files for group ${group}`));
        else finish(failures > 0 ? new Error(`${failures} test(s) failed`) : undefined);
      });
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
