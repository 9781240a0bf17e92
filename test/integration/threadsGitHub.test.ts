import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { anchorComment, createAnchor } from '../../src/core/threads/anchor';
import type { ConstellationApi } from '../../src/extension';
import type { TokenProvider } from '../../src/vscode/platform/githubSession';
import { FIXTURE_GITHUB_VENUE, FIXTURE_REMOTE } from '../support/fixtureCommunities';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { FakeDiscussionsHub, type FakeRepository } from '../support/githubGraphql';
import { githubError, startGitHubServer, type GitHubServer } from '../support/githubServer';
import { repoRoutes, type FakeRepo } from '../unit/patterns/githubRepoRoutes';
import { activeApi, eventually, fixture, fixtureUri, gitIn, indexReady } from './support/workbench';

const VALID_TOKEN = 'gho_constellation_test';
const LEAKED = 'ghs_leakedServerSecret0123';

/** 1-based span of `export function <name>(` … `}` in a fixture file. */
function functionSpan(info: FixtureInfo, file: string, name: string): { startLine: number; endLine: number; text: string } {
  const text = readFileSync(path.join(info.root, file), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`export function ${name}(`));
  const end = lines.findIndex((l, i) => i > start && l === '}');
  assert.ok(start >= 0 && end > start, `${name} in ${file}`);
  return { startLine: start + 1, endLine: end + 1, text };
}

