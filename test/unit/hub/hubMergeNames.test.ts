import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { mergeSummaries } from '../../../src/core/hub/hubMerge';
import { silentLogger } from '../../../src/core/logger';
import { exportRepository } from '../../../src/core/summary/exportRepository';
import { writeSummaryFile } from '../../../src/core/summary/summaryFile';
import { TestRepo } from '../../support/gitRepo';

const ana = { name: 'Ana Ruiz', email: 'ana@acme.example' };
const ben = { name: 'Ben Okafor', email: 'ben@acme.example' };

function gitIn(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim();
}

/** Two different repositories whose clones are both folders named `repo`, with no hosted remote. */
describe('hub merge: one name, two repositories', function () {
  this.timeout(60_000);
  const git = new GitRunner({ logger: silentLogger });
  let work: string;
  let billing: TestRepo;
  let search: TestRepo;
  let billingClone: string;
  let searchClone: string;

  const exportTo = async (root: string, file: string, name?: string): Promise<string> => {
    const { summary } = await exportRepository({ git, root, name, logger: silentLogger });
    const out = path.join(work, file);
    await writeSummaryFile(out, summary);
    return out;
  };

  before(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-hub-names-'));
    billing = TestRepo.create('constellation-billing-');
    billing.write('src/invoice.ts', 'export const invoice = 1;\n');
    billing.commit({ author: ana, date: '2026-01-10T10:00:00Z', message: 'invoices' });
    billing.write('src/invoice.ts', 'export const invoice = 2;\n');
    billing.commit({ author: ben, date: '2026-02-10T10:00:00Z', message: 'rounding' });
    search = TestRepo.create('constellation-search-');
    search.write('lib/query.go', 'package lib\n');
    search.commit({ author: ben, date: '2026-01-05T10:00:00Z', message: 'query' });
    for (const [source, parent] of [[billing.root, 'a'], [search.root, 'b']] as const) {
      mkdirSync(path.join(work, parent));
      gitIn(path.join(work, parent), ['clone', '-q', source, 'repo']);
    }
    billingClone = path.join(work, 'a', 'repo');
    searchClone = path.join(work, 'b', 'repo');
  });

  after(() => {
    billing.dispose();
    search.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('records the root commits of the exported history', async () => {
    const { summary } = await exportRepository({ git, root: billingClone, logger: silentLogger });
    assert.strictEqual(summary.repository.name, 'repo');
    assert.deepStrictEqual(summary.repository.roots, [gitIn(billingClone, ['rev-list', '--max-parents=0', 'HEAD'])]);
  });

  it('leaves the roots out for a shallow clone, where they are only the cut', async () => {
    const shallow = path.join(work, 'shallow');
    gitIn(work, ['clone', '-q', '--depth', '1', `file://${billing.root}`, 'shallow']);
    const { summary } = await exportRepository({ git, root: shallow, logger: silentLogger });
    assert.strictEqual(summary.history.shallow, true);
    assert.strictEqual(summary.repository.roots, undefined);
  });

  it('keeps the first of two repositories of one name and says why the second is skipped, naming both files', async () => {
    const first = await exportTo(billingClone, 'billing.json');
    const second = await exportTo(searchClone, 'search.json');
    const result = await mergeSummaries([first, second], path.join(work, 'hub-clash'), silentLogger);
    assert.deepStrictEqual(result.manifest.repositories.map((r) => [r.name, r.head]), [['repo', gitIn(billingClone, ['rev-parse', 'HEAD'])]]);
    assert.strictEqual(result.replaced.length, 0, 'the search repository must not replace billing');
    assert.strictEqual(result.skipped.length, 1);
    assert.strictEqual(result.skipped[0].file, second);
    assert.match(result.skipped[0].reason, /another repository is also named "repo"/);
    assert.ok(result.skipped[0].reason.includes(first) && result.skipped[0].reason.includes(second), result.skipped[0].reason);
    assert.match(result.skipped[0].reason, /--name/);
  });

  it('merges both once one is exported with a name of its own', async () => {
    const first = await exportTo(billingClone, 'billing.json');
    const named = await exportTo(searchClone, 'search-named.json', 'acme/search');
    const result = await mergeSummaries([first, named], path.join(work, 'hub-named'), silentLogger);
    assert.deepStrictEqual(result.manifest.repositories.map((r) => r.name), ['acme/search', 'repo']);
    assert.deepStrictEqual(result.skipped, []);
  });

  it('replaces an older summary of the same repository by the newer, in either order, and says so', async () => {
    const older = await exportTo(billingClone, 'billing-old.json');
    gitIn(billingClone, ['-c', 'user.name=Ana Ruiz', '-c', 'user.email=ana@acme.example', 'commit', '-q', '--allow-empty', '-m', 'later']);
    const newer = await exportTo(billingClone, 'billing-new.json');
    const head = gitIn(billingClone, ['rev-parse', 'HEAD']);

    const forward = await mergeSummaries([older, newer], path.join(work, 'hub-forward'), silentLogger);
    assert.deepStrictEqual(forward.manifest.repositories.map((r) => r.head), [head]);
    assert.deepStrictEqual(forward.replaced, [{ repository: 'repo', file: older, by: newer }]);
    assert.deepStrictEqual(forward.skipped, []);

    const backward = await mergeSummaries([newer, older], path.join(work, 'hub-backward'), silentLogger);
    assert.deepStrictEqual(backward.manifest.repositories.map((r) => r.head), [head]);
    assert.deepStrictEqual(backward.replaced, [{ repository: 'repo', file: older, by: newer }]);
    assert.deepStrictEqual(backward.skipped, []);
  });
});
