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
  community?: string;
  /** Library folder (absolute) to create the document in. */
  folder?: string;
}

/** Asks what is missing from `args` (tests pass everything); undefined when the user cancels. */
async function completeArgs(args: NewPatternArgs, store: PatternStore): Promise<Required<NewPatternArgs> | undefined> {
  const catalogue = store.catalogue();
  const exists = (id: string) => catalogue?.byId(id) !== undefined;
  const title = args.title ?? (await vscode.window.showInputBox({ title: 'New Pattern (1/4)', prompt: 'Title of the pattern', validateInput: (v) => (v.trim() ? undefined : 'A title is needed') }));
  if (!title) return undefined;
  const id =
    args.id ??
    (await vscode.window.showInputBox({ title: 'New Pattern (2/4)', prompt: 'Id (kebab-case, used in markers)', value: idFromTitle(title), validateInput: (v) => validatePatternId(v, exists) }));
  if (!id) return undefined;
  const problem = validatePatternId(id, exists);
  if (problem) throw new Error(problem);
  const communities = catalogue?.communities() ?? [];
  const community =
    args.community ??
    (await vscode.window.showQuickPick([...communities, '$(add) New community…'], { title: 'New Pattern (3/4)', placeHolder: 'Community' }).then((picked) =>
      picked?.startsWith('$(add)') ? vscode.window.showInputBox({ prompt: 'Community name (kebab-case)' }) : picked,
    ));
  if (!community) return undefined;
  const folder = args.folder ?? (await pickFolder(store));
  if (!folder) return undefined;
  return { title: title.trim(), id, community: community.trim(), folder };
}

async function pickFolder(store: PatternStore): Promise<string | undefined> {
  const defaultEntry = parseLibraryEntry(DEFAULT_WORKSPACE_LIBRARY);
  const folders = new Set(store.folders);
  const first = vscode.workspace.workspaceFolders?.[0];
  if (first && defaultEntry?.kind === 'workspace') folders.add(path.join(first.uri.fsPath, defaultEntry.base));
  const list = [...folders];
  if (list.length === 1) return list[0];
  return vscode.window.showQuickPick(list, { title: 'New Pattern (4/4)', placeHolder: 'Library folder' });
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
