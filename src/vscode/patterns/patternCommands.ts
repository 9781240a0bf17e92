/** The `constellation.patterns.*` commands. Handlers accept arguments so tests need no UI. */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { Pattern } from '../../core/patterns/patternTypes';
import * as path from 'path';
import { isIssued } from '../platform/links';
import type { Platform } from '../platform/platform';
import { insertMarker, newPatternFromSelection, type NewPatternArgs } from './editActions';
import type { PatternPanel } from './patternPanel';
import { copyPatternLink, findUsagesWithProgress, openPatternSource, startThreadAbout } from './patternActions';
import type { PatternStore } from './patternStore';
import type { PatternsNode } from './patternTreeModel';
import type { PatternsViewProvider } from './patternsView';
import { notify } from '../platform/notify';

interface Deps {
  store: PatternStore;
  view: PatternsViewProvider;
  panel: PatternPanel;
  platform: Platform;
  logger: Logger;
}

type PatternArg = string | PatternsNode | undefined;

async function pickPattern(store: PatternStore, placeHolder: string): Promise<Pattern | undefined> {
  const catalogue = store.catalogue();
  if (!catalogue || catalogue.patterns.length === 0) {
    void notify.info(store.loading ? 'Pattern libraries are still loading.' : 'No pattern library found. Add one in .constellation/patterns or with the setting constellation.patterns.libraries.');
    return undefined;
  }
  const items = [...catalogue.patterns]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((p) => ({ label: p.title, description: `${p.id} · ${p.status}`, detail: `${p.community}${p.tags.length ? ` · ${p.tags.join(', ')}` : ''} — ${p.summary}`, pattern: p }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.pattern;
}

/** A pattern from a command argument (an id or a view node), or asked for. */
async function resolvePattern(store: PatternStore, arg: PatternArg, placeHolder: string): Promise<Pattern | undefined> {
  if (typeof arg === 'string') {
    const pattern = store.catalogue()?.byId(arg);
    if (!pattern) void notify.warning(`No pattern has the id "${arg}".`);
    return pattern;
  }
  if (arg?.kind === 'pattern') return arg.pattern;
  return pickPattern(store, placeHolder);
}

/** Wraps a handler: errors become one notification and a log line. */
function guarded<A extends unknown[], R>(logger: Logger, name: string, handler: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      const message = (error as Error).message;
      logger.error(`${name}: ${message}`);
      void notify.error(`Constellation: ${message}`);
      return undefined;
    }
  };
}

export function registerPatternCommands({ store, view, panel, platform, logger }: Deps): vscode.Disposable {
  const register = <A extends unknown[], R>(id: string, handler: (...args: A) => Promise<R>) =>
    vscode.commands.registerCommand(`constellation.patterns.${id}`, guarded(logger, id, handler));
  const activeEditor = (): vscode.TextEditor => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('Open a file and select some code first.');
    return editor;
  };
  return vscode.Disposable.from(
    register('open', async (arg?: PatternArg) => {
      const pattern = await resolvePattern(store, arg, 'Open a community pattern');
      if (pattern) await panel.show(pattern);
      return pattern?.id;
    }),
    register('openSource', async (arg?: PatternArg) => {
      const pattern = await resolvePattern(store, arg, 'Open the source file of a pattern');
      if (pattern) await openPatternSource(pattern, platform.external);
    }),
    register('copyLink', async (arg?: PatternArg) => {
      const pattern = await resolvePattern(store, arg, 'Copy a link to a pattern');
      return pattern ? copyPatternLink(pattern) : undefined;
    }),
    register('findUsages', async (arg?: PatternArg, options?: { show?: boolean }) => {
      const pattern = await resolvePattern(store, arg, 'Find usages of a pattern');
      return pattern ? findUsagesWithProgress(pattern, { show: options?.show ?? true }) : undefined;
    }),
    register('startThread', async (arg?: PatternArg, extra?: { title?: string; community?: string; question?: string }) => {
      const pattern = await resolvePattern(store, arg, 'Start a thread about a pattern');
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const chosen = typeof extra === 'object' && extra !== null ? { title: text(extra.title), community: text(extra.community), question: text(extra.question) } : {};
      return pattern ? startThreadAbout(pattern, chosen) : undefined;
    }),
    register('linkSelection', async (arg?: PatternArg) => {
      const editor = activeEditor();
      // It edits the document: a pattern id only from the extension's own view nodes (or the palette's pick).
      const pattern = await resolvePattern(store, isIssued(arg) ? arg : undefined, 'Link the selection to a pattern');
      return pattern ? insertMarker(editor, pattern.id) : false;
    }),
    register('newFromSelection', async (args?: NewPatternArgs) => {
      // It writes a file: where and what only from the extension itself; anything else is asked.
      const uri = await newPatternFromSelection(activeEditor(), isIssued(args) ? (args as NewPatternArgs) : {}, store, platform.repositories);
      return uri?.fsPath;
    }),
    register('openFile', async (relativePath?: string, line?: number) => {
      // A link of a pattern document to a file of the workspace: opened read-only in the editor.
      if (typeof relativePath !== 'string') return false;
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const file = path.resolve(folder.uri.fsPath, relativePath);
        if (path.relative(folder.uri.fsPath, file).startsWith('..')) continue;
        const exists = await vscode.workspace.fs.stat(vscode.Uri.file(file)).then(() => true, () => false);
        if (!exists) continue;
        const position = new vscode.Position(Math.max(0, (typeof line === 'number' ? line : 1) - 1), 0);
        await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position), preview: true });
        return true;
      }
      void notify.info(`${relativePath} is not a file of this workspace.`);
      return false;
    }),
    register('refresh', async () => {
      await store.reload();
      view.refresh();
    }),
    register('filter', async (text?: string) => {
      const value = text ?? (await vscode.window.showInputBox({ prompt: 'Show patterns whose id, title, summary, community, tags or status contain these words', value: view.filter ?? '' }));
      if (value !== undefined) await view.setFilter(value);
    }),
    register('clearFilter', () => view.setFilter(undefined)),
    register('signIn', async () => {
      // The one GitHub session of the extension: the same consent serves threads.
      const signedIn = await platform.github.signIn();
      if (signedIn) await store.reload();
      return signedIn;
    }),
  );
}
