/**
 * Computes a community report in a worker thread, so a large workspace (a second or two of CPU on
 * a 50,000-commit history) never blocks the process that asked: an editor stays responsive, and
 * cancelling really stops the work (the thread is terminated). Only the inputs are copied to the
 * thread (structured clone: the history indexes' Maps survive it, the directory goes as its plain
 * configuration). Without the worker script (a test run from sources) it computes in place.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { DirectoryConfig } from '../directory/directoryConfig';
import type { OrgDirectory } from '../directory/orgDirectory';
import { computeCommunityReport } from './communityReport';
import type { CommunityInputs, CommunityReportOptions } from './reportInputs';
import type { CommunityReport } from './reportTypes';

/** Bundled beside the extension (dist/) and compiled beside this module (out/). */
export const REPORT_WORKER_SCRIPT = 'communityReportWorker.js';

export type TransferableInputs = Omit<CommunityInputs, 'directory'> & { directoryConfig?: DirectoryConfig };

export interface ReportRequest {
  inputs: TransferableInputs;
  options: CommunityReportOptions;
}

export function toTransferable(inputs: CommunityInputs): TransferableInputs {
  const { directory, ...rest } = inputs;
  return { ...rest, ...(directory ? { directoryConfig: directory.toConfig() } : {}) };
}

export function fromTransferable(inputs: TransferableInputs, directory: (config: DirectoryConfig) => OrgDirectory): CommunityInputs {
  const { directoryConfig, ...rest } = inputs;
  return { ...rest, ...(directoryConfig ? { directory: directory(directoryConfig) } : {}) };
}

export class ReportCancelled extends Error {
  constructor() {
    super('the community report was cancelled');
    this.name = 'AbortError';
  }
}

export interface ThreadOptions {
  signal?: AbortSignal;
  /** Folder holding the worker script (default: this module's). */
  scriptDir?: string;
}

/** The report of `inputs`, computed off this thread when the worker script is there. Rejects with ReportCancelled on abort. */
export function computeReportInThread(inputs: CommunityInputs, options: CommunityReportOptions, thread: ThreadOptions = {}): Promise<CommunityReport> {
  const { signal } = thread;
  if (signal?.aborted) return Promise.reject(new ReportCancelled());
  const script = path.join(thread.scriptDir ?? __dirname, REPORT_WORKER_SCRIPT);
  if (!existsSync(script)) {
    return new Promise((resolve, reject) => {
      // Still asynchronous, so a caller's abort between now and the next turn is honoured.
      setImmediate(() => {
        if (signal?.aborted) reject(new ReportCancelled());
        else {
          try {
            resolve(computeCommunityReport(inputs, options));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        }
      });
    });
  }
  return new Promise((resolve, reject) => {
    const request: ReportRequest = { inputs: toTransferable(inputs), options };
    const worker = new Worker(script, { workerData: request });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => finish(() => reject(new ReportCancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (message: { report?: CommunityReport; error?: string }) =>
      finish(() => (message.report ? resolve(message.report) : reject(new Error(message.error ?? 'the report worker sent nothing')))),
    );
    worker.once('error', (err) => finish(() => reject(err)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the report worker stopped (exit code ${code})`))));
  });
}
