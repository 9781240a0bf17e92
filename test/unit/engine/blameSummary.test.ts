import * as assert from 'assert';
import { DirectoryCache } from '../../../src/core/engine/directoryCache';
import { summarizeBlame } from '../../../src/core/engine/blameSummary';
import { BlameCache } from '../../../src/core/git/blame';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { TestRepo } from '../../support/gitRepo';

describe('blame summary of several ranges (the experts of a pattern page)', () => {
  const git = new GitRunner({ logger: silentLogger });
  let repo: TestRepo;

  before(() => {
    repo = TestRepo.create();
    repo.write('.constellation/directory.yml', [
      'teams:',
      '  - id: payments',
      '    name: Payments',
      'people:',
      '  - email: jake@acme.example',
      '    name: Jake Moreau',
      '    team: payments',
      '    aliases: [jake@laptop.local]',
      '',
    ].join('\n'));
    repo.write('a.ts', 'one\ntwo\n');
    repo.commit({ author: { name: 'jake', email: 'jake@laptop.local' }, date: '2026-01-01T00:00:00Z' });
    repo.write('b.ts', 'b1\nb2\nb3\n');
    repo.commit({ author: { name: 'Jake M', email: 'jake@acme.example' }, date: '2026-02-01T00:00:00Z' });
    repo.write('c.ts', 'c1\n');
    repo.commit({ author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }, date: '2026-02-02T00:00:00Z' });
  });
  after(() => repo.dispose());

  it('shows one person for a main address and its alias, named and placed by the directory; bots left out', async () => {
    const authors = await summarizeBlame({ git, blameCache: new BlameCache(), directories: new DirectoryCache(silentLogger, undefined), logger: silentLogger }, [
      { repository: repo.root, path: 'a.ts', startLine: 1, endLine: 2 },
      { repository: repo.root, path: 'b.ts', startLine: 1, endLine: 3 },
      { repository: repo.root, path: 'c.ts', startLine: 1, endLine: 1 },
    ]);
    assert.deepStrictEqual(authors, [{ email: 'jake@acme.example', name: 'Jake Moreau', team: 'Payments', lines: 5, ranges: 2 }]);
  });
});
