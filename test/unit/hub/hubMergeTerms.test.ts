import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { HubIndex } from '../../../src/core/hub/hubIndex';
import { mergeSummaries } from '../../../src/core/hub/hubMerge';
import { FolderHubSource } from '../../../src/core/hub/hubSource';
import { whoKnows } from '../../../src/core/hub/whoKnows';
import { silentLogger } from '../../../src/core/logger';
import { exportRepository } from '../../../src/core/summary/exportRepository';
import { writeSummaryFile } from '../../../src/core/summary/summaryFile';
import { TestRepo } from '../../support/gitRepo';

const ana = { name: 'Ana Ruiz', email: 'ana@acme.example' };

/** Path terms and community ids are keys of plain JSON objects: names of Object's own members must be ordinary keys. */
describe('hub merge: paths named like object members', function () {
  this.timeout(60_000);
  const git = new GitRunner({ logger: silentLogger });
  let work: string;
  let repo: TestRepo;

  before(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-hub-terms-'));
    repo = TestRepo.create('constellation-hub-terms-repo-');
    repo.git(['remote', 'add', 'origin', 'https://github.com/acme/lint.git']);
    repo.write('.constellation/communities.yml', 'communities:\n  - { id: constructor, name: Constructors, codeAreas: ["rules/**"] }\n');
    repo.write('rules/no-useless-constructor.js', 'module.exports = 1;\n');
    repo.write('lib/__proto__.js', 'module.exports = 2;\n');
    repo.write('lib/hasOwnProperty.js', 'module.exports = 3;\n');
    repo.commit({ author: ana, date: '2026-01-10T10:00:00Z', message: 'rules' });
  });

  after(() => {
    repo.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('merges them and finds their experts by those words', async () => {
    const { summary } = await exportRepository({ git, root: repo.root, logger: silentLogger });
    const file = path.join(work, 'lint.json');
    await writeSummaryFile(file, summary);
    const hubDir = path.join(work, 'hub');
    const result = await mergeSummaries([file], hubDir, silentLogger);
    assert.deepStrictEqual(result.manifest.repositories.map((r) => r.name), ['acme/lint']);
    const hub = await HubIndex.open(new FolderHubSource(hubDir));
    for (const word of ['constructor', '__proto__', 'hasownproperty']) assert.deepStrictEqual(await hub.repositoriesWithTerm(word), [0], word);
    const answer = await whoKnows(hub, { kind: 'text', text: '__proto__' });
    assert.match(answer.resolvedAs, /__proto__/);
    assert.deepStrictEqual(answer.experts.map((e) => e.name), ['Ana Ruiz']);
    assert.deepStrictEqual(Object.keys(hub.communities), ['constructor']);
  });
});
