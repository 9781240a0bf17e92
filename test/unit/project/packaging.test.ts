/**
 * The packaged .vsix, as a user gets it: an icon, a README for users (install, first steps,
 * settings; no contributor commands) whose images all resolve inside the package or by absolute
 * URL, and no made-up repository address.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yauzl from 'yauzl';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Every entry of a zip file, by name. */
function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || data.subarray(12, 16).toString() !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('the packaged extension (.vsix)', function () {
  this.timeout(240_000);
  let dir: string;
  let files: Map<string, Buffer>;
  let manifest: { icon?: string; repository?: { url?: string } | string; contributes: { configuration: Array<{ properties: Record<string, unknown> }> } };
  let readme: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-vsix-'));
    const vsix = path.join(dir, 'constellation.vsix');
    // The project's own package script, writing to a temp file instead of the project folder.
    const run = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, `${run.stdout}\n${run.stderr}`);
    files = await readZip(vsix);
    manifest = JSON.parse(files.get('extension/package.json')?.toString('utf8') ?? '{}') as typeof manifest;
    readme = files.get('extension/readme.md')?.toString('utf8') ?? '';
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has an icon: a square PNG of at least 128 pixels, declared in the manifests', () => {
    assert.strictEqual(manifest.icon, 'media/icon.png');
    const size = pngSize(files.get('extension/media/icon.png') ?? Buffer.alloc(0));
    assert.ok(size && size.width >= 128 && size.width === size.height, JSON.stringify(size));
    assert.match(files.get('extension.vsixmanifest')?.toString('utf8') ?? '', /Type="Microsoft\.VisualStudio\.Services\.Icons\.Default" Path="extension\/media\/icon\.png"/);
  });

  it('names no made-up repository', () => {
    const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    assert.ok(url === undefined || (/^https:\/\//.test(url) && !/\.invalid\b|example\./.test(url)), String(url));
  });

  it('shows a README for users: install, first steps, settings, and no contributor commands', () => {
    for (const heading of ['## Install', '## First steps', '## Settings']) assert.ok(readme.includes(heading), heading);
    assert.ok(!/\bnpm (ci|test|run|install)\b|scripts\/setup|\.ci\/run|CONSTELLATION_HOST_CACHE/.test(readme), 'contributor commands in the user README');
    const settings = manifest.contributes.configuration.flatMap((section) => Object.keys(section.properties));
    const missing = settings.filter((s) => !readme.includes(`\`${s}\``));
    assert.deepStrictEqual(missing, [], 'every setting is described');
  });

  it('every image and link of the README resolves inside the package or by absolute https URL', () => {
    const targets = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)].map((m) => m[1]);
    assert.ok(targets.some((t) => t.endsWith('.png')), 'the README shows screenshots');
    for (const target of targets) {
      if (/^https:\/\//.test(target)) continue;
      assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(target), `${target}: only https or package paths`);
      assert.ok(files.has(`extension/${path.posix.normalize(target.split('#')[0])}`), `${target} is not in the package`);
      assert.ok(!target.endsWith('.svg'), `${target}: the Marketplace refuses SVG images in READMEs`);
    }
  });
});
