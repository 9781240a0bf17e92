import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DirectoryCache } from '../../../src/core/engine/directoryCache';
import { ExpertQueryService } from '../../../src/core/engine/expertQueryService';
import { HistoryIndexManager } from '../../../src/core/engine/historyIndexManager';
import { sectionExperts } from '../../../src/core/experts/display';
import { defaultExpertModelOptions } from '../../../src/core/experts/ranking';
import { BlameCache } from '../../../src/core/git/blame';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { DEMO_HOVERED } from '../../support/fixtureDemo';
import { createFixtureWorkspace, type FixtureExpectation, type FixtureInfo, type FixturePreset } from '../../support/fixtureWorkspace';

/** The fixture organisations ranked by the engine the editor uses, as the hover asks (the function's lines). */
describe('the fixture organisations, ranked', function () {
  this.timeout(120_000);
  const git = new GitRunner({ logger: silentLogger });
  const made: string[] = [];
  after(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });

  async function setUp(preset: FixturePreset): Promise<{ info: FixtureInfo; rank: (e: FixtureExpectation) => ReturnType<ExpertQueryService['rank']> }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), `constellation-${preset}-`));
    made.push(dir);
    const info = createFixtureWorkspace(path.join(dir, 'ws'), preset);
    const manager = new HistoryIndexManager(git, undefined, silentLogger);
    await manager.ensureFresh(info.root);
    const service = new ExpertQueryService(git, manager, new BlameCache(), new DirectoryCache(silentLogger, undefined), () => defaultExpertModelOptions(info.now), silentLogger);
    return { info, rank: (e) => service.rank({ repository: info.root, path: e.file, kind: 'lines', startLine: e.startLine, endLine: e.endLine, limit: 10 }) };
  }

  it('test preset: each chosen function ranks its expected experts in order', async () => {
    const { info, rank } = await setUp('test');
    for (const e of info.expectations) {
      const ranking = await rank(e);
      assert.ok(ranking);
      assert.deepStrictEqual(ranking.experts.slice(0, e.expectedTopEmails.length).map((x) => x.email), e.expectedTopEmails, e.functionName);
      assert.strictEqual(ranking.experts[0].evidenceKind, 'lines');
    }
  });

  it('demo preset: the hover shows the author of the lines first, for every function', async () => {
    const { info, rank } = await setUp('demo');
    assert.ok(info.demoExpectations.length >= 15);
    for (const name of DEMO_HOVERED) assert.ok(info.demoExpectations.some((e) => e.functionName === name), name);
    for (const e of [...info.expectations, ...info.demoExpectations]) {
      const ranking = await rank(e);
      assert.ok(ranking);
      const shown = sectionExperts(ranking, { crossTeamFirst: true, count: 3 });
      assert.strictEqual(shown.code[0]?.email, e.expectedTopEmails[0], `${e.file} ${e.functionName}: ${ranking.experts.map((x) => `${x.email} ${x.score.toFixed(2)}`).join(', ')}`);
    }
  });
});
