/** Which code the Experts view follows, and the scope the person chose for it (kept per workspace). */
import * as vscode from 'vscode';
import { EXPERTS_SCOPES, isExpertsScope, type ExpertsScope } from '../../core/presentation/expertsViewModel';
import { targetAt } from './codeTarget';
import type { RankedTarget } from './rankTarget';

export type { ExpertsScope };

const SCOPE_KEY = 'constellation.experts.scope';
/** Context key for `when` clauses (menus, keybindings). */
export const SCOPE_CONTEXT = 'constellation.experts.scope';

export const SCOPE_LABELS: Record<ExpertsScope, { label: string; detail: string; icon: string }> = {
  lines: { label: 'Lines', detail: 'The block at the cursor, or the selection', icon: 'selection' },
  file: { label: 'File', detail: 'The whole file', icon: 'file' },
  folder: { label: 'Folder', detail: 'The folder holding the file', icon: 'folder' },
};

/** The code the view shows for an editor in a scope: the hover's block (or the selection), the file, or its folder. */
export function editorTarget(editor: vscode.TextEditor, scope: ExpertsScope): RankedTarget {
  const uri = editor.document.uri.toString();
  if (scope === 'file') return { uri };
  if (scope === 'folder') return { uri, folder: true };
  return targetAt(editor.document, editor.selection.active, editor.selection);
}

/** Two targets with the same key rank the same code: no need to rank again. */
export function targetKey(target: RankedTarget): string {
  return JSON.stringify([target.uri, target.startLine ?? null, target.endLine ?? null, 'folder' in target && target.folder === true]);
}

export class ScopeState {
  private current: ExpertsScope;

  constructor(private readonly memento: vscode.Memento) {
    const saved = memento.get<unknown>(SCOPE_KEY);
    this.current = isExpertsScope(saved) ? saved : 'lines';
    void vscode.commands.executeCommand('setContext', SCOPE_CONTEXT, this.current);
  }

  get scope(): ExpertsScope {
    return this.current;
  }

  async set(scope: ExpertsScope): Promise<void> {
    this.current = scope;
    await Promise.all([this.memento.update(SCOPE_KEY, scope), vscode.commands.executeCommand('setContext', SCOPE_CONTEXT, scope)]);
  }

  /** Asks which scope to show, the current one marked. */
  async pick(): Promise<ExpertsScope | undefined> {
    const items = EXPERTS_SCOPES.map((scope) => ({
      scope,
      label: `$(${SCOPE_LABELS[scope].icon}) ${SCOPE_LABELS[scope].label}`,
      description: scope === this.current ? 'shown now' : undefined,
      detail: SCOPE_LABELS[scope].detail,
      picked: scope === this.current,
    }));
    const chosen = await vscode.window.showQuickPick(items, { title: 'Show the experts of', placeHolder: `Now: ${SCOPE_LABELS[this.current].label}` });
    return chosen?.scope;
  }
}
