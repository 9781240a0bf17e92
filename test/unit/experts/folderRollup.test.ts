import * as assert from 'assert';
import { defaultExpertModelOptions, rankExperts } from '../../../src/core/experts/ranking';
import { folderRollup, parentFolders, prepareAllFolderRollups } from '../../../src/core/experts/folderRollup';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import type { BlameSummary, HistoryIndexData } from '../../../src/core/git/historyTypes';
import { silentLogger } from '../../../src/core/logger';
import { rankPaths, summaryAsOf, summaryModel, summaryTargets } from '../../../src/core/summary/buildSummary';
import { TestRepo } from '../../support/gitRepo';

const DAY = 86_400;
const BASE = 1_700_000_000;
const people = [
  { name: 'Ana Silva', email: 'ana@acme.example' },
  { name: 'Ben Okafor', email: 'ben@acme.example' },
  { name: 'Chen Wei', email: 'chen@other.example' },
  { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
];

/** Nested folders, files at the root, several authors and a bot, a rename: every roll-up differs. */
function repository(): TestRepo {
  const repo = TestRepo.create('constellation-rollup-');
  const files = ['README.md', 'src/app.ts', 'src/http/retry.ts', 'src/http/client.ts', 'src/http/deep/pool.ts', 'lib/util.ts', 'docs/guide.md'];
  for (let i = 0; i < 36; i++) {
    const file = files[(i * 5) % files.length];
    repo.write(file, `// change ${i}\n`);
    if (i === 20) repo.move('lib/util.ts', 'src/util.ts');
    repo.commit({ author: people[i % people.length], date: `${BASE + i * 7 * DAY} +0000`, message: `change ${i}` });
  }
  return repo;
}

describe('folder roll-ups of every folder in one pass', () => {
  let repo: TestRepo;
  let index: HistoryIndexData;
  const settings = { halfLifeDays: 180, extraBots: [] as string[] };
  const fresh = (): HistoryIndexData => structuredClone(index);

  before(async () => {
    repo = repository();
    index = await buildHistoryIndex(new GitRunner({ logger: silentLogger }), repo.root);
  });
  after(() => repo.dispose());

  it('equal the roll-ups computed one folder at a time, the root included', () => {
    const folders = [...new Set([...index.files.keys()].flatMap(parentFolders))].sort();
    assert.ok(folders.includes('') && folders.includes('src/http/deep'), folders.join(','));
    const lazy = fresh();
    const prepared = fresh();
    prepareAllFolderRollups(prepared, settings);
    for (const folder of folders) {
      const one = folderRollup(lazy, folder, settings);
      assert.ok(one.fileCount > 0, folder);
      assert.deepStrictEqual(folderRollup(prepared, folder, settings), one, `roll-up of "${folder}"`);
    }
    assert.ok(![...folderRollup(prepared, '', settings).people.keys()].some((e) => e.includes('[bot]')), 'bots are left out');
  });

  it('give the summary rows ranking each path alone gives, with every candidate sorted and bots judged per query', () => {
    const options = summaryModel(summaryAsOf(index));
    const targets = summaryTargets(index);
    const rows = rankPaths(fresh(), targets, options, 5);
    const model = { ...defaultExpertModelOptions(options.now), ...options };
    // A blame with no lines takes the query's own bot verdicts (no shared folder terms); a huge limit sorts everyone.
    const blame = (path: string): BlameSummary => ({ path, startLine: 1, endLine: 1, totalLines: 0, linesByPerson: new Map(), names: new Map(), lastTimeByPerson: new Map(), uncommittedLines: 0 });
    const alone = targets.map(([path, kind]) => {
      const ranking = rankExperts({ index: fresh(), target: { path, kind }, ...(kind === 'file' ? { blame: blame(path) } : {}), options: model, classify: (email) => ({ placement: { email }, relationship: 'unknown' }), limit: 1000 });
      return ranking.experts.slice(0, 5).map((e) => e.email);
    });
    assert.deepStrictEqual(rows.map((r) => r.map(([email]) => email)), alone);
    assert.ok(rows.some((r) => r.length === 3), 'the three people rank');
    assert.ok(rows.every((r) => r.every(([email]) => !email.includes('[bot]'))), 'the bot never does');
  });
});
