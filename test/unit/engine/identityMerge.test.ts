import * as assert from 'assert';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { mergeBlameAliases, mergeDirectoryAliases } from '../../../src/core/engine/identityMerge';
import { blameRange } from '../../../src/core/git/blame';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { silentLogger } from '../../../src/core/logger';
import { TestRepo } from '../../support/gitRepo';

const directory = new OrgDirectory(parseDirectoryConfig([
  'people:',
  '  - email: jake@acme.example',
  '    name: Jake Moreau',
  '    github: jakem',
  '    aliases: [jake@laptop.local]',
  '',
].join('\n'), 'directory.yml').config);

describe('identity merge through the directory', () => {
  const git = new GitRunner({ logger: silentLogger });
  let repo: TestRepo;

  before(() => {
    repo = TestRepo.create();
    repo.write('a.ts', 'one\n');
    repo.commit({ author: { name: 'jake', email: 'jake@laptop.local' }, date: '2026-01-01T00:00:00Z' });
    repo.write('a.ts', 'one\ntwo\n');
    repo.commit({ author: { name: 'Jake M', email: '1234+jakem@users.noreply.github.com' }, date: '2026-02-01T00:00:00Z' });
    repo.write('a.ts', 'one\ntwo\nthree\n').write('b.ts', 'b\n');
    repo.commit({ author: { name: 'Jake Moreau', email: 'jake@acme.example' }, date: '2026-03-01T00:00:00Z' });
    repo.write('b.ts', 'b\nc\n');
    repo.commit({ author: { name: 'Ada', email: 'ada@acme.example' }, date: '2026-04-01T00:00:00Z' });
  });

  after(() => repo.dispose());

  it('folds aliases and GitHub no-reply addresses into one person, leaving others shared', async () => {
    const index = await buildHistoryIndex(git, repo.root);
    assert.strictEqual(index.people.size, 4);
    const merged = mergeDirectoryAliases(index, directory);
    assert.deepStrictEqual([...merged.people.keys()].sort(), ['ada@acme.example', 'jake@acme.example']);
    const jake = merged.people.get('jake@acme.example')!;
    assert.strictEqual(jake.commits, 3);
    const a = merged.files.get('a.ts')!;
    assert.deepStrictEqual([...a.contributions.keys()], ['jake@acme.example']);
    assert.strictEqual(a.contributions.get('jake@acme.example')!.changeTimes.length, 3);
    assert.strictEqual(a.creator, 'jake@acme.example');
    assert.strictEqual(index.people.size, 4, 'the original index is untouched');
    assert.strictEqual(mergeDirectoryAliases(index, directory), merged, 'cached for the same directory');
  });

  it('returns the same index when nobody has an alias', async () => {
    const index = await buildHistoryIndex(git, repo.root);
    const empty = new OrgDirectory(parseDirectoryConfig('people: []\n', 'd.yml').config);
    assert.strictEqual(mergeDirectoryAliases(index, empty), index);
  });

  it('adds up blamed lines of every identity of a person', async () => {
    const blame = await blameRange(git, repo.root, 'a.ts', { startLine: 1, endLine: 3 });
    const merged = mergeBlameAliases(blame, directory);
    assert.deepStrictEqual([...merged.linesByPerson.entries()], [['jake@acme.example', 3]]);
    assert.strictEqual(merged.names.get('jake@acme.example'), 'Jake Moreau');
  });
});
