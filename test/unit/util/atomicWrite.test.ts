import * as assert from 'assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createFileAtomic, writeFileAtomic } from '../../../src/core/util/atomicWrite';

describe('atomic writes', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-atomic-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a new file, in a folder made for it, leaving no temp file', async () => {
    const file = path.join(dir, '.constellation', 'directory.yml');
    await createFileAtomic(file, 'people: []\n');
    assert.strictEqual(readFileSync(file, 'utf8'), 'people: []\n');
    assert.deepStrictEqual(readdirSync(path.dirname(file)), ['directory.yml']);
  });

  it('never replaces a file that exists: EEXIST, the file untouched, no temp file left', async () => {
    const file = path.join(dir, 'directory.yml');
    writeFileSync(file, '# mine\n');
    await assert.rejects(createFileAtomic(file, 'people: []\n'), (err: NodeJS.ErrnoException) => err.code === 'EEXIST');
    assert.strictEqual(readFileSync(file, 'utf8'), '# mine\n');
    assert.deepStrictEqual(readdirSync(dir), ['directory.yml']);
  });

  it('replaces a file when asked to write it', async () => {
    const file = path.join(dir, 'directory.yml');
    writeFileSync(file, '# mine\n');
    await writeFileAtomic(file, 'people: []\n');
    assert.strictEqual(readFileSync(file, 'utf8'), 'people: []\n');
    assert.deepStrictEqual(readdirSync(dir), ['directory.yml']);
  });
});
