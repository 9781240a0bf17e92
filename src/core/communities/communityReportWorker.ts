/**
 * The worker thread of reportThread.ts: rebuilds the org directory from its configuration (a class
 * instance does not cross threads), computes the report, and posts it back.
 */
import { parentPort, workerData } from 'worker_threads';
import { OrgDirectory } from '../directory/orgDirectory';
import { computeCommunityReport } from './communityReport';
import { fromTransferable, type ReportRequest } from './reportThread';

function run(request: ReportRequest): void {
  const inputs = fromTransferable(request.inputs, (config) => new OrgDirectory(config));
  parentPort?.postMessage({ report: computeCommunityReport(inputs, request.options) });
}

if (parentPort && workerData) {
  try {
    run(workerData as ReportRequest);
  } catch (err) {
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}
