/** Starts code-server on 127.0.0.1 in a sandbox and stops exactly the processes it started. */
import { type ChildProcess, execFileSync, spawn } from 'child_process';
import { closeSync, openSync } from 'fs';
import * as http from 'http';
import * as net from 'net';
import { HarnessError, type HostTools } from './hostTools';
import { type Sandbox, sandboxEnv } from './sandbox';

export interface CodeServerOptions {
  /** Needed for payload entries (extensionDevelopmentPath, extensionTestsPath) to be honoured. */
  smokeTestDriver: boolean;
  /** false: no --disable-workspace-trust, so the trust setting of the sandbox applies. */
  trusted: boolean;
  /** Fixed port (demo); a free one otherwise. */
  port?: number;
  startTimeoutMs?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  /** URI the remote extension host understands for an absolute server path. */
  remoteUri(absPath: string): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isHealthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(false);
    });
  });
}

export function serverEnv(tools: HostTools, sb: Sandbox): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...sandboxEnv(sb),
    PATH: `${tools.node24Bin}:${process.env.PATH ?? ''}`,
    // No marketplace: an empty gallery stops all queries to open-vsx.org.
    EXTENSIONS_GALLERY: '{}',
  };
}

function commonArgs(sb: Sandbox): string[] {
  return ['--config', sb.configFile, '--user-data-dir', sb.userDataDir, '--extensions-dir', sb.extensionsDir];
}

/** `code-server --install-extension` works offline for a local .vsix. */
export function installVsix(tools: HostTools, sb: Sandbox, vsix: string): string {
  return execFileSync(tools.codeServer, [...commonArgs(sb), '--install-extension', vsix], { env: serverEnv(tools, sb), encoding: 'utf8' });
}

export async function startCodeServer(tools: HostTools, sb: Sandbox, folder: string, options: CodeServerOptions): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const args = [
    ...commonArgs(sb),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (options.trusted) args.push('--disable-workspace-trust');
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(folder);
  const log = openSync(sb.serverLog, 'a');
  // detached: own process group, so stop() signals exactly the server and its children.
  const child = spawn(tools.codeServer, args, { detached: true, stdio: ['ignore', log, log], env: serverEnv(tools, sb) });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const server: CodeServer = { url, port, remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${p}`, stop: () => stopGroup(child) };
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (!(await isHealthy(url))) {
    if (child.exitCode !== null) throw new HarnessError(`code-server exited at start (exit ${child.exitCode}); log: ${sb.serverLog}; try: bash scripts/setup-vscode-host.sh --force`);
    if (Date.now() > deadline) {
      await server.stop();
      throw new HarnessError(`code-server did not answer ${url}/healthz in time; log: ${sb.serverLog}; try again on a less busy machine, or bash scripts/setup-vscode-host.sh --force`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // group already gone
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  try {
    process.kill(-child.pid, 'SIGKILL'); // stragglers of our own group (extension host, pty host)
  } catch {
    // nothing left
  }
}
