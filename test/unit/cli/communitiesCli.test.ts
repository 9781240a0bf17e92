import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExitCode } from '../../../src/cli/exitCodes';
import { parseCommunities } from '../../../src/core/communities/parseCommunities';
import type { CommunityReport } from '../../../src/core/communities/reportTypes';
import { serializeThread } from '../../../src/core/threads/fileStoreFormat';
import { TestRepo } from '../../support/gitRepo';
import { buildPlantedHistory, COMMUNITIES_YAML, DIRECTORY_YAML, P, type Planted } from '../communities/plantedHistory';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');

function run(args: string[], cache: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'communities', ...args], { cwd: os.tmpdir(), encoding: 'utf8', env: { ...process.env, CONSTELLATION_CACHE: cache } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('constellation communities (CLI)', function () {
  this.timeout(120_000);
  let planted: Planted;
  let second: TestRepo;
  let cache: string;
  let base: string[];

  before(() => {
    cache = mkdtempSync(path.join(os.tmpdir(), 'constellation-cli-communities-'));
    planted = buildPlantedHistory();
    const repo = planted.repo;
    // Config files and thread files in the work tree (not committed: the history stays as planted).
    const config = COMMUNITIES_YAML.replace('codeAreas: ["src/billing/**"]', 'codeAreas: ["src/billing/**", "billing-service:src/**"]').replace(
      '    codeAreas: ["src/reliability/**"]',
      '    codeAreas: ["src/reliability/**"]\n    venue: { backend: files, path: .constellation/threads/reliability }',
    );
    repo.write('.constellation/communities.yml', `${config}  - id: broken\n    name: Broken\n    stage: growing\n`);
    repo.write('.constellation/directory.yml', DIRECTORY_YAML);
    for (const thread of planted.threads) repo.write(`.constellation/threads/reliability/${thread.id}.md`, serializeThread({ ...thread, venue: { backend: 'files', path: '.constellation/threads/reliability' } }));
    second = TestRepo.create('constellation-billing-service-');
    second.write('src/charge.ts', '1\n').commit({ author: P.finn, date: '2025-09-01T10:00:00Z' });
    second.write('src/charge.ts', '2\n').commit({ author: P.finn, date: '2026-02-01T10:00:00Z' });
    base = ['--repo', repo.root, '--repo', `billing-service=${second.root}`, '--until', '2026-06-01'];
  });

  after(() => {
    planted?.repo.dispose();
    second?.dispose();
    rmSync(cache, { recursive: true, force: true });
  });

  it('prints the documented JSON report across repositories, with threads from a files venue', () => {
    const r = run([...base, '--format', 'json'], cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const report = JSON.parse(r.stdout) as CommunityReport;
    assert.strictEqual(report.version, 1);
    assert.deepStrictEqual(report.repositories.map((x) => x.name), [path.basename(planted.repo.root), 'billing-service']);
    assert.deepStrictEqual(report.communities.map((c) => c.id), ['reliability', 'billing', 'shipping', 'broken']);
    const billing = report.communities[1];
    assert.deepStrictEqual(billing.files, [{ repository: path.basename(planted.repo.root), files: 8 }, { repository: 'billing-service', files: 1 }]);
    const reliability = report.communities[0];
    assert.strictEqual(reliability.members.find((m) => m.person === P.ana.email)?.evidence.threadsStarted, 2);
    assert.strictEqual(reliability.members.find((m) => m.person === P.ana.email)?.level, 'core');
    assert.strictEqual(report.people[P.hal.email].team?.id, 'data', 'the directory of the first repository places people');
    assert.ok(report.boundarySpanners.some((s) => s.person === P.hal.email));
    assert.strictEqual(report.coordinationGaps.length, 1);
    assert.strictEqual(report.proposals.length, 1);
    assert.ok(reliability.leadership.some((l) => l.source === 'inferred') && reliability.leadership.some((l) => l.source === 'declared'));
    assert.match(r.stderr, /communities\.yml:\d+:\d+: error: "stage" must be one of/);
  });

  it('prints every figure as text and Markdown', () => {
    const text = run([...base], cache);
    assert.strictEqual(text.code, ExitCode.ok, text.stderr);
    for (const expected of ['== Reliability Guild (reliability)', 'truck factor 1 (Finn Fox)', 'Boundary spanners', 'Hal Hub', 'Coordination gaps (1)', 'src/billing/invoice.ts', 'Proposed potential communities (1)', 'lib/cache/**', 'stage: declared active']) {
      assert.ok(text.stdout.includes(expected), `text has "${expected}"`);
    }
    const md = run([...base, '--format', 'md'], cache);
    assert.strictEqual(md.code, ExitCode.ok, md.stderr);
    assert.match(md.stdout, /^# Communities of practice/);
    assert.match(md.stdout, /\| level \| person \| evidence \|/);
    assert.match(md.stdout, /````yaml\ncommunities:\n {2}- id: potential-/);
  });

  it('writes one self-contained HTML page with the charts and their text alternatives', () => {
    const r = run([...base, '--format', 'html'], cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const html = r.stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.strictEqual((html.match(/<svg /g) ?? []).length, 2 + 3 * 4, 'constellation, matrix, and rings/participation/knowledge per community');
    assert.strictEqual((html.match(/<summary>Text alternative<\/summary>/g) ?? []).length, 14);
    assert.ok(!/<script|<link|<img|src=|url\(|@import/i.test(html), 'no script and no remote asset');
    assert.deepStrictEqual([...new Set(html.match(/https?:\/\/[^"'\s)<]+/g))], ['http://www.w3.org/2000/svg'], 'the SVG namespace is the only URL');
    assert.match(html, /var\(--vscode-charts-blue, #3794ff\)/);
  });

  it('lists proposed potential communities with `discover`', () => {
    const r = run(['discover', ...base, '--format', 'json'], cache);
    assert.strictEqual(r.code, ExitCode.ok, r.stderr);
    const out = JSON.parse(r.stdout) as Pick<CommunityReport, 'proposals' | 'people'>;
    assert.deepStrictEqual(out.proposals[0].people, [P.ivy.email, P.jon.email, P.kim.email]);
    assert.deepStrictEqual(Object.keys(out.people).sort(), [P.ivy.email, P.jon.email, P.kim.email]);
    // Two repositories: the draft names the repository of each area.
    const draft = parseCommunities(out.proposals[0].draftYaml, 'draft.yml');
    assert.deepStrictEqual(draft.diagnostics, []);
    assert.deepStrictEqual(draft.communities[0].codeAreas.map((a) => a.repo), [path.basename(planted.repo.root), path.basename(planted.repo.root)]);
    const text = run(['discover', ...base], cache);
    assert.match(text.stdout, /draft entry:\n {6}communities:/);
  });

  it('reads communities.yml and directory.yml from elsewhere, and refuses bad options', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'constellation-cli-config-'));
    try {
      writeFileSync(path.join(dir, 'c.yml'), 'communities:\n  - { id: cache, name: Cache, codeAreas: ["lib/**"] }\n');
      writeFileSync(path.join(dir, 'd.yml'), 'teams: [{ id: solo, name: Solo }]\npeople: [{ email: ivy@acme.test, team: solo }]\n');
      const r = run(['--repo', planted.repo.root, '--until', '2026-06-01', '--config', path.join(dir, 'c.yml'), '--directory', path.join(dir, 'd.yml'), '--window', '120', '--format', 'json'], cache);
      assert.strictEqual(r.code, ExitCode.ok, r.stderr);
      const report = JSON.parse(r.stdout) as CommunityReport;
      assert.deepStrictEqual(report.communities.map((c) => c.id), ['cache']);
      assert.strictEqual(report.window.days, 120);
      assert.strictEqual(report.people[P.ivy.email].team?.id, 'solo');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.strictEqual(run([...base, '--format', 'xml'], cache).code, ExitCode.usage);
    assert.strictEqual(run([...base, '--since', 'last tuesday'], cache).code, ExitCode.usage);
    assert.strictEqual(run([...base, '--since', '2026-01-01', '--window', '30'], cache).code, ExitCode.usage);
    assert.strictEqual(run(['frobnicate', ...base], cache).code, ExitCode.usage);
    assert.strictEqual(run(['--repo', os.tmpdir()], cache).code, ExitCode.notARepository);
  });
});
