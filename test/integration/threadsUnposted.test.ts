/** What a newcomer meets around a design thread: the not-pushed choice, drafts never lost, threads where the code is now. */
import * as assert from 'assert';
import { readdirSync, readFileSync, rmSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../src/extension';
import type { ThreadsNode } from '../../src/vscode/threads/threadsView';
import { FIXTURE_REMOTE, fixtureThreads } from '../support/fixtureCommunities';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { PromptDriver } from './support/prompts';
import { activeApi, eventually, fixture, fixtureUri, gitIn, indexReady } from './support/workbench';

interface StartResult { draftUri: string; body: string; community: string }

const COMMIT_ENV = { GIT_AUTHOR_NAME: 'You', GIT_AUTHOR_EMAIL: 'you@example.test', GIT_COMMITTER_NAME: 'You', GIT_COMMITTER_EMAIL: 'you@example.test' };

describe('design threads not posted yet', function () {
  this.timeout(90_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  let prompts: PromptDriver;
  const target = () => {
    const found = info.expectations.find((e) => e.file !== 'src/pricing/discounts.ts');
    assert.ok(found, 'a fixture function to ask about');
    return found;
  };
  const draftsGroup = async (): Promise<ThreadsNode[]> => {
    const group = (await api.threads.viewNodes()).find((n) => n.kind === 'group' && n.group === 'drafts');
    assert.ok(group);
    return api.threads.viewChildren(group);
  };
  const openDraft = async (title: string): Promise<vscode.TextEditor> => {
    const t = target();
    const started = await vscode.commands.executeCommand<StartResult>('constellation.threads.start', {
      uri: fixtureUri(info, t.file).toString(), startLine: t.startLine, endLine: t.endLine, community: 'reliability', title, question: 'Who reviews a change here?',
    });
    assert.ok(started);
    // The draft opens in the active editor (an untitled URI may still name a closed document in workspace.textDocuments).
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === started.draftUri && !editor.document.isClosed);
    return editor;
  };
  const typeInto = async (editor: vscode.TextEditor, text: string): Promise<void> => {
    const at = editor.document.positionAt(editor.document.getText().indexOf('Who reviews'));
    assert.ok(await editor.edit((b) => b.insert(at, text)));
  };

  before(async () => {
    info = fixture();
    api = await activeApi();
    await indexReady(api, info);
    await api.threads.refresh();
  });
  beforeEach(() => (prompts = new PromptDriver(api)));
  afterEach(async () => {
    prompts.dispose();
    for (const node of (await draftsGroup()).filter((n) => n.kind === 'draft')) {
      api.platform.prompts.answerChoices('Discard');
      await vscode.commands.executeCommand('constellation.threads.discardDraft', node);
    }
  });

  describe('when HEAD is not pushed', () => {
    let head: string;
    before(async () => {
      head = gitIn(info, ['rev-parse', 'HEAD']).trim();
      gitIn(info, ['branch', '-q', '--set-upstream-to=origin/main']);
      // The registry learns of the new HEAD from its watcher: wait for it, as a person's next action would.
      const moved = api.platform.whenHeadMoves(info.root, 30_000);
      gitIn(info, ['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'local work, not pushed'], COMMIT_ENV);
      assert.strictEqual(await moved, true, 'the registry saw the local commit');
    });
    after(async () => {
      const moved = api.platform.whenHeadMoves(info.root, 30_000);
      gitIn(info, ['reset', '-q', '--soft', head]);
      gitIn(info, ['branch', '--unset-upstream']);
      await moved;
      await indexReady(api, info);
    });

    it('asks in a modal dialog, before anything else, and links to the upstream branch when chosen', async () => {
      const t = target();
      api.platform.prompts.answerChoices('Link to origin/main');
      const run = vscode.commands.executeCommand<StartResult>('constellation.threads.start', { uri: fixtureUri(info, t.file).toString(), startLine: t.startLine, endLine: t.endLine, community: 'reliability' });
      const asked = await prompts.nextChoice();
      assert.match(asked.message, /not pushed/);
      assert.deepStrictEqual(asked.choices, ['Link to origin/main', 'Link to the Commit Anyway']);
      const title = await prompts.next();
      assert.match(title.prompt, /Title/);
      await prompts.accept('Branch link please');
      const started = await run;
      assert.ok(started, 'a draft opened');
      assert.ok(started.body.includes(`${FIXTURE_REMOTE}/blob/main/${t.file}#L${t.startLine}-L${t.endLine}`), started.body);
      await vscode.commands.executeCommand('constellation.threads.cancelDraft', vscode.Uri.parse(started.draftUri));
    });

    it('starts nothing when the dialog is cancelled', async () => {
      const t = target();
      api.platform.prompts.answerChoices(undefined);
      const started = await vscode.commands.executeCommand<StartResult>('constellation.threads.start', { uri: fixtureUri(info, t.file).toString(), startLine: t.startLine, endLine: t.endLine, community: 'reliability' });
      assert.strictEqual(started, undefined);
      assert.strictEqual((await prompts.nextChoice()).choices.length, 2);
      assert.deepStrictEqual(prompts.unread().prompts, [], 'no title asked after Cancel');
    });
  });

  it('lists a draft open in the editor in Drafts, and Cancel of an unedited one just closes it', async () => {
    const editor = await openDraft('Open and unposted');
    const listed = (await draftsGroup()).find((n) => n.kind === 'compose' && n.uri === editor.document.uri.toString());
    assert.ok(listed && listed.kind === 'compose', 'the open draft is in Drafts');
    assert.strictEqual(listed.title, 'Open and unposted');
    assert.match(api.threads.viewItem(listed).description ?? '', /not posted/);
    assert.strictEqual(await vscode.commands.executeCommand('constellation.threads.cancelDraft', editor.document.uri), 'closed');
    assert.deepStrictEqual(prompts.unread().choices, [], 'unedited: nothing to ask');
    assert.ok(!(await draftsGroup()).some((n) => n.kind === 'compose' && n.uri === editor.document.uri.toString()), 'closed: no longer listed');
  });

  it('asks before cancelling an edited draft: Keep in Drafts keeps it to open again, Discard removes it, the dialog Cancel goes back', async () => {
    const editor = await openDraft('Edited then cancelled');
    await typeInto(editor, 'My careful words. ');
    api.platform.prompts.answerChoices(undefined);
    assert.strictEqual(await vscode.commands.executeCommand('constellation.threads.cancelDraft', editor.document.uri), undefined);
    assert.deepStrictEqual((await prompts.nextChoice()).choices, ['Keep in Drafts', 'Discard']);
    assert.ok(!editor.document.isClosed, 'back to editing');

    api.platform.prompts.answerChoices('Keep in Drafts');
    assert.strictEqual(await vscode.commands.executeCommand('constellation.threads.cancelDraft', editor.document.uri), 'kept');
    assert.ok(editor.document.isClosed);
    const [kept] = await api.threads.drafts();
    assert.ok(kept && kept.payload.kind === 'thread');
    assert.strictEqual(kept.payload.content.title, 'Edited then cancelled');
    assert.match(kept.payload.content.body, /My careful words\. Who reviews/);
    const node = (await draftsGroup()).find((n) => n.kind === 'draft');
    assert.ok(node);
    assert.strictEqual(api.threads.viewItem(node).contextValue, 'draft.kept');

    assert.strictEqual(await vscode.commands.executeCommand('constellation.threads.openDraft', node), true);
    const reopened = vscode.window.activeTextEditor;
    assert.ok(reopened && /My careful words\./.test(reopened.document.getText()), 'reopened with what was written');
    await typeInto(reopened, 'More. ');
    api.platform.prompts.answerChoices('Discard');
    assert.strictEqual(await vscode.commands.executeCommand('constellation.threads.cancelDraft', reopened.document.uri), 'discarded');
    assert.deepStrictEqual(await api.threads.drafts(), [], 'discarded: the kept draft is gone too');
  });

  it('keeps an edited draft the editor closes without saving', async () => {
    const editor = await openDraft('Closed by the editor');
    await typeInto(editor, 'Not lost. ');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const kept = await eventually('the closed draft in Drafts', async () => (await api.threads.drafts()).find((d) => d.payload.kind === 'thread' && d.payload.content.title === 'Closed by the editor'));
    assert.ok(kept.payload.kind === 'thread' && /Not lost\./.test(kept.payload.content.body));
  });

  it('shows a posted thread in the comment widget without the snippet that sits above it (the posted body keeps it)', async () => {
    const editor = await openDraft('No snippet twice');
    const posted = await vscode.commands.executeCommand<{ id: string }>('constellation.threads.post', editor.document.uri);
    assert.ok(posted);
    const folder = path.join(info.root, '.constellation/threads/reliability');
    const file = readdirSync(folder).find((f) => f.startsWith(posted.id));
    assert.ok(file);
    try {
      assert.match(readFileSync(path.join(folder, file), 'utf8'), /```typescript\n/, 'the thread as posted has the snippet');
      const shown = await eventually('the posted thread', async () => api.threads.commentThreads().find((c) => c.threadId === posted.id));
      assert.match(shown.comments[0], /Who reviews a change here\?/);
      assert.match(shown.comments[0], /\*\*Code:\*\* \[`[^`]+` lines \d+–\d+\]/, 'the link to the lines stays');
      assert.ok(!shown.comments[0].includes('```'), shown.comments[0]);
    } finally {
      rmSync(path.join(folder, file), { force: true });
      await api.threads.refresh();
    }
  });

  it("shows a thread's current lines in the Threads view after the code moved", async () => {
    const spec = fixtureThreads(info.preset)[0];
    const uri = fixtureUri(info, spec.file);
    const original = await eventually('the fixture thread', async () => api.threads.commentThreads().find((c) => c.title === spec.title));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '// one\n// two\n// three\n// four\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    try {
      await eventually('the comment thread to follow its code', async () => {
        const t = api.threads.commentThreads().find((c) => c.title === spec.title);
        return t && t.startLine === original.startLine + 4 ? t : undefined;
      });
      const fileGroup = (await api.threads.viewNodes()).find((n) => n.kind === 'group' && n.group === 'file');
      assert.ok(fileGroup);
      const node = (await api.threads.viewChildren(fileGroup)).find((n) => n.kind === 'thread' && n.known.thread.title === spec.title);
      assert.ok(node, 'listed on this file');
      assert.match(api.threads.viewItem(node).description ?? '', new RegExp(`${spec.file.replace(/[.]/g, '\\.')}:${original.startLine + 4} `));
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(uri, new vscode.Range(0, 0, 4, 0));
      assert.ok(await vscode.workspace.applyEdit(undo));
      assert.ok(await document.save());
    }
  });
});
