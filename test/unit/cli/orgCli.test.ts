import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExitCode } from '../../../src/cli/exitCodes';
import { TestRepo } from '../../support/gitRepo';
import { workflowErrors } from '../../support/workflowParser';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');
const sylvia = { name: 'Sylvia Chen', email: 'sylvia@acme.example' };
const robert = { name: 'Robert Hale', email: 'robert@acme.example' };

function run(args: string[], cwd: string, cache: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CONSTELLATION_CACHE: cache } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('constellation export / hub / who-knows (CLI)', function () {
  this.timeout(120_000);
  let work: string;
  let cache: string;
  let http: TestRepo;
  let shop: TestRepo;

  before(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'constellation-org-cli-'));
    cache = path.join(work, 'cache');
    http = TestRepo.create('constellation-cli-http-');
    http.git(['remote', 'add', 'origin', 'https://github.com/acme/http.git']);
    http.write('package.json', JSON.stringify({ name: '@acme/http' }));
    http.write('src/retry.ts', 'export const retry = 1;\n');
    http.commit({ author: sylvia, date: '2026-01-10T10:00:00Z', message: 'retry' });
    shop = TestRepo.create('constellation-cli-shop-');
    shop.git(['remote', 'add', 'origin', 'https://github.com/acme/shop.git']);
    shop.write('src/cart.ts', "import { retry } from '@acme/http';\n");
    shop.commit({ author: robert, date: '2026-01-11T10:00:00Z', message: 'cart' });
  });
  after(() => {
    http.dispose();
    shop.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('exports, exports again incrementally from the hub, merges and answers who knows a package', () => {
    const hub = path.join(work, 'hub');
    const first = run(['export', '--repo', http.root, '--out', path.join(work, 'http.json'), '--json'], work, cache);
    assert.strictEqual(first.code, ExitCode.ok, first.stderr);
    assert.deepStrictEqual(JSON.parse(first.stdout).packages, ['npm:@acme/http']);
    assert.strictEqual(JSON.parse(first.stdout).mode, 'full');
    const second = run(['export', '--repo', shop.root, '--out', path.join(work, 'shop.json')], work, cache);
    assert.strictEqual(second.code, ExitCode.ok, second.stderr);
    const merged = run(['hub', 'merge', path.join(work, 'http.json'), path.join(work, 'shop.json'), '--out', hub], work, cache);
    assert.strictEqual(merged.code, ExitCode.ok, merged.stderr);
    assert.match(merged.stdout, /merged 2 repositories/);

    http.write('src/retry.ts', 'export const retry = 2;\n');
    http.commit({ author: robert, date: '2026-02-10T10:00:00Z', message: 'retry again' });
    const again = run(['export', '--repo', http.root, '--previous', hub, '--out', path.join(work, 'http2.json'), '--json'], work, cache);
    assert.strictEqual(again.code, ExitCode.ok, again.stderr);
    assert.strictEqual(JSON.parse(again.stdout).mode, 'incremental', 'the shard in the hub is the previous summary');
    const remerged = run(['hub', 'merge', hub, path.join(work, 'http2.json'), '--out', hub], work, cache);
    assert.strictEqual(remerged.code, ExitCode.ok, remerged.stderr);
    assert.match(remerged.stdout, /merged 2 repositories/);
    assert.match(remerged.stdout, /acme\/http: .*http2\.json replaces the older .*acme__http\.json/);
    assert.doesNotMatch(remerged.stdout, /skipped/, 'the hub folder given as input is read for its shards only');

    const named = run(['export', '--repo', shop.root, '--name', 'acme/shop-eu', '--out', path.join(work, 'shop-eu.json'), '--json'], work, cache);
    assert.strictEqual(named.code, ExitCode.ok, named.stderr);
    assert.strictEqual(JSON.parse(named.stdout).repository, 'acme/shop-eu');

    const answer = run(['who-knows', '@acme/http', '--hub', hub, '--json'], work, cache);
    assert.strictEqual(answer.code, ExitCode.ok, answer.stderr);
    const json = JSON.parse(answer.stdout);
    assert.strictEqual(json.resolvedAs, 'package npm:@acme/http');
    assert.deepStrictEqual(json.experts.map((e: { name: string }) => e.name).sort(), ['Robert Hale', 'Sylvia Chen']);
    const text = run(['who-knows', 'retry', '--hub', hub], work, cache);
    assert.match(text.stdout, /who knows retry\? — paths named "retry"/);
    assert.match(text.stdout, /Sylvia Chen <sylvia@acme\.example>/);
  });

  it('writes the hub workflow and the repository list, valid for GitHub', () => {
    const out = path.join(work, 'hub-repo');
    const r = run(['hub', 'init', '--out', out, '--repos', 'acme/http,acme/shop'], work, cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const workflow = readFileSync(path.join(out, '.github/workflows/constellation-hub.yml'), 'utf8');
    assert.deepStrictEqual(workflowErrors('constellation-hub.yml', workflow), []);
    assert.match(readFileSync(path.join(out, '.constellation/hub-repositories.txt'), 'utf8'), /^acme\/http\nacme\/shop\n$/m);
    const again = run(['hub', 'init', '--out', out], work, cache);
    assert.strictEqual(again.code, ExitCode.usage);
    assert.match(again.stderr, /exists; use --force/);
    assert.ok(existsSync(path.join(out, '.constellation/hub-repositories.txt')));
  });

  it('explains each mistake with a distinct exit code', () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['export', '--repo', http.root], ExitCode.usage, /needs --out/],
      [['export', '--repo', http.root, '--out', path.join(work, 'x.json'), '--identities', 'everything'], ExitCode.usage, /--identities takes/],
      [['export', '--repo', work, '--out', path.join(work, 'x.json')], ExitCode.notARepository, /not a git repository/],
      [['export', '--repo', http.root, '--out', path.join(work, 'x.json'), '--name', '../up'], ExitCode.usage, /--name takes a repository name/],
      [['export', '--repo', http.root, '--out', path.join(work, 'x.json'), '--name', 'two words'], ExitCode.usage, /--name takes a repository name/],
      [['hub', 'merge', '--out', path.join(work, 'h')], ExitCode.usage, /needs summary files/],
      [['hub', 'merge', path.join(work, 'nope.json'), '--out', path.join(work, 'h')], ExitCode.usage, /no such file/],
      [['who-knows', 'x', '--hub', path.join(work, 'nothing')], ExitCode.failed, /no hub index/],
      [['who-knows', '--hub', work], ExitCode.usage, /needs a package/],
      [['hub', 'frobnicate'], ExitCode.usage, /unknown command/],
    ];
    for (const [args, code, message] of cases) {
      const r = run(args, work, cache);
      assert.strictEqual(r.code, code, `${args.join(' ')} → ${r.code}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });
});
