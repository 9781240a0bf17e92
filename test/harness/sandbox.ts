/** A throw-away folder holding everything one code-server + browser run writes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface Sandbox {
  root: string;
  home: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  serverLog: string;
  workbenchLog: string;
}

export interface SandboxOptions {
  /** false: workspace trust is enabled, so the workspace opens in restricted mode. */
  trusted: boolean;
}

/** Quiet, deterministic workbench: no welcome page, no update or gallery traffic. */
function userSettings(options: SandboxOptions): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': !options.trusted,
    // Untrusted runs open straight into restricted mode instead of a modal prompt.
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'git.openRepositoryInParentFolders': 'never',
    'git.autofetch': false,
    'chat.disableAIFeatures': true,
    'editor.hover.delay': 150,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  };
}

/** Short path under the system temp folder: unix socket paths inside it must stay < 108 bytes. */
export function createSandbox(label: string, options: SandboxOptions): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), `cst-${label.replace(/[^a-z0-9]/gi, '').slice(0, 8)}-`));
  const sb: Sandbox = {
    root,
    home: path.join(root, 'h'),
    userDataDir: path.join(root, 'ud'),
    extensionsDir: path.join(root, 'ext'),
    configFile: path.join(root, 'config.yaml'),
    serverLog: path.join(root, 'code-server.log'),
    workbenchLog: path.join(root, 'workbench.log'),
  };
  for (const dir of ['.config', '.local/share', '.cache', 'tmp']) mkdirSync(path.join(sb.home, dir), { recursive: true });
  mkdirSync(path.join(sb.userDataDir, 'User'), { recursive: true });
  mkdirSync(sb.extensionsDir, { recursive: true });
  writeFileSync(sb.configFile, 'auth: none\ncert: false\n');
  writeFileSync(path.join(sb.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings(options), null, 2));
  return sb;
}

/** HOME, TMPDIR and XDG dirs inside the sandbox, so nothing lands in the real home or /tmp. */
export function sandboxEnv(sb: Sandbox): Record<string, string> {
  return {
    HOME: sb.home,
    TMPDIR: path.join(sb.home, 'tmp'),
    XDG_CONFIG_HOME: path.join(sb.home, '.config'),
    XDG_DATA_HOME: path.join(sb.home, '.local/share'),
    XDG_CACHE_HOME: path.join(sb.home, '.cache'),
  };
}

export function removeSandbox(sb: Sandbox): void {
  rmSync(sb.root, { recursive: true, force: true });
}
