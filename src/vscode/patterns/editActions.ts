/** Editing commands: mark the selection as using a pattern; draft a new pattern from the selection. */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { markerComment } from '../../core/patterns/markers';
import { writeFileAtomic } from '../../core/util/atomicWrite';
import type { RepositoryRegistry } from '../platform/repositories';
import { DEFAULT_WORKSPACE_LIBRARY, parseLibraryEntry } from './libraryEntries';
import { idFromTitle, newPatternDocument, validatePatternId } from './newPatternDocument';
import type { PatternStore } from './patternStore';
import { readPatternSettings } from './patternSettings';
import { askPick, askText, BACK, outcome, runSteps, type Step } from '../platform/prompts';

/** Inserts `// pattern: <id>` (in the language's comment syntax) above the selection, at its indentation. */
export async function insertMarker(editor: vscode.TextEditor, patternId: string): Promise<boolean> {
  const document = editor.document;
  const line = document.lineAt(editor.selection.start.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const comment = markerComment(document.languageId, patternId, { keyword: readPatternSettings().markerKeyword });
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  return editor.edit((edit) => edit.insert(new vscode.Position(line.lineNumber, 0), `${indent}${comment}${eol}`));
}

export interface NewPatternArgs {
  title?: string;
  id?: string;
  summary?: string;
  community?: string;
  /** Library folder (absolute) to create the document in. */
  folder?: string;
}

const NEW_COMMUNITY = Symbol('new community');

/**
 * Asks what is missing from `args`, one numbered step per question (tests pass everything);
 * undefined when the person cancels at any step. Nothing is written until every answer is in.
 */
async function completeArgs(args: NewPatternArgs, store: PatternStore): Promise<Required<NewPatternArgs> | undefined> {
  const catalogue = store.catalogue();
  const exists = (id: string) => catalogue?.byId(id) !== undefined;
  const folders = libraryFolders(store);
  const answers: NewPatternArgs = { ...args, folder: args.folder ?? (folders.length === 1 ? folders[0] : undefined) };
  if (answers.id !== undefined) {
    const problem = validatePatternId(answers.id, exists);
    if (problem) throw new Error(problem);
  }
  const title = 'New Pattern from Selection';
  const steps: Array<Step<NewPatternArgs>> = [];
  if (args.title === undefined) {
    steps.push(async (state, at) => outcome(await askText({ title, ...at, prompt: 'Title of the pattern', value: state.title, validate: (v) => (v.trim() ? undefined : 'A title is needed') }), (v) => (state.title = v.trim())));
  }
  if (args.id === undefined) {
    steps.push(async (state, at) => outcome(await askText({ title, ...at, prompt: 'Id (kebab-case, used in markers)', value: state.id ?? idFromTitle(state.title ?? ''), validate: (v) => validatePatternId(v, exists) }), (v) => (state.id = v)));
  }
  if (args.summary === undefined) {
    steps.push(async (state, at) => outcome(await askText({ title, ...at, prompt: 'Summary: one sentence, the problem this pattern solves and how', value: state.summary, validate: validateSummary }), (v) => (state.summary = v.trim())));
  }
  if (args.community === undefined) {
    steps.push(async (state, at) => {
      const items = [...(catalogue?.communities() ?? [])].map((c) => ({ label: c, value: c as string | typeof NEW_COMMUNITY }));
      items.push({ label: '$(add) New community…', value: NEW_COMMUNITY });
      for (;;) {
        const picked = await askPick({ title, ...at, placeholder: 'Community', items });
        if (picked !== NEW_COMMUNITY) return outcome(picked, (v) => (state.community = v as string));
        // Naming a new community is part of the same step; Back returns to the list.
        const named = await askText({ title: `${title}: new community`, ...at, prompt: 'Community id (kebab-case)', validate: validateCommunity });
        if (named !== BACK) return outcome(named, (v) => (state.community = v.trim()));
      }
    });
  }
  if (answers.folder === undefined) {
    steps.push(async (state, at) => outcome(await askPick({ title, ...at, placeholder: 'Library folder', items: folders.map((f) => ({ label: vscode.workspace.asRelativePath(f), description: f, value: f })) }), (v) => (state.folder = v)));
  }
  if (!(await runSteps(answers, steps))) return undefined;
  const { id, summary, community, folder } = answers;
  if (!answers.title || !id || !summary || !community || !folder) return undefined;
  return { title: answers.title.trim(), id, summary: summary.trim(), community: community.trim(), folder };
}

function validateSummary(value: string): string | undefined {
  if (!value.trim()) return 'A summary is needed: one sentence';
  return /[\r\n]/.test(value) ? 'One line, please' : undefined;
}

function validateCommunity(value: string): string | undefined {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value.trim()) ? undefined : 'Use lower-case letters, digits and single dashes, e.g. api-design.';
}

/** The local library folders a new pattern may go to (the workspace's default one included). */
function libraryFolders(store: PatternStore): string[] {
  const defaultEntry = parseLibraryEntry(DEFAULT_WORKSPACE_LIBRARY);
  const folders = new Set(store.folders);
  const first = vscode.workspace.workspaceFolders?.[0];
  if (first && defaultEntry?.kind === 'workspace') folders.add(path.join(first.uri.fsPath, defaultEntry.base));
  return [...folders];
}

/** Creates a draft pattern from the selection and opens it; returns the new file. */
export async function newPatternFromSelection(editor: vscode.TextEditor, args: NewPatternArgs, store: PatternStore, repositories: RepositoryRegistry): Promise<vscode.Uri | undefined> {
  const complete = await completeArgs(args, store);
  if (!complete) return undefined;
  const document = editor.document;
  const selection = editor.selection;
  const startLine = selection.start.line + 1;
  const endLine = selection.end.line > selection.start.line && selection.end.character === 0 ? selection.end.line : selection.end.line + 1;
  const range = new vscode.Range(startLine - 1, 0, endLine - 1, document.lineAt(endLine - 1).text.length);
  const location = await repositories.locate(document.uri);
  const examplePath = location?.relativePath ?? vscode.workspace.asRelativePath(document.uri, false);
  const maintainer = location ? await location.repository.userEmail() : undefined;
  const file = path.join(complete.folder, complete.community, `${complete.id}.md`);
  if (await fs.stat(file).then(() => true, () => false)) throw new Error(`${file} already exists.`);
  const text = newPatternDocument({
    id: complete.id,
    title: complete.title,
    summary: complete.summary,
    community: complete.community,
    maintainer,
    languageId: document.languageId,
    examplePath,
    startLine,
    endLine,
    snippet: document.getText(range),
  });
  await writeFileAtomic(file, text);
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(uri);
  store.scheduleReload();
  return uri;
}
