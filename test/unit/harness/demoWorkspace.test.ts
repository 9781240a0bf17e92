/**
 * The demo's first screen: the generated workspace has nothing untracked in Source Control and
 * nothing Constellation would put in Problems as an error (directory, communities, pattern
 * library, thread folders), so a newcomer's first look is not a wall of red.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCommunities } from '../../../src/core/communities/loadCommunities';
import { loadDirectory } from '../../../src/core/directory/orgDirectory';
import { silentLogger } from '../../../src/core/logger';
import { mergeLibraries } from '../../../src/core/patterns/library';
import { loadFolderLibrary } from '../../../src/core/patterns/sources/folderSource';
import { FileThreadStore } from '../../../src/core/threads/fileStore';
import { createFixtureWorkspace } from '../../support/fixtureWorkspace';

describe('demo workspace', function () {
  this.timeout(120_000);
  let dir: string;
  let root: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-demo-'));
    root = createFixtureWorkspace(path.join(dir, 'workspace'), 'demo').root;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has no untracked or modified files', () => {
    assert.strictEqual(execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }), '');
  });

  it('has its HEAD pushed, so starting a thread shows no not-pushed warning', () => {
    const contains = execFileSync('git', ['branch', '-r', '--contains', 'HEAD'], { cwd: root, encoding: 'utf8' });
    assert.match(contains, /origin\/main/);
  });

  it('loads its directory, communities, patterns and threads without an error', async () => {
    const errors: string[] = [];
    const collect = (what: string, list: ReadonlyArray<{ file: string; line: number; message: string; severity?: string }>): void => {
      for (const d of list) if (d.severity !== 'warning') errors.push(`${what}: ${d.file}:${d.line} ${d.message}`);
    };
    collect('directory', (await loadDirectory(root)).diagnostics);
    const communities = await loadCommunities(root, silentLogger);
    collect('communities', communities.diagnostics);
    const library = await loadFolderLibrary({ root: path.join(root, '.constellation', 'patterns') });
    assert.ok(library.patterns.length > 5, 'the demo has a pattern library');
    collect('patterns', mergeLibraries([library]).diagnostics);
    const store = new FileThreadStore({ logger: silentLogger, baseDir: root });
    for (const community of communities.communities) {
      if (community.venue?.backend === 'files') collect(`threads of ${community.id}`, (await store.scan(community.venue)).problems);
    }
    assert.deepStrictEqual(errors, []);
  });
});
