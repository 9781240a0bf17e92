/**
 * `npm ci` on the Node.js version the project states must not warn EBADENGINE: every package of
 * the lockfile accepts the lowest version `engines.node` allows, and the README says the same.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as semver from 'semver';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

interface LockedPackage { version?: string; engines?: Record<string, string> | string[] }

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

/** Packages of the lockfile whose `engines.node` refuses `nodeVersion` (npm's EBADENGINE). */
function enginesRefusing(packages: Record<string, LockedPackage>, nodeVersion: string): string[] {
  const refusing: string[] = [];
  for (const [where, pkg] of Object.entries(packages)) {
    if (where === '' || !pkg.engines || Array.isArray(pkg.engines)) continue;
    const range = pkg.engines.node;
    if (range && !semver.satisfies(nodeVersion, range, { includePrerelease: true })) {
      refusing.push(`${where.replace(/^.*node_modules\//, '')}@${pkg.version ?? '?'} wants node ${range}`);
    }
  }
  return refusing;
}

describe('Node.js version of the project', () => {
  const manifest = readJson<{ engines: { node: string } }>('package.json');
  const lock = readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
  const floor = semver.minVersion(manifest.engines.node)?.version;

  it('states a lowest version in engines.node', () => {
    assert.ok(floor, `engines.node "${manifest.engines.node}" has no lowest version`);
  });

  it('every locked dependency accepts the lowest stated version (no EBADENGINE)', () => {
    assert.deepStrictEqual(enginesRefusing(lock.packages, floor ?? '0.0.0'), []);
  });

  it('every locked dependency accepts the Node.js running the tests', function () {
    if (!semver.satisfies(process.version, manifest.engines.node)) this.skip();
    assert.deepStrictEqual(enginesRefusing(lock.packages, process.version), []);
  });

  it('the check itself notices a package that needs a newer Node.js', () => {
    const refusing = enginesRefusing({ 'node_modules/content-type': { version: '3.1.1', engines: { node: '>=22' } } }, '20.19.0');
    assert.deepStrictEqual(refusing, ['content-type@3.1.1 wants node >=22']);
  });

  it('the README states the same version as engines.node', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const stated = /Requires Node\.js ≥ ([\d.]+)/.exec(readme)?.[1];
    assert.ok(stated, 'README has no "Requires Node.js ≥ X" line');
    assert.strictEqual(semver.coerce(stated)?.version, floor, `README says ${stated}, engines.node says ${manifest.engines.node}`);
  });
});
