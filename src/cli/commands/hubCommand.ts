import { promises as fs } from 'fs';
import * as path from 'path';
import { HUB_MANIFEST } from '../../core/hub/hubFormat';
import { mergeSummaries } from '../../core/hub/hubMerge';
import { DEFAULT_HUB_WORKFLOW, HUB_WORKFLOW_FILE, hubWorkflow, repositoriesFileText } from '../../core/hub/hubWorkflow';
import type { Logger } from '../../core/logger';
import { writeFileAtomic } from '../../core/util/atomicWrite';
import { CliError, ExitCode } from '../exitCodes';
import { terminalJson } from '../terminalText';

/** Summary files among the arguments: files as given, folders searched for `*.json`. */
async function summaryFiles(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat) throw new CliError(`no such file or folder: ${input}`, ExitCode.usage);
    if (!stat.isDirectory()) {
      out.push(input);
      continue;
    }
    // A hub index as input (`hub merge HUB new.json`): its shards are the summaries, the rest is index.
    const isHub = await fs.stat(path.join(input, HUB_MANIFEST)).then(() => true, () => false);
    const folder = isHub ? path.join(input, 'shards') : input;
    const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && e.name.endsWith('.json')) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

/** `constellation hub merge FILE|DIR... --out DIR`. */
export async function runHubMerge(inputs: string[], options: { out?: string; json: boolean }, logger: Logger): Promise<string> {
  if (!options.out) throw new CliError('hub merge needs --out DIR', ExitCode.usage);
  if (inputs.length === 0) throw new CliError('hub merge needs summary files or folders of them', ExitCode.usage);
  const files = await summaryFiles(inputs);
  const started = Date.now();
  let result;
  try {
    result = await mergeSummaries(files, options.out, logger);
  } catch (err) {
    throw new CliError((err as Error).message, ExitCode.failed);
  }
  const ms = Date.now() - started;
  if (options.json) {
    return terminalJson({ repositories: result.manifest.repositories.length, skipped: result.skipped, replaced: result.replaced, bytes: result.bytes, milliseconds: ms, out: options.out });
  }
  return [
    `merged ${result.manifest.repositories.length} repositories into ${options.out} (${result.bytes} bytes, ${ms} ms)`,
    ...result.replaced.map((r) => `  ${r.repository}: ${r.by} replaces the older ${r.file}`),
    ...result.skipped.map((s) => `  skipped ${s.reason}`),
  ].join('\n');
}

export interface HubInitOptions {
  out?: string;
  repos?: string;
  schedule?: string;
  publish?: string;
  cliPackage?: string;
  force: boolean;
}

/** `constellation hub init [--out DIR] [--repos a/b,c/d] [--schedule CRON] [--publish commit|release]`. */
export async function runHubInit(options: HubInitOptions): Promise<string> {
  const root = path.resolve(options.out ?? '.');
  if (options.publish !== undefined && options.publish !== 'commit' && options.publish !== 'release') {
    throw new CliError(`--publish takes commit or release, not '${options.publish}'`, ExitCode.usage);
  }
  const repos = (options.repos ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const bad = repos.find((r) => !/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/.test(r));
  if (bad) throw new CliError(`--repos: '${bad}' is not owner/name`, ExitCode.usage);
  const workflow = hubWorkflow({
    ...(options.schedule ? { schedule: options.schedule } : {}),
    ...(options.publish ? { publish: options.publish as 'commit' | 'release' } : {}),
    ...(options.cliPackage ? { cliPackage: options.cliPackage } : {}),
  });
  const written: string[] = [];
  const write = async (relative: string, text: string, keepExisting: boolean): Promise<void> => {
    const file = path.join(root, relative);
    const exists = await fs.stat(file).then(() => true, () => false);
    if (exists && (keepExisting || !options.force)) {
      if (!keepExisting) throw new CliError(`${file} exists; use --force to replace it`, ExitCode.usage);
      return;
    }
    await writeFileAtomic(file, text);
    written.push(relative);
  };
  await write(HUB_WORKFLOW_FILE, workflow, false);
  await write(DEFAULT_HUB_WORKFLOW.repositoriesFile, repositoriesFileText(repos), repos.length === 0);
  return [`wrote ${written.join(', ')} in ${root}`, `  list the repositories in ${DEFAULT_HUB_WORKFLOW.repositoriesFile}, add a CONSTELLATION_READ_TOKEN secret for private ones`].join('\n');
}
