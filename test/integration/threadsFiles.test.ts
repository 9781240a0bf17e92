import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../src/extension';
import type { CommentThreadInfo } from '../../src/vscode/threads/threadsTestApi';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { FIXTURE_REMOTE, fixtureThreads } from '../support/fixtureCommunities';
import { TestRepo } from '../support/gitRepo';
import { activeApi, eventually, fixture, fixtureUri, gitIn, indexReady } from './support/workbench';

interface StartResult { draftUri: string; body: string; community: string }

/** Inserts lines at the top of a file and saves it, as a person editing above a thread would. */
async function insertAtTop(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await document.save());
}

async function removeTopLines(uri: vscode.Uri, count: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.delete(uri, new vscode.Range(0, 0, count, 0));
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await document.save());
}

describe('design threads in a files venue', function () {
  this.timeout(90_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  const shownThread = (title: string): Promise<CommentThreadInfo> =>
    eventually(`comment thread "${title}"`, async () => api.threads.commentThreads().find((t) => t.title === title));

  before(async () => {
    info = fixture();
    api = await activeApi();
    await indexReady(api, info);
    await api.threads.refresh();
  });

  it('shows the existing thread of the fixture on the lines of its function, with its reply', async () => {
    const spec = fixtureThreads(info.preset)[0];
    const expectation = info.expectations.find((e) => e.functionName === spec.functionName);
    assert.ok(expectation);
    const shown = await shownThread(spec.title);
    assert.strictEqual(shown.uri, fixtureUri(info, spec.file).toString());
    assert.deepStrictEqual([shown.startLine, shown.endLine], [expectation.startLine, expectation.endLine]);
    assert.strictEqual(shown.status, 'exact');
    assert.strictEqual(shown.comments.length, 2, 'the question and one reply');
    assert.match(shown.comments[1], /deliberate/);
    assert.match(shown.label, /Reliability Guild/);
    assert.ok(!/outdated/.test(shown.label));
  });

  it('starts a thread from lines, previews the composed body, posts it and shows it on those lines', async () => {
    const target = info.expectations.find((e) => e.functionName === 'applyDiscount');
    assert.ok(target);
    const uri = fixtureUri(info, target.file);
    const head = gitIn(info, ['rev-parse', 'HEAD']).trim();
    const started = await vscode.commands.executeCommand<StartResult>('constellation.threads.start', {
      uri: uri.toString(), startLine: target.startLine, endLine: target.endLine, community: 'api-design', title: 'Should caps apply per item?', question: 'We want caps per item. Any reason they are per order?',
    });
    assert.ok(started, 'a draft was opened');
    assert.strictEqual(started.community, 'api-design');
    assert.ok(started.body.startsWith('We want caps per item.'));
    assert.ok(started.body.includes(`${FIXTURE_REMOTE}/blob/${head}/src/pricing/discounts.ts#L${target.startLine}-L${target.endLine}`), 'permalink at the pushed HEAD');
    assert.ok(started.body.includes('```typescript\nexport function applyDiscount('), 'the snippet with its language');
    assert.match(started.body, /Suggested experts from other teams:.*@alice-p/, 'Alice (payments) is @mentioned');
    assert.ok(!started.body.includes('@carol-c'), 'Carol is on your team: not suggested');
    assert.match(started.body, /<!-- constellation:anchor /);
    const draft = vscode.workspace.textDocuments.find((d) => d.uri.toString() === started.draftUri);
    assert.ok(draft, 'the draft document is open');
    assert.strictEqual(draft.languageId, 'markdown');
    assert.match(draft.getText(), /^# Should caps apply per item\?\n/);

    // The person edits the question in the preview before posting.
    const editor = await vscode.window.showTextDocument(draft);
    await editor.edit((b) => b.replace(draft.positionAt(draft.getText().indexOf('We want caps per item.')), 'Edited: '));
    const posted = await vscode.commands.executeCommand<{ id: string; backend: string }>('constellation.threads.post', draft.uri);
    assert.ok(posted, 'posted');
    assert.strictEqual(posted.backend, 'files');
    const folder = path.join(info.root, '.constellation/threads/api-design');
    const file = readdirSync(folder).find((f) => f.startsWith(posted.id));
    assert.ok(file, 'the thread file exists');
    const text = readFileSync(path.join(folder, file), 'utf8');
    assert.ok(text.includes('Edited: We want caps per item.'), 'the edited question was sent');
    assert.ok(text.includes(`path: ${target.file}`), 'the anchor is in the front matter');

    const shown = await shownThread('Should caps apply per item?');
    assert.deepStrictEqual([shown.startLine, shown.endLine], [target.startLine, target.endLine]);
    const listed = api.threads.list().find((t) => t.id === posted.id);
    assert.strictEqual(listed?.community, 'api-design');
  });

  it('follows the code when lines are inserted above it and saved', async () => {
    const target = info.expectations.find((e) => e.functionName === 'applyDiscount');
    assert.ok(target);
    const uri = fixtureUri(info, target.file);
    await insertAtTop(uri, '// one\n// two\n// three\n');
    try {
      const moved = await eventually('the thread to follow its code', async () => {
        const t = api.threads.commentThreads().find((c) => c.title === 'Should caps apply per item?');
        return t && t.startLine === target.startLine + 3 && t.status === 'shifted' ? t : undefined;
      });
      assert.strictEqual(moved.endLine, target.endLine + 3);
    } finally {
      await removeTopLines(uri, 3);
    }
    await eventually('the thread back in place', async () => {
      const t = api.threads.commentThreads().find((c) => c.title === 'Should caps apply per item?');
      return t && t.startLine === target.startLine && t.status === 'exact' ? t : undefined;
    });
  });

  it('posts a reply typed in the comment widget to the thread file', async () => {
    const shown = await shownThread('Should caps apply per item?');
    assert.ok(shown.canReply);
    assert.ok(await api.threads.reply(shown.threadId, 'Per item, agreed with the pricing team.'));
    const updated = await eventually('the reply in the widget', async () => {
      const t = api.threads.commentThreads().find((c) => c.threadId === shown.threadId);
      return t && t.comments.length === 2 ? t : undefined;
    });
    assert.match(updated.comments[1], /Per item, agreed/);
    const folder = path.join(info.root, '.constellation/threads/api-design');
    const file = readdirSync(folder).find((f) => f.startsWith(shown.threadId));
    assert.ok(file);
    assert.ok(readFileSync(path.join(folder, file), 'utf8').includes('Per item, agreed with the pricing team.'));
    assert.strictEqual((await api.threads.drafts()).length, 0, 'nothing left unsent');
  });

  it('lists threads in the Threads view: this file, mine, per community', async () => {
    await vscode.window.showTextDocument(fixtureUri(info, 'src/pricing/discounts.ts'));
    const roots = await api.threads.viewNodes();
    const labels = (nodes: Awaited<ReturnType<typeof api.threads.viewNodes>>): string[] =>
      nodes.map((n) => (n.kind === 'thread' ? n.known.thread.title : n.kind === 'community' ? n.entry.community.id : n.kind === 'message' ? `(${n.text})` : n.kind));
    const group = (name: string) => roots.find((n) => n.kind === 'group' && n.group === name)!;
    assert.deepStrictEqual(labels(await api.threads.viewChildren(group('file'))), ['Should caps apply per item?']);
    assert.ok(labels(await api.threads.viewChildren(group('mine'))).includes('Should caps apply per item?'));
    assert.deepStrictEqual(labels(await api.threads.viewChildren(group('communities'))), ['reliability', 'identity', 'api-design']);
  });
});

describe('repositories in a linked worktree', function () {
  this.timeout(60_000);

  // The usual set-up: the folder opened is a linked worktree, whose git dir lives in the main
  // repository's .git, outside the workspace (a workspace-relative **/.git/HEAD glob never sees it).
  it('sees HEAD move in a worktree, whose .git is a file (the old **/.git/HEAD watcher never did)', async () => {
    const api = await activeApi();
    const main = TestRepo.create('constellation-worktree-main-');
    const linked = mkdtempSync(path.join(os.tmpdir(), 'constellation-worktree-linked-'));
    try {
      main.write('a.txt', 'one\n').commit({ author: { name: 'Ada', email: 'ada@acme.example' }, date: '2026-01-01T00:00:00Z' });
      main.git(['worktree', 'add', '-q', '--detach', '--force', linked]);
      assert.ok(statSync(path.join(linked, '.git')).isFile(), 'a linked worktree has a .git file');
      const moved = api.platform.whenHeadMoves(linked, 30_000);
      let seen: boolean | undefined;
      void moved.then((value) => (seen = value));
      // The host starts file watchers asynchronously and gives no signal when one is live: commit
      // again every 2 s until the move is seen (the old watcher never saw any of them).
      for (let i = 0; i < 12 && seen === undefined; i++) {
        execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', `in the worktree ${i}`], { cwd: linked });
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      assert.strictEqual(await moved, true, 'the registry saw HEAD of the worktree move');
    } finally {
      main.dispose();
      rmSync(linked, { recursive: true, force: true });
    }
  });
});
