// Bundles the extension host code, the CLI and the webview script.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints the lines VS Code's esbuild problem matcher waits for. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** Codicons ship inside dist/ so the packaged extension never reaches into node_modules. */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin],
};

const targets = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  // Big directory.yml / communities.yml files are parsed in this worker (core/config/configParse.ts).
  { ...common, entryPoints: ['src/core/config/configParseWorker.ts'], outfile: 'dist/configParseWorker.js', platform: 'node', format: 'cjs', target: 'node20' },
  // Worker threads of `constellation export` (src/core/summary/parallelRanking.ts looks for it beside the CLI).
  { ...common, entryPoints: ['src/core/summary/rankWorker.ts'], outfile: 'dist/rankWorker.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The community report's worker thread (src/core/communities/reportThread.ts looks for it beside the extension).
  { ...common, entryPoints: ['src/core/communities/communityReportWorker.ts'], outfile: 'dist/communityReportWorker.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The script of the community pages (community, constellation map, my participation).
  { ...common, entryPoints: ['src/webview/communities/main.ts'], outfile: 'dist/communitiesWebview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];
const webviewEntry = 'src/webview/main.ts';
if (fs.existsSync(webviewEntry)) {
  targets.push({ ...common, entryPoints: [webviewEntry], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' });
}

/** A production build must not ship source maps left over from a development build. */
function removeSourceMaps() {
  const dist = path.join(__dirname, 'dist');
  if (!fs.existsSync(dist)) return;
  for (const file of fs.readdirSync(dist)) if (file.endsWith('.map')) fs.rmSync(path.join(dist, file));
}

async function main() {
  if (production) removeSourceMaps();
  const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild().finally(() => ctx.dispose())));
  copyCodicons();
  if (results.some((r) => r.errors.length > 0)) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
