// @vscode/test-cli configuration, for machines that can download VS Code (it uses
// @vscode/test-electron). It runs the same compiled integration tests as the offline runner
// (out/test/harness/runIntegration.js, which CI uses) against the same generated fixture.
//
//   npm run build && npm run compile-tests && npx vscode-test
//
// Loading this file generates the fixture organisation (a real, backdated git repository) into
// .vscode-test/fixture/workspace with the compiled generator out/test/support/fixtureWorkspace.js.
import { defineConfig } from '@vscode/test-cli';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const fixtureDir = join(root, '.vscode-test', 'fixture');
const workspace = join(fixtureDir, 'workspace');
const fixtureInfo = join(fixtureDir, 'fixture.json');

rmSync(fixtureDir, { recursive: true, force: true });
mkdirSync(fixtureDir, { recursive: true });
const { createFixtureWorkspace } = require('./out/test/support/fixtureWorkspace.js');
writeFileSync(fixtureInfo, JSON.stringify(createFixtureWorkspace(workspace, 'test'), null, 2));

const common = {
  workspaceFolder: workspace,
  launchArgs: ['--disable-workspace-trust', '--disable-extensions'],
  mocha: { ui: 'bdd', timeout: 30000, color: true },
};

// Same groups and fixture hand-over as the offline runner; untrusted tests skip themselves here.
// `*.alone.test.js` dispose the host's activation, so they get a host of their own.
export default defineConfig([
  {
    ...common,
    label: 'integration',
    files: 'out/test/integration/**/!(*.alone).test.js',
    env: { CONSTELLATION_TEST_GROUP: 'trusted', CONSTELLATION_FIXTURE_INFO: fixtureInfo },
  },
  {
    ...common,
    label: 'integration-alone',
    files: 'out/test/integration/**/*.alone.test.js',
    env: { CONSTELLATION_TEST_GROUP: 'alone', CONSTELLATION_FIXTURE_INFO: fixtureInfo },
  },
]);
