import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConstellationApi } from '../../src/extension';
import type { ExpertsNode } from '../../src/vscode/experts/expertsView';
import type { FixtureInfo } from '../support/fixtureWorkspace';
import { activeApi, constellationHover, eventually, fixture, fixtureUri, gitIn, indexReady } from './support/workbench';

/** Who wrote each line of a committed file, by `git blame` (1-based lines). */
function blameAuthors(info: FixtureInfo, file: string): { mail: string; name: string }[] {
  const out = gitIn(info, ['blame', '--line-porcelain', '--', file]);
  const authors: { mail: string; name: string }[] = [];
  let name = '';
  let mail = '';
  for (const line of out.split('\n')) {
    if (line.startsWith('author ')) name = line.slice('author '.length);
    else if (line.startsWith('author-mail ')) mail = line.slice('author-mail '.length).replace(/^<|>$/g, '').toLowerCase();
    else if (line.startsWith('\t')) authors.push({ mail, name });
  }
  return authors;
}

function codeExperts(nodes: ExpertsNode[]): Extract<ExpertsNode, { kind: 'expert' }>[] {
  return nodes.filter((n): n is Extract<ExpertsNode, { kind: 'expert' }> => n.kind === 'expert');
}

describe('the Experts view', function () {
  this.timeout(120_000);
  let info: FixtureInfo;
  let api: ConstellationApi;
  const showScope = (scope: string): Thenable<unknown> => vscode.commands.executeCommand('constellation.experts.showScope', scope);

  /** The view's nodes once it says it shows `description` (asking for them is what ranks). */
  const viewShowing = (description: string): Promise<ExpertsNode[]> =>
    eventually(`the Experts view showing "${description}" (now "${api.experts.viewState().description}")`, async () => {
      const nodes = await api.experts.viewNodes();
      return api.experts.viewState().description === description && codeExperts(nodes).length > 0 ? nodes : undefined;
    });

  before(async () => {
    info = fixture();
    api = await activeApi();
    await vscode.window.showTextDocument(fixtureUri(info, info.expectations[0].file));
    await indexReady(api, info);
    await showScope('lines');
  });

  after(async () => {
    await showScope('lines');
  });

  it('shows different people, and says so, for a 5-line selection written by one person, the whole file and another file', async () => {
    // A file with five lines in a row by one person who is not the file's top expert.
    const canonical = (mail: string): string => info.mailmap[mail] ?? mail;
    const files = gitIn(info, ['ls-files', '--', 'src/*.ts']).split('\n').filter((f) => f.split('/').length > 2);
    let found: { file: string; start: number; author: { mail: string; name: string }; wholeFile: string[] } | undefined;
    await showScope('file');
    for (const candidate of files) {
      await vscode.window.showTextDocument(fixtureUri(info, candidate));
      const wholeFile = codeExperts(await viewShowing(path.posix.basename(candidate))).map((n) => n.expert.email);
      const authors = blameAuthors(info, candidate);
      const start = authors.findIndex((a, i) => i + 5 <= authors.length && canonical(a.mail) !== wholeFile[0] && authors.slice(i, i + 5).every((b) => b.mail === a.mail));
      if (start >= 0) {
        found = { file: candidate, start, author: authors[start], wholeFile };
        break;
      }
    }
    assert.ok(found, `a 5-line run by someone other than the file's top expert in one of ${files.join(', ')}`);
    const { file, start, author, wholeFile } = found;
    const base = path.posix.basename(file);
    const editor = await vscode.window.showTextDocument(fixtureUri(info, file));
    await showScope('lines');
    editor.selection = new vscode.Selection(start, 0, start + 4, editor.document.lineAt(start + 4).text.length);
    const selected = codeExperts(await viewShowing(`lines ${start + 1}–${start + 5} of ${base}`));
    const first = selected[0];
    assert.ok(first.expert.email === canonical(author.mail) || first.expert.name === author.name, `${author.name} first, got ${first.expert.name}`);
    assert.strictEqual(first.expert.evidenceKind, 'lines');
    assert.match(first.row.description, /100% of lines/);
    assert.deepStrictEqual(selected.filter((n) => n.expert.evidenceKind === 'lines').map((n) => n.expert.email), [first.expert.email], 'only the author has evidence on the lines');
    assert.notDeepStrictEqual(selected.map((n) => n.expert.email), wholeFile);

    const other = files.find((f) => f !== file && path.posix.basename(f) !== base && !f.startsWith(`${path.posix.dirname(file)}/`));
    assert.ok(other, 'a second fixture file');
    await vscode.window.showTextDocument(fixtureUri(info, other));
    await showScope('file');
    const otherFile = codeExperts(await viewShowing(path.posix.basename(other))).map((n) => n.expert.email);
    assert.notDeepStrictEqual(otherFile, wholeFile, `${other} and ${file} have different experts`);
  });

  it('switches between the block at the cursor, the file and its folder, and tells which', async () => {
    const expectation = info.expectations[0];
    const editor = await vscode.window.showTextDocument(fixtureUri(info, expectation.file));
    await showScope('lines');
    // Inside the function's body: the same logical block the hover uses, the whole function.
    editor.selection = new vscode.Selection(expectation.line, 4, expectation.line, 4);
    const base = path.posix.basename(expectation.file);
    const block = await viewShowing(`lines ${expectation.startLine}–${expectation.endLine} of ${base}`);
    assert.strictEqual(api.experts.viewState().scope, 'lines');
    assert.ok(codeExperts(block).some((n) => n.expert.email === expectation.expectedTopEmails[0]));
    assert.strictEqual(await showScope('file'), 'file');
    await viewShowing(base);
    assert.strictEqual(await showScope('folder'), 'folder');
    const folder = await viewShowing(`${path.posix.dirname(expectation.file)}/`);
    assert.strictEqual(api.experts.viewState().scope, 'folder');
    assert.ok(codeExperts(folder).every((n) => /\d+ changes?/.test(n.row.description)), 'folder evidence: changes under it');
    assert.strictEqual(await showScope('lines'), 'lines');
    await viewShowing(`lines ${expectation.startLine}–${expectation.endLine} of ${base}`);
  });

  it('ranks again only when the cursor leaves the block', async () => {
    const expectation = info.expectations[0];
    const editor = await vscode.window.showTextDocument(fixtureUri(info, expectation.file));
    await showScope('lines');
    editor.selection = new vscode.Selection(expectation.line, 2, expectation.line, 2);
    const base = path.posix.basename(expectation.file);
    await viewShowing(`lines ${expectation.startLine}–${expectation.endLine} of ${base}`);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await api.experts.viewNodes();
    const before = api.experts.viewState().computations;
    for (const line of [expectation.line + 1, expectation.line + 2, expectation.line]) {
      editor.selection = new vscode.Selection(line, 3, line, 3);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await api.experts.viewNodes();
    assert.strictEqual(api.experts.viewState().computations, before, 'moving inside the block does not rank again');
    // Past the function's end (a blank line, then the next block) the view moves on.
    const next = Math.min(expectation.endLine + 2, editor.document.lineCount) - 1;
    editor.selection = new vscode.Selection(next, 0, next, 0);
    await eventually('a new ranking for the next block', async () => {
      await api.experts.viewNodes();
      return api.experts.viewState().computations > before && !api.experts.viewState().description?.startsWith(`lines ${expectation.startLine}–`) ? true : undefined;
    });
  });

  it('"Show all experts (N)" in the hover opens the full list of N people in the view', async () => {
    const expectation = info.expectations[0];
    const uri = fixtureUri(info, expectation.file);
    await vscode.window.showTextDocument(uri);
    const text = await eventually('the hover', () => constellationHover(uri, expectation.line));
    const link = /\[\$\(list-flat\) Show all experts \((\d+)\)\]\(command:constellation\.experts\.showAll\?([^ )]+)\)/.exec(text);
    assert.ok(link, text);
    const total = Number(link[1]);
    const args = JSON.parse(decodeURIComponent(link[2])) as [{ uri: string; startLine: number; endLine: number }];
    await vscode.commands.executeCommand('constellation.experts.showAll', ...args);
    const nodes = await viewShowing(`lines ${args[0].startLine}–${args[0].endLine} of ${path.posix.basename(expectation.file)}`);
    const all = nodes.find((n) => n.kind === 'all');
    assert.ok(all && all.kind === 'all', 'a "Show all experts" node');
    assert.strictEqual(all.total, total, 'the same number as the hover');
    assert.ok(all.expanded, 'opened');
    const listed = api.experts.groupChildren(all).map((n) => (n.kind === 'expert' ? n.expert.email : ''));
    assert.strictEqual(listed.length, total, 'lists every one of them');
    assert.strictEqual(new Set(listed).size, total, 'each once');
  });
});
