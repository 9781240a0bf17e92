import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCodeowners, matchingRule, ownersOf, parseCodeowners } from '../../../src/core/directory/codeowners';
import { readFixture } from './directoryFixtures';

function rulesOf(text: string): ReturnType<typeof parseCodeowners>['rules'] {
  const { rules, diagnostics } = parseCodeowners(text, 'CODEOWNERS');
  assert.deepStrictEqual(diagnostics, []);
  return rules;
}

/** Asserts the owners of each path under `text`. */
function expectOwners(text: string, expected: Record<string, string[]>): void {
  const rules = rulesOf(text);
  for (const [file, owners] of Object.entries(expected)) {
    assert.deepStrictEqual(ownersOf(rules, file), owners, `${file} under:\n${text}`);
  }
}

describe('CODEOWNERS', () => {
  describe('the semantics of each line of GitHub\'s documented example', () => {
    const rules = rulesOf(readFixture('github-docs-example.CODEOWNERS'));
    const owners = (file: string): string[] => ownersOf(rules, file);

    it('the catch-all owns what nothing later claims', () => {
      assert.deepStrictEqual(owners('Makefile'), ['@default-owner-1', '@default-owner-2']);
      assert.deepStrictEqual(owners('src/deep/file.c'), ['@default-owner-1', '@default-owner-2']);
    });

    it('*.js goes to the JS owner alone (a later line wins), and an inline comment is not an owner', () => {
      assert.deepStrictEqual(owners('src/app.js'), ['@js-owner']);
    });

    it('email addresses and org teams are owners', () => {
      assert.deepStrictEqual(owners('cmd/main.go'), ['docs@example.com']);
      assert.deepStrictEqual(owners('notes/todo.txt'), ['@octo-org/octocats']);
    });

    it('/build/logs/ owns everything below build/logs at the root only... unless **/logs comes later', () => {
      // **/logs is further down the file, so it wins for build/logs too.
      assert.deepStrictEqual(owners('build/logs/today.log'), ['@octocat']);
      assert.deepStrictEqual(ownersOf(rulesOf('/build/logs/ @doctocat'), 'build/logs/x/y.log'), ['@doctocat']);
      assert.deepStrictEqual(ownersOf(rulesOf('/build/logs/ @doctocat'), 'src/build/logs/y.log'), []);
    });

    it('apps/ owns an apps directory at any depth', () => {
      assert.deepStrictEqual(owners('frontend/apps/main.ts'), ['@octocat']);
      assert.deepStrictEqual(owners('a/b/apps/c/d.ts'), ['@octocat']);
    });

    it('/docs/ comes after docs/*, so it owns both direct and nested docs files', () => {
      assert.deepStrictEqual(owners('docs/getting-started.md'), ['@doctocat']);
      assert.deepStrictEqual(owners('docs/build-app/troubleshooting.md'), ['@doctocat']);
      assert.deepStrictEqual(owners('lib/docs/readme.md'), ['@default-owner-1', '@default-owner-2'], 'docs/* is anchored: it has a slash');
    });

    it('/scripts/ has two owners', () => {
      assert.deepStrictEqual(owners('scripts/deploy.sh'), ['@doctocat', '@octocat']);
    });

    it('**/logs owns any logs directory and what is in it, at any depth', () => {
      assert.deepStrictEqual(owners('scripts/logs/out.txt'), ['@octocat']);
      assert.deepStrictEqual(owners('deeply/nested/logs/a/b.txt'), ['@octocat']);
      assert.deepStrictEqual(owners('logs/root.txt'), ['@octocat']);
    });

    it('/apps/ with a following ownerless /apps/github leaves apps/github unowned', () => {
      assert.deepStrictEqual(owners('apps/web/index.ts'), ['@octocat']);
      assert.deepStrictEqual(owners('apps/github/index.ts'), []);
      const rule = matchingRule(rules, 'apps/github/index.ts');
      assert.strictEqual(rule?.pattern, '/apps/github', 'unowned (matched by an empty rule) differs from unmatched');
    });

    it('/apps/ with a following /apps/github @doctocat gives that subdirectory its own owner', () => {
      expectOwners('/apps/ @octocat\n/apps/github @doctocat\n', {
        'apps/web/index.ts': ['@octocat'],
        'apps/github/index.ts': ['@doctocat'],
      });
    });
  });

  it('docs/* matches files directly in docs only', () => {
    expectOwners('docs/* @d', { 'docs/a.md': ['@d'], 'docs/sub/b.md': [], 'docs': [] });
  });

  it('* does not cross a slash, ** does', () => {
    expectOwners('/src/*.ts @one\n/lib/**/*.ts @many\n/pkg/**/test @tests\n/out/** @out', {
      'src/a.ts': ['@one'],
      'src/sub/a.ts': [],
      'lib/a.ts': ['@many'],
      'lib/x/y/z.ts': ['@many'],
      'pkg/test/a': ['@tests'],
      'pkg/a/b/test/c': ['@tests'],
      'out/x/y': ['@out'],
      out: [],
    });
  });

  it('a pattern without a slash matches at any depth; a leading or inner slash anchors to the root', () => {
    expectOwners('README.md @any\n/LICENSE @root\nsrc/util @inner', {
      'README.md': ['@any'],
      'a/b/README.md': ['@any'],
      LICENSE: ['@root'],
      'third_party/LICENSE': [],
      'src/util/x.ts': ['@inner'],
      'lib/src/util/x.ts': [],
    });
  });

  it('a trailing slash names directories only; without it a name matches a file or a directory', () => {
    expectOwners('build/ @dirs\ncache @both', {
      'build/out.js': ['@dirs'],
      'tools/build/out.js': ['@dirs'],
      build: [],
      cache: ['@both'],
      'x/cache/y': ['@both'],
    });
  });

  it('? matches one character except a slash; paths are case-sensitive', () => {
    expectOwners('/v?/ @versions\n*.MD @upper', {
      'v1/a': ['@versions'],
      'v10/a': [],
      'notes.MD': ['@upper'],
      'notes.md': [],
    });
  });

  it('the last matching pattern wins, whatever its specificity', () => {
    expectOwners('/src/payments/refunds.ts @specific\n*.ts @general', {
      'src/payments/refunds.ts': ['@general'],
    });
    expectOwners('*.ts @general\n/src/payments/refunds.ts @specific', {
      'src/payments/refunds.ts': ['@specific'],
      'src/other.ts': ['@general'],
    });
  });

  it('accepts escaped spaces, normalizes ./ in queried paths, and keeps a backslash as a file name character', () => {
    expectOwners('/My\\ Documents/ @spaces', { 'My Documents/a.txt': ['@spaces'], './My Documents/b.txt': ['@spaces'], 'My Documents\\c.txt': [] });
  });

  it('reports lines GitHub rejects, with line and column, and applies the rest', () => {
    const text = ['* @all', '!*.md @nobody', '*.[ch] @c-team', '\\#notes @hash', '/src/ not-an-owner', '/lib/ @lib   # fine'].join('\n');
    const { rules, diagnostics } = parseCodeowners(text, '/repo/.github/CODEOWNERS');
    assert.deepStrictEqual(diagnostics.map((d) => [d.line, d.column, d.severity]), [[2, 1, 'error'], [3, 1, 'error'], [4, 1, 'error'], [5, 7, 'error']]);
    assert.match(diagnostics[0].message, /negation/);
    assert.match(diagnostics[1].message, /character ranges/);
    assert.match(diagnostics[2].message, /escaping a leading "#"/);
    assert.match(diagnostics[3].message, /"not-an-owner" is not an owner/);
    assert.ok(diagnostics.every((d) => d.file === '/repo/.github/CODEOWNERS'));
    assert.deepStrictEqual(rules.map((r) => [r.line, r.pattern, r.owners]), [[1, '*', ['@all']], [6, '/lib/', ['@lib']]]);
    assert.deepStrictEqual(ownersOf(rules, 'README.md'), ['@all']);
  });

  it('stays fast on a pattern built to make a backtracking matcher explode', () => {
    const rules = rulesOf('*a*a*a*a*a*a*a*b @slow');
    const name = `dir/${'a'.repeat(5000)}c`;
    const started = Date.now();
    assert.deepStrictEqual(ownersOf(rules, name), []);
    assert.deepStrictEqual(ownersOf(rules, `dir/${'a'.repeat(50)}b`), ['@slow']);
    assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
  });

  describe('file location', () => {
    let root: string;
    beforeEach(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), 'constellation-codeowners-'));
    });
    afterEach(async () => fs.rm(root, { recursive: true, force: true }));

    async function write(location: string, owner: string): Promise<void> {
      await fs.mkdir(path.dirname(path.join(root, location)), { recursive: true });
      await fs.writeFile(path.join(root, location), `* ${owner}\n`);
    }

    it('.github/CODEOWNERS first, then the root, then docs/: the first found is the only one used', async () => {
      await write('docs/CODEOWNERS', '@from-docs');
      assert.deepStrictEqual(ownersOf((await loadCodeowners(root)).rules, 'a'), ['@from-docs']);
      await write('CODEOWNERS', '@from-root');
      const fromRoot = await loadCodeowners(root);
      assert.strictEqual(fromRoot.file, 'CODEOWNERS');
      assert.deepStrictEqual(ownersOf(fromRoot.rules, 'a'), ['@from-root']);
      await write('.github/CODEOWNERS', '@from-github');
      const fromGitHubFolder = await loadCodeowners(root);
      assert.strictEqual(fromGitHubFolder.file, '.github/CODEOWNERS');
      assert.deepStrictEqual(ownersOf(fromGitHubFolder.rules, 'a'), ['@from-github']);
    });

    it('no file: no rules, no diagnostics', async () => {
      assert.deepStrictEqual(await loadCodeowners(root), { rules: [], diagnostics: [] });
    });
  });
});
