import * as assert from 'assert';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { prepareRealDataset } from '../../../bench/eval/realDataset';
import { scoreFileEvents, FILE_SLICES } from '../../../bench/eval/fileEval';
import { FILE_BASELINES, modelMethod } from '../../../bench/eval/fileMethods';
import { TestRepo, type TestAuthor } from '../../support/gitRepo';

const git = new GitRunner({ logger: silentLogger });
const person = (name: string): TestAuthor => ({ name, email: `${name.toLowerCase()}@team.test` });
const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1);
const day = (n: number): string => new Date(START + n * DAY).toISOString();

describe('evaluation on a real history', () => {
  let repo: TestRepo;
  let cutoff: string;

  before(() => {
    repo = TestRepo.create();
    const alice = person('Alice');
    repo.write('a.ts', 'a\n').write('b.ts', 'b\n').write('lib/keep.ts', 'k\n').commit({ author: alice, date: day(0) });
    repo.write('a.ts', 'a\nb\n').commit({ author: person('Bob'), date: day(30) });
    repo.write('.mailmap', 'Carol Jones <carol@team.test> <carol@laptop.test>\n').commit({ author: alice, date: day(40) });
    cutoff = repo.write('b.ts', 'b\nc\n').commit({ author: { name: 'Dan Brown', email: 'dan@team.test' }, date: day(100) });
    // After the cut-off (tip at day 500, cut-off 365 days before it):
    repo.write('a.ts', 'a\nb\nc\n').commit({ author: { name: 'Carol Jones', email: 'carol@laptop.test' }, date: day(150) });
    repo.move('b.ts', 'lib/c.ts').commit({ author: person('Erin'), date: day(160) });
    repo.write('lib/c.ts', 'b\nc\nd\n').commit({ author: person('Erin'), date: day(170) });
    repo.write('lib/c.ts', 'b\nc\nd\ne\n').commit({ author: { name: 'Dan Brown', email: '77+danb@users.noreply.github.com' }, date: day(180) });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.write('a.ts', 'a\nb\nc\nf\n').commit({ author: person('Frank'), date: day(190) });
    repo.git(['checkout', '-q', 'main']);
    repo.merge('feature', { author: person('Gina'), date: day(200) });
    repo.write('a.ts', 'bumped\n').commit({ author: { name: 'dependabot[bot]', email: 'bot@dependabot.test' }, date: day(210) });
    for (let i = 0; i < 101; i++) repo.write(`gen/f${i}.ts`, `${i}\n`);
    repo.write('lib/keep.ts', 'k\nformatted\n').commit({ author: person('Hal'), date: day(220) });
    repo.write('a.ts', 'x\n').write('new.ts', 'n\n').commit({ author: { name: 'Carol Jones', email: 'carol@team.test' }, date: day(500) });
  });

  after(() => repo.dispose());

  it('cuts at the newest first-parent commit a year before the tip and sees only the history up to it', async () => {
    const ds = await prepareRealDataset(git, repo.root, { cutoffDays: 365 });
    assert.ok(ds);
    assert.strictEqual(ds.window.cutoff.sha, cutoff);
    assert.strictEqual(ds.index.head, cutoff);
    assert.deepStrictEqual([...ds.filesAtCutoff].sort(), ['.mailmap', 'a.ts', 'b.ts', 'lib/keep.ts']);
    assert.ok(!ds.index.people.has('erin@team.test'), 'nothing after the cut-off');
  });

  it('collects later (author, file) changes by people, by the path at the cut-off, without bots, bulk commits, merges or new files', async () => {
    const ds = await prepareRealDataset(git, repo.root, { cutoffDays: 365 });
    assert.ok(ds);
    const events = ds.events.map((e) => `${e.author} ${e.file}`).sort();
    assert.deepStrictEqual(events, [
      'carol@team.test a.ts', // .mailmap folds carol@laptop.test; her second change of a.ts is not a new event
      'dan@team.test b.ts', // a no-reply address with the name of a known person is that person
      'erin@team.test b.ts', // the rename and the change after it are changes of b.ts
      'frank@team.test a.ts', // the branch's commit, not the merge
    ]);
    assert.deepStrictEqual(ds.later.skipped, { merges: 1, bots: 1, bulk: 1 });
    assert.strictEqual(ds.aliases.get('77+danb@users.noreply.github.com'), 'dan@team.test');
    assert.strictEqual(ds.events.find((e) => e.author === 'erin@team.test')?.commit.length, 40, 'clustered by commit');
  });

  it('ends the tuning window where the primary window begins, so their events never overlap', async () => {
    // As the tuning window (730 days back, 365 of events) is to the primary one (365 back), at this scale.
    const tuning = await prepareRealDataset(git, repo.root, { cutoffDays: 460, windowDays: 95 });
    assert.ok(tuning);
    const primary = await prepareRealDataset(git, repo.root, { cutoffDays: 365 });
    assert.ok(primary);
    assert.ok(tuning.window.end.time <= primary.window.cutoff.time);
    assert.strictEqual(tuning.window.end.sha, primary.window.cutoff.sha);
    assert.deepStrictEqual(tuning.events.map((e) => `${e.author} ${e.file}`).sort(), ['dan@team.test b.ts'], 'the cut-off commit is the last event of the tuning window');
    assert.strictEqual(await prepareRealDataset(git, repo.root, { cutoffDays: 5000 }), undefined, 'history too short');
  });

  it('scores every event for the model and the baselines, with the known and outside-the-core slices', async () => {
    const ds = await prepareRealDataset(git, repo.root, { cutoffDays: 365 });
    assert.ok(ds);
    const methods = [modelMethod(), ...FILE_BASELINES];
    const scored = scoreFileEvents(ds, methods);
    assert.strictEqual(scored.length, ds.events.length);
    const frank = scored[ds.events.findIndex((e) => e.author === 'frank@team.test')];
    assert.deepStrictEqual(frank.ranks.map((r) => r), methods.map(() => 0), 'nobody can name someone never seen');
    assert.ok(!frank.slices.includes(FILE_SLICES[0]));
    const dan = scored[ds.events.findIndex((e) => e.author === 'dan@team.test')];
    assert.ok(dan.slices.includes(FILE_SLICES[0]), 'Dan committed before the cut-off');
    const lastModifier = methods.findIndex((m) => m.name === 'last modifier');
    assert.strictEqual(dan.ranks[lastModifier], 1, 'Dan changed b.ts last before the cut-off');
  });
});
