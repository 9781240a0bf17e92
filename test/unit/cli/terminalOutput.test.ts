/** What the CLI prints carries no terminal escape from the repository: names, emails, paths. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { oneLine, terminalJson, terminalSafe } from '../../../src/cli/terminalText';
import { TestRepo } from '../../support/gitRepo';

const CLI = path.resolve(__dirname, '../../../src/cli/main.js');
/** ESC, BEL, the 8-bit CSI/OSC/ST, DEL and the bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const DANGEROUS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

// A hyperlink hiding its target, a screen clear, colours, an 8-bit CSI and a right-to-left override.
const HOSTILE_NAME = 'Mal\x1b]8;;https://evil.example/\x07Support\x1b]8;;\x07 \x1b[2J\x1b[31mRed\x9b31m\u202eLTR';
const HOSTILE_EMAIL = 'mal\x1b[0m@acme.example';
const HOSTILE_FILE = 'src/\x1b[31mred.ts';

describe('CLI terminal output', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let cache: string;
  const run = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CONSTELLATION_CACHE: cache } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(() => {
    cache = mkdtempSync(path.join(os.tmpdir(), 'constellation-cli-tty-'));
    repo = TestRepo.create();
    repo.write(HOSTILE_FILE, 'export const red = 1;\nexport const blue = 2;\n');
    repo.commit({ author: { name: HOSTILE_NAME, email: HOSTILE_EMAIL }, date: '2026-05-01T10:00:00Z', message: 'colours' });
  });
  after(() => {
    repo.dispose();
    rmSync(cache, { recursive: true, force: true });
  });

  it('the repository really holds the escapes (git keeps them)', () => {
    assert.ok(repo.git(['log', '--format=%an']).includes('\x1b]8;;'));
  });

  it('text output shows the author without any control character', () => {
    const r = run(['experts', 'src', '--repo', repo.root]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(!DANGEROUS.test(r.stdout), JSON.stringify(r.stdout));
    assert.match(r.stdout, /MalSupport RedLTR <mal@acme\.example>/);
  });

  it('a file name with an escape is printed clean, as the label and in messages', () => {
    const ok = run(['experts', HOSTILE_FILE, '--repo', repo.root]);
    assert.strictEqual(ok.code, 0, ok.stderr);
    assert.ok(!DANGEROUS.test(ok.stdout), JSON.stringify(ok.stdout));
    assert.match(ok.stdout, /^src\/red\.ts\n/);
    const unknown = run(['experts', `${HOSTILE_FILE}.nope`, '--repo', repo.root]);
    assert.strictEqual(unknown.code, 3);
    assert.ok(!DANGEROUS.test(unknown.stderr), JSON.stringify(unknown.stderr));
  });

  it('JSON keeps the exact values, with every control character escaped', () => {
    const r = run(['experts', 'src', '--repo', repo.root, '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(!DANGEROUS.test(r.stdout), JSON.stringify(r.stdout));
    const [expert] = JSON.parse(r.stdout) as Array<{ name: string; email: string }>;
    assert.strictEqual(expert.name, HOSTILE_NAME);
    assert.strictEqual(expert.email, HOSTILE_EMAIL);
  });

  it('every command prints through the same writer: who-knows from an exported hub, as text and as JSON', () => {
    const summary = path.join(cache, 'summary.json');
    const hub = path.join(cache, 'hub');
    assert.strictEqual(run(['export', '--repo', repo.root, '--out', summary]).code, 0);
    assert.strictEqual(run(['hub', 'merge', summary, '--out', hub]).code, 0);
    const text = run(['who-knows', 'src', '--hub', hub]);
    assert.strictEqual(text.code, 0, text.stderr);
    assert.ok(!DANGEROUS.test(text.stdout), JSON.stringify(text.stdout));
    assert.match(text.stdout, /MalSupport RedLTR <mal@acme\.example>/);
    const json = run(['who-knows', 'src', '--hub', hub, '--json']);
    assert.strictEqual(json.code, 0, json.stderr);
    assert.ok(!DANGEROUS.test(json.stdout), JSON.stringify(json.stdout));
    const answer = JSON.parse(json.stdout) as { experts: Array<{ name: string; email: string }> };
    assert.strictEqual(answer.experts[0].name, HOSTILE_NAME);
    assert.strictEqual(answer.experts[0].email, HOSTILE_EMAIL);
  });

  it('sanitises each kind of sequence', () => {
    assert.strictEqual(oneLine('a\x1b[1;31mb\x1b[0m'), 'ab');
    assert.strictEqual(oneLine('a\x1b]0;title\x1b\\b'), 'ab', 'OSC ended by ST');
    assert.strictEqual(oneLine('a\x1bPq#0;2;0;0;0\x1b\\b'), 'ab', 'DCS');
    assert.strictEqual(oneLine('a\x9d8;;x\x9cb\x9b2Jc'), 'abc', '8-bit OSC and CSI');
    assert.strictEqual(oneLine('line\nfake line\r\tz'), 'line fake line z');
    assert.strictEqual(oneLine('bell\x07 del\x7f nul\x00'), 'bell del nul');
    assert.strictEqual(terminalSafe('one\n\x1b[2Jtwo\t3'), 'one\ntwo\t3');
    assert.strictEqual(terminalJson({ a: '\x9b\u202e' }), '{\n  "a": "\\u009b\\u202e"\n}');
  });
});
