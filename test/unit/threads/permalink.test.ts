import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { silentLogger } from '../../../src/core/logger';
import { checkPushed } from '../../../src/core/git/pushState';
import { buildPermalink, normalizeRemote, parseRemoteUrl } from '../../../src/core/threads/permalink';
import { TestRepo } from '../../support/gitRepo';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('permalinks', () => {
  const cases: Array<[string, string]> = [
    ['https://github.com/acme/shop.git', 'https://github.com/acme/shop'],
    ['https://github.com/acme/shop', 'https://github.com/acme/shop'],
    ['https://x-access-token:ghp_secret@github.com/acme/shop.git', 'https://github.com/acme/shop'],
    ['git@github.com:acme/shop.git', 'https://github.com/acme/shop'],
    ['git@github.com:acme/shop', 'https://github.com/acme/shop'],
    ['ssh://git@github.com/acme/shop.git', 'https://github.com/acme/shop'],
    ['ssh://git@GHE.Example.test:2222/platform/billing-api.git', 'https://ghe.example.test/platform/billing-api'],
    ['https://ghe.example.test:8443/platform/billing-api.git/', 'https://ghe.example.test:8443/platform/billing-api'],
    ['git@ghe.example.test:platform/billing-api.git', 'https://ghe.example.test/platform/billing-api'],
    ['org-123@ssh.dev.example.test:team/sub/repo.git', 'https://ssh.dev.example.test/team/sub/repo'],
  ];
  for (const [remote, web] of cases) {
    it(`reads ${remote}`, () => {
      assert.strictEqual(parseRemoteUrl(remote)?.webUrl, web);
      assert.strictEqual(normalizeRemote(remote), web);
    });
  }

  it('refuses local paths and odd URLs', () => {
    for (const bad of ['/srv/git/shop.git', 'file:///srv/git/shop.git', 'https://github.com/', 'C:\\repos\\shop', 'not a url']) {
      assert.strictEqual(parseRemoteUrl(bad), undefined, bad);
    }
  });

  it('builds blob links with line ranges and encoded path segments', () => {
    assert.strictEqual(buildPermalink('git@github.com:acme/shop.git', SHA, 'src/api/pay.ts', 10, 20), `https://github.com/acme/shop/blob/${SHA}/src/api/pay.ts#L10-L20`);
    assert.strictEqual(buildPermalink('ssh://git@ghe.example.test/acme/shop', SHA, 'docs/a b/#1 ü?.md', 7, 7), `https://ghe.example.test/acme/shop/blob/${SHA}/docs/a%20b/%231%20%C3%BC%3F.md#L7`);
    assert.strictEqual(buildPermalink(parseRemoteUrl('https://github.com/acme/shop')!, SHA, 'src\\win\\path.ts'), `https://github.com/acme/shop/blob/${SHA}/src/win/path.ts`);
  });

  describe('checkPushed over real git', () => {
    let origin: string;
    let repo: TestRepo;
    const git = new GitRunner({ logger: silentLogger });
    const who = { name: 'Ann', email: 'ann@example.test' };

    beforeEach(() => {
      origin = mkdtempSync(path.join(os.tmpdir(), 'constellation-origin-'));
      repo = TestRepo.create();
      repo.git(['init', '-q', '--bare', origin]);
      repo.git(['remote', 'add', 'origin', origin]);
    });
    afterEach(() => {
      repo.dispose();
      rmSync(origin, { recursive: true, force: true });
    });

    it('says a commit is pushed only once a remote-tracking branch contains it, and names the upstream', async () => {
      repo.write('a.txt', 'a\n');
      const first = repo.commit({ author: who, date: '2024-01-01T00:00:00Z' });
      repo.git(['push', '-q', '-u', 'origin', 'main']);
      repo.write('a.txt', 'b\n');
      const second = repo.commit({ author: who, date: '2024-01-02T00:00:00Z' });

      assert.deepStrictEqual(await checkPushed(git, repo.root, first), { pushed: true, remoteBranches: ['origin/main'], branch: 'main', upstream: 'origin/main' });
      assert.deepStrictEqual(await checkPushed(git, repo.root, second), { pushed: false, remoteBranches: [], branch: 'main', upstream: 'origin/main' });
      repo.git(['push', '-q']);
      assert.strictEqual((await checkPushed(git, repo.root, second)).pushed, true);
    });

    it('reports no upstream for a new local branch', async () => {
      repo.write('a.txt', 'a\n');
      repo.commit({ author: who, date: '2024-01-01T00:00:00Z' });
      repo.git(['checkout', '-q', '-b', 'feature']);
      repo.write('a.txt', 'c\n');
      const local = repo.commit({ author: who, date: '2024-01-03T00:00:00Z' });
      assert.deepStrictEqual(await checkPushed(git, repo.root, local), { pushed: false, remoteBranches: [], branch: 'feature', upstream: undefined });
    });
  });
});