describe('design threads on GitHub Discussions (loopback server)', function () {
  this.timeout(90_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  let server: GitHubServer;
  let hub: FakeDiscussionsHub;
  let repo: FakeRepository;
  let failWith: number | undefined;
  let token = VALID_TOKEN;
  const tokensChanged = new vscode.EventEmitter<void>();
  const tokens: TokenProvider = { token: async () => ({ token, account: 'yuki-dev' }), onDidChange: tokensChanged.event };

  before(async () => {
    info = fixture();
    api = await activeApi();
    await indexReady(api, info);
    hub = new FakeDiscussionsHub({ token: VALID_TOKEN, viewer: 'yuki-dev' });
    repo = hub.addRepository({ owner: FIXTURE_GITHUB_VENUE.owner, name: FIXTURE_GITHUB_VENUE.name, hasDiscussionsEnabled: true, categories: [{ id: hub.nextId('DIC'), name: FIXTURE_GITHUB_VENUE.category, slug: 'design-threads' }] });
    const verify = functionSpan(info, 'src/auth/session.ts', 'verifyToken');
    const anchor = createAnchor({ remote: FIXTURE_REMOTE, path: 'src/auth/session.ts', commit: gitIn(info, ['rev-parse', 'HEAD']).trim(), ...verify, fileText: verify.text });
    hub.addDiscussion(repo, { title: 'Token audience per client?', body: `Should verifyToken check the audience?\n\n${anchorComment(anchor)}\n`, categoryId: repo.categories[0].id, author: 'bob-id', createdAt: new Date().toISOString() });
    const graphql = hub.route('/graphql');
    server = await startGitHubServer({
      // The failure echoes a credential, as a misconfigured proxy might: it must not reach the person or the disk.
      routes: [{ method: 'POST', path: '/graphql', handler: (request, body) => (failWith ? { status: failWith, json: githubError(`Server Error (upstream sent Authorization: token ${LEAKED})`) } : graphql.handler(request, body)) }],
    });
    await vscode.workspace.getConfiguration('constellation.github').update('apiUrl', server.baseUrl, vscode.ConfigurationTarget.Global);
    await api.threads.useTokenProvider(tokens);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('constellation.github').update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await server?.close();
  });

  it('shows a discussion anchored to this repository on the lines it is about', async () => {
    const verify = functionSpan(info, 'src/auth/session.ts', 'verifyToken');
    await api.threads.refresh();
    const shown = await eventually('the discussion in the editor', async () => api.threads.commentThreads().find((t) => t.title === 'Token audience per client?'));
    assert.strictEqual(shown.uri, fixtureUri(info, 'src/auth/session.ts').toString());
    assert.deepStrictEqual([shown.startLine, shown.endLine], [verify.startLine, verify.endLine]);
    assert.strictEqual(shown.comments[0].trim(), 'Should verifyToken check the audience?', 'the anchor comment is not shown');
    assert.ok(server.requests.every((r) => r.headers.authorization === `token ${VALID_TOKEN}`), 'the session token is sent');
  });

  it('keeps the draft when GitHub fails (502, then 401) and a retry posts it', async () => {
    const target = info.expectations.find((e) => e.functionName === 'issueToken');
    assert.ok(target);
    const started = await vscode.commands.executeCommand<{ draftUri: string; body: string }>('constellation.threads.start', {
      uri: fixtureUri(info, target.file).toString(), startLine: target.startLine, endLine: target.endLine, expertEmail: 'alice@acme.example',
      community: FIXTURE_GITHUB_VENUE.community, title: 'Payment scope in session tokens', question: 'Can payments rely on the payment scope?',
    });
    assert.ok(started);
    assert.match(started.body, /Suggested experts from other teams:\*\* @alice-p \(Payments\), @bob-id/, 'the asked expert first, then the others, @mentioned');

    failWith = 502;
    const draft = vscode.workspace.textDocuments.find((d) => d.uri.toString() === started.draftUri);
    assert.ok(draft);
    const shownMessages: string[] = [];
    const listening = api.platform.onDidShowMessage((m) => shownMessages.push(m));
    assert.strictEqual(await vscode.commands.executeCommand('constellation.threads.post', draft.uri), undefined, 'not posted');
    listening.dispose();
    let drafts = await api.threads.drafts();
    assert.strictEqual(drafts.length, 1, 'the draft is kept');
    assert.deepStrictEqual([drafts[0].state, drafts[0].error?.kind], ['failed', 'server']);
    const failure = shownMessages.find((m) => m.startsWith('Not sent:'));
    assert.ok(failure, JSON.stringify(shownMessages));
    assert.ok(failure.includes('Authorization: [redacted])') && !failure.includes(LEAKED), failure);
    assert.match(failure, /Your draft is kept/, 'only the secret is hidden, not the rest of the message');
    assert.ok(drafts[0].error?.message.includes('[redacted]') && !JSON.stringify(drafts).includes(LEAKED), 'the draft file keeps no secret');
    assert.strictEqual(repo.discussions.length, 1, 'nothing was created');

    failWith = undefined;
    token = 'gho_expired';
    tokensChanged.fire();
    assert.strictEqual(await api.threads.retryDraft(drafts[0].id), false);
    drafts = await api.threads.drafts();
    assert.deepStrictEqual([drafts.length, drafts[0].error?.kind], [1, 'unauthorized'], 'a rejected token keeps the draft too');

    token = VALID_TOKEN;
    assert.ok(await api.threads.retryDraft(drafts[0].id), 'the retry posts it');
    assert.strictEqual((await api.threads.drafts()).length, 0);
    const created = repo.discussions.find((d) => d.title === 'Payment scope in session tokens');
    assert.ok(created, 'the discussion exists on GitHub');
    assert.ok(created.body.startsWith('Can payments rely on the payment scope?'));
    assert.match(created.body, /<!-- constellation:anchor /);
    const shown = await eventually('the new discussion in the editor', async () => api.threads.commentThreads().find((t) => t.title === 'Payment scope in session tokens'));
    assert.deepStrictEqual([shown.startLine, shown.endLine], [target.startLine, target.endLine]);
  });

  it('posts a reply from the editor as a discussion comment', async () => {
    const shown = await eventually('the discussion', async () => api.threads.commentThreads().find((t) => t.title === 'Token audience per client?'));
    assert.ok(await api.threads.reply(shown.threadId, 'Yes, per client id.'));
    const discussion = repo.discussions.find((d) => d.id === shown.threadId);
    assert.deepStrictEqual(discussion?.comments.map((c) => [c.body, c.author]), [['Yes, per client id.', 'yuki-dev']]);
    await eventually('the reply in the widget', async () => (api.threads.commentThreads().find((t) => t.threadId === shown.threadId)?.comments.length === 2 ? true : undefined));
  });

  it('loads a GitHub pattern library through the same session: the configured apiUrl, the same token, no second client', async () => {
    const library: FakeRepo = { owner: 'acme', name: 'shared-patterns', defaultBranch: 'main', rateLimitUsed: 0, files: new Map([
      ['docs/remote-only.md', '---\nid: remote-only\ntitle: Remote only\nsummary: A pattern served by the loopback GitHub.\ncommunity: reliability\nstatus: adopted\n---\n# Remote only\n'],
    ]) };
    server.addRoutes(repoRoutes(library));
    await api.threads.refresh();
    const clients = api.platform.githubClientsCreated();
    await vscode.workspace.getConfiguration('constellation.patterns').update('libraries', ['github:acme/shared-patterns'], vscode.ConfigurationTarget.Global);
    try {
      await eventually('the GitHub library in the catalogue', async () => ((await api.patterns.whenLoaded())?.byId('remote-only') ? true : undefined), 30_000);
      const reads = server.requests.filter((r) => r.path.startsWith('/repos/acme/shared-patterns'));
      assert.ok(reads.length > 0, 'the library was read from constellation.github.apiUrl');
      assert.ok(reads.every((r) => r.headers.authorization === `token ${VALID_TOKEN}`), 'with the session token threads use');
      assert.strictEqual(api.platform.githubClientsCreated(), clients, 'one session, one client for both features');
    } finally {
      await vscode.workspace.getConfiguration('constellation.patterns').update('libraries', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
