/**
 * Large directory.yml / communities.yml: capped with a clear problem, parsed off the main thread
 * when big, parsed once per change, and never on the hover's path.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCommunities } from '../../../src/core/communities/loadCommunities';
import { configParseStats, parseConfig, parseConfigText } from '../../../src/core/config/configParse';
import { loadDirectory } from '../../../src/core/directory/orgDirectory';
import { DirectoryCache, type LoadedDirectory } from '../../../src/core/engine/directoryCache';
import { ExpertQueryService } from '../../../src/core/engine/expertQueryService';
import { HistoryIndexManager } from '../../../src/core/engine/historyIndexManager';
import { defaultExpertModelOptions } from '../../../src/core/experts/ranking';
import { BlameCache } from '../../../src/core/git/blame';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { silentLogger } from '../../../src/core/logger';
import { bigDirectoryYaml } from '../../support/bigDirectory';
import { TestRepo } from '../../support/gitRepo';

describe('large configuration files', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-bigconfig-'));
    mkdirSync(path.join(dir, '.constellation'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a directory.yml over the cap is one clear problem, and nothing is parsed', async () => {
    writeFileSync(path.join(dir, '.constellation', 'directory.yml'), `people:\n${'  - { email: "x@acme.example" }\n'.repeat(300_000)}`);
    const parses = configParseStats.parses;
    const { directory, diagnostics } = await loadDirectory(dir);
    assert.strictEqual(configParseStats.parses, parses);
    assert.strictEqual(directory.people().length, 0);
    assert.strictEqual(diagnostics.length, 1);
    assert.strictEqual(diagnostics[0].severity, 'error');
    assert.match(diagnostics[0].message, /the directory file is larger than 8\.0 MB, so Constellation does not read it: list people by email glob/);
  });

  it('a communities.yml over the cap, or a FIFO in its place, is a problem instead of a hang', async () => {
    const file = path.join(dir, '.constellation', 'communities.yml');
    writeFileSync(file, `communities:\n${'  - { id: c, name: C }\n'.repeat(120_000)}`);
    assert.match((await loadCommunities(dir, silentLogger)).diagnostics[0].message, /larger than 2\.0 MB/);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    assert.match((await loadCommunities(dir, silentLogger)).diagnostics[0].message, /a FIFO, not a regular file/);
    execFileSync('mkfifo', [path.join(dir, '.constellation', 'directory.yml')]);
    assert.match((await loadDirectory(dir)).diagnostics[0].message, /a FIFO, not a regular file/);
  });

  it('a big directory is parsed in a worker: the same result, and the main thread keeps running', async () => {
    const text = bigDirectoryYaml(3_000);
    const offThread = configParseStats.offThread;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const result = await parseConfig('directory', text, 'big.yml');
    clearInterval(timer);
    assert.strictEqual(configParseStats.offThread, offThread + 1, 'parsed in the worker');
    assert.ok(ticks >= 3, `the event loop ran ${ticks} times during the parse`);
    assert.strictEqual(result.config.people.length, 3_000);
    assert.deepStrictEqual(result, parseConfigText('directory', text, 'big.yml'));
  });

  it('parses directory.yml once per change: a reload for another file reuses the parse', async () => {
    const file = path.join(dir, '.constellation', 'directory.yml');
    writeFileSync(file, 'people:\n  - { email: a@acme.example, name: A }\n');
    const before = configParseStats.parses;
    await loadDirectory(dir);
    writeFileSync(path.join(dir, 'CODEOWNERS'), '* @acme/all\n');
    const second = await loadDirectory(dir);
    assert.strictEqual(configParseStats.parses, before + 1, 'CODEOWNERS changed, directory.yml did not');
    assert.deepStrictEqual(second.directory.codeownersOf('x.ts'), ['@acme/all']);
    writeFileSync(file, 'people:\n  - { email: b@acme.example, name: B }\n');
    const third = await loadDirectory(dir);
    assert.strictEqual(configParseStats.parses, before + 2);
    assert.strictEqual(third.directory.personByEmail('b@acme.example')?.name, 'B');
  });

  it('the hover waits a bounded moment for a directory still loading, then ranks; the view waits for it', async () => {
    const repo = TestRepo.create();
    try {
      repo.write('a.ts', 'export const a = 1;\n').commit({ author: { name: 'Ann', email: 'ann@acme.example' }, date: '2026-01-01T10:00:00Z' });
      repo.git(['config', 'user.email', 'ann@acme.example']);
      let release: (loaded: LoadedDirectory) => void = () => undefined;
      const pending = new Promise<LoadedDirectory>((resolve) => (release = resolve));
      const directories = new DirectoryCache(silentLogger, undefined, undefined, () => pending);
      const git = new GitRunner({ logger: silentLogger });
      const indexes = new HistoryIndexManager(git, undefined, silentLogger);
      await indexes.ensureFresh(repo.root);
      const queries = new ExpertQueryService(git, indexes, new BlameCache(), directories, () => defaultExpertModelOptions(Date.now() / 1000), silentLogger);
      const query = { repository: repo.root, path: 'a.ts', kind: 'file' as const };
      const hover = await queries.rank({ ...query, directoryWaitMs: 100 });
      assert.strictEqual(hover?.experts[0].email, 'ann@acme.example', 'ranked while the directory was still loading');
      assert.strictEqual(hover?.experts[0].placement.team, undefined);
      let viewDone = false;
      const view = queries.rank(query).then((r) => ((viewDone = true), r));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.strictEqual(viewDone, false, 'the view waits for the directory');
      const config = { companies: [], businessUnits: [], teams: [{ id: 't', name: 'Team T' }], people: [{ email: 'ann@acme.example', isGlob: false, aliases: [], team: 't' }] };
      release({ directory: new OrgDirectory(config), diagnostics: [] });
      assert.strictEqual((await view)?.experts[0].placement.team?.name, 'Team T');
      const later = await queries.rank({ ...query, directoryWaitMs: 100 });
      assert.strictEqual(later?.experts[0].placement.team?.name, 'Team T', 'the hover uses it once loaded');
    } finally {
      repo.dispose();
    }
  });
});
