import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { prepareDataset } from '../../../bench/eval/dataset';
import { createGeneratedRepo, generateHistory } from '../../../bench/eval/generator';
import { BASELINES, evaluate, modelMethod } from '../../../bench/eval/methods';
import { TestRepo } from '../../support/gitRepo';

const git = new GitRunner({ logger: silentLogger });
const person = (name: string) => ({ name, email: `${name.toLowerCase()}@team.test` });
const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString();

describe('evaluation replay', () => {
  it('collects later (author, file) pairs by the path at the cut-off, without bots, merges or new files', async () => {
    const repo = TestRepo.create();
    try {
      repo.write('a.ts', 'a\n').write('b.ts', 'b\n').commit({ author: person('Alice'), date: day(0) });
      repo.write('a.ts', 'a\nb\n').commit({ author: person('Bob'), date: day(30) });
      const cutoff = repo.write('b.ts', 'b\nc\n').commit({ author: person('Alice'), date: day(70) });
      repo.write('a.ts', 'a\nb\nc\n').commit({ author: person('Carol'), date: day(80) });
      repo.move('b.ts', 'lib/c.ts').commit({ author: person('Dave'), date: day(85) });
      repo.write('lib/c.ts', 'b\nc\nd\n').commit({ author: person('Erin'), date: day(90) });
      repo.git(['checkout', '-q', '-b', 'feature']);
      repo.write('a.ts', 'a\nb\nc\nf\n').commit({ author: person('Frank'), date: day(91) });
      repo.git(['checkout', '-q', 'main']);
      repo.merge('feature', { author: person('Gina'), date: day(92) });
      repo.write('a.ts', 'bumped\n').commit({ author: { name: 'dependabot[bot]', email: 'bot@dependabot.test' }, date: day(95) });
      repo.write('a.ts', 'x\n').write('new.ts', 'n\n').commit({ author: person('Carol'), date: day(100) });
      const ds = await prepareDataset(git, repo.root, 'replay');
      assert.strictEqual(ds.cutoff, cutoff);
      assert.strictEqual(ds.index.head, cutoff);
      const events = ds.events.map((e) => `${e.author} ${e.file}`).sort();
      assert.deepStrictEqual(events, ['carol@team.test a.ts', 'dave@team.test b.ts', 'erin@team.test b.ts', 'frank@team.test a.ts']);
      assert.strictEqual(ds.blames.get('a.ts')?.linesByPerson.get('bob@team.test'), 1);
      assert.strictEqual(ds.blames.get('a.ts')?.totalLines, 2);
    } finally {
      repo.dispose();
    }
  });

  it('generates the same history for the same seed and another for another seed', () => {
    const a = generateHistory({ seed: 5, commits: 200 });
    assert.strictEqual(a.stream, generateHistory({ seed: 5, commits: 200 }).stream);
    assert.notStrictEqual(a.stream, generateHistory({ seed: 6, commits: 200 }).stream);
  });

  it('ranks the real next author better with the model than with any baseline (generated repository)', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-eval-test-'));
    try {
      createGeneratedRepo(path.join(dir, 'repo'), { seed: 11, commits: 1200, people: 24 });
      const ds = await prepareDataset(git, path.join(dir, 'repo'), 'generated', { maxFiles: 60, seed: 11 });
      assert.ok(ds.events.length >= 50, `only ${ds.events.length} events`);
      const model = evaluate(ds, modelMethod('model', true));
      for (const baseline of BASELINES) {
        const m = evaluate(ds, baseline);
        assert.ok(model.mrr >= m.mrr, `${baseline.name}: MRR ${m.mrr.toFixed(3)} > model ${model.mrr.toFixed(3)}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
