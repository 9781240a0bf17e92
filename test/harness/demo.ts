/**
 * `npm run demo`: generates the demo organisation (a real git history, several teams, a supplier)
 * in .vscode-test/demo/workspace and opens it with the extension:
 *   - desktop VS Code when `code` is on PATH (extension loaded from the project);
 *   - otherwise code-server on 127.0.0.1 with the project linked into its extensions folder.
 * Usage: node out/test/harness/demo.js [--port <n>] [--web] [--workspace <dir>]   (Ctrl+C stops the server)
 */
import { spawn, spawnSync } from 'child_process';
import { readFileSync, rmSync, symlinkSync } from 'fs';
import * as path from 'path';
import { createFixtureWorkspace } from '../support/fixtureWorkspace';
import { startCodeServer } from './codeServer';
import { findProjectRoot, hostTools } from './hostTools';
import { exitOnHarnessFailure, ReportedFailure, say } from './report';
import { createSandbox, removeSandbox } from './sandbox';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  const projectRoot = findProjectRoot();
  const workspace = path.resolve(option('--workspace') ?? path.join(projectRoot, '.vscode-test', 'demo', 'workspace'));
  rmSync(workspace, { recursive: true, force: true });
  const fixture = createFixtureWorkspace(workspace, 'demo');
  say('demo', `organisation: ${fixture.people.length} people, ${fixture.commitCount} commits in ${workspace}`);
  say('demo', `you are ${fixture.you.email} (team ${fixture.you.team}); try hovering ${fixture.expectations.map((e) => `${e.file}:${e.line}`).join(', ')}`);

  if (onPath('code') && !process.argv.includes('--web')) {
    spawn('code', [`--extensionDevelopmentPath=${projectRoot}`, workspace], { stdio: 'inherit', detached: true }).unref();
    say('demo', 'opened in VS Code (Extension Development Host)');
    return;
  }

  // The script prints its own one-line reason when a step fails.
  const setup = spawnSync('bash', [path.join(projectRoot, 'scripts', 'setup-vscode-host.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new ReportedFailure('host set-up failed');
  const tools = hostTools();
  const sb = createSandbox('demo', { trusted: true });
  // A linked folder named <publisher>.<name>-<version> is picked up like an installed extension.
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  symlinkSync(projectRoot, path.join(sb.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`));
  const port = option('--port') ? Number(option('--port')) : undefined;
  const server = await startCodeServer(tools, sb, workspace, { smokeTestDriver: false, trusted: true, port });
  say('demo', `open http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}`);
  say('demo', `server log: ${sb.serverLog}; Ctrl+C to stop`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.stop();
  removeSandbox(sb);
  say('demo', 'stopped');
}

main().catch((error: unknown) => exitOnHarnessFailure('demo', error));
