/** Debian's headless Chromium through playwright-core, and the workbench URL with its payload. */
import { createWriteStream, type WriteStream } from 'fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import type { HostTools } from './hostTools';
import { type Sandbox, sandboxEnv } from './sandbox';

export function launchBrowser(tools: HostTools, sb: Sandbox): Promise<Browser> {
  return chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    env: { ...process.env, ...sandboxEnv(sb) },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-crash-reporter', '--disable-breakpad'],
  });
}

export type PayloadEntry = [string, string];

/** Opens a folder, or a multi-root workspace when given its `.code-workspace` file. */
export function workbenchUrl(server: CodeServer, folder: string, payload?: PayloadEntry[]): string {
  const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  let url = `${server.url}/?${kind}=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Tag the test index puts in front of lines meant for the runner's output. */
export const TEST_OUTPUT_TAG = '\u27e6t\u27e7';

export interface AutomationHooks {
  /** Resolves with the code the workbench reports when the extension tests finish. */
  exitCode: Promise<number>;
  /** Closes the workbench log file. */
  close(): Promise<void>;
}

/**
 * Exposes the two globals the workbench calls under the smoke-test driver: codeAutomationLog
 * (every workbench log line, including the extension host's console) and codeAutomationExit
 * (the verdict of the extension tests). Tagged lines go to `onTestLine`, the rest to the log.
 */
export async function exposeAutomation(page: Page, sb: Sandbox, onTestLine: (line: string) => void): Promise<AutomationHooks> {
  const log: WriteStream = createWriteStream(sb.workbenchLog);
  let reportExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationLog', (level: unknown, message: unknown) => {
    const text = Array.isArray(message) ? message.join(' ') : String(message);
    if (text.startsWith(TEST_OUTPUT_TAG)) {
      for (const line of text.slice(TEST_OUTPUT_TAG.length).split('\n')) onTestLine(line);
    } else {
      log.write(`[${String(level)}] ${text}\n`);
      if (process.env.HARNESS_VERBOSE) process.stderr.write(`[workbench:${String(level)}] ${text}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code: unknown) => reportExit(Number(code)));
  return { exitCode, close: () => new Promise((resolve) => log.end(resolve)) };
}
