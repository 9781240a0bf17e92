/** The `constellation.patterns.*` commands. Handlers accept arguments so tests need no UI. */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { Pattern } from '../../core/patterns/patternTypes';
import type { ExpertsModule } from '../experts/registerExperts';
import { insertMarker, newPatternFromSelection, type NewPatternArgs } from './editActions';
import type { PatternPanel } from './patternPanel';
import { copyPatternLink, findUsagesWithProgress, openPatternSource, startThreadAbout } from './patternActions';
import { githubAuthProvider, readPatternSettings } from './patternSettings';
import type { PatternStore } from './patternStore';
import type { PatternsNode } from './patternTreeModel';
import type { PatternsViewProvider } from './patternsView';

interface Deps {
  store: PatternStore;
  view: PatternsViewProvider;
  panel: PatternPanel;
  experts: ExpertsModule;
  logger: Logger;
}

type PatternArg = string | PatternsNode | undefined;

async function pickPattern(store: PatternStore, placeHolder: string): Promise<Pattern | undefined> {
  const catalogue = store.catalogue();
  if (!catalogue || catalogue.patterns.length === 0) {
    void vscode.window.showInformationMessage(store.loading ? 'Pattern libraries are still loading.' : 'No pattern library found. Add one in .constellation/patterns or with the setting constellation.patterns.libraries.');
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
    if (!pattern) void vscode.window.showWarningMessage(`No pattern has the id "${arg}".`);
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
      void vscode.window.showErrorMessage(`Constellation: ${message}`);
      return undefined;
    }
  };
}

export function registerPatternCommands({ store, view, panel, experts, logger }: Deps): vscode.Disposable {
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
      if (pattern) await openPatternSource(pattern);
    }),
    register('copyLink', async (arg?: PatternArg) => {
      const pattern = await resolvePattern(store, arg, 'Copy a link to a pattern');
      return pattern ? copyPatternLink(pattern) : undefined;
    }),
    register('findUsages', async (arg?: PatternArg, options?: { show?: boolean }) => {
      const pattern = await resolvePattern(store, arg, 'Find usages of a pattern');
      return pattern ? findUsagesWithProgress(pattern, { show: options?.show ?? true }) : undefined;
    }),
    register('startThread', async (arg?: PatternArg, extra?: Record<string, unknown>) => {
      const pattern = await resolvePattern(store, arg, 'Start a thread about a pattern');
      return pattern ? startThreadAbout(pattern, typeof extra === 'object' && extra !== null ? extra : {}) : undefined;
    }),
    register('linkSelection', async (arg?: PatternArg) => {
      const editor = activeEditor();
      const pattern = await resolvePattern(store, arg, 'Link the selection to a pattern');
      return pattern ? insertMarker(editor, pattern.id) : false;
    }),
    register('newFromSelection', async (args?: NewPatternArgs) => {
      const uri = await newPatternFromSelection(activeEditor(), args ?? {}, store, experts);
      return uri?.fsPath;
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
      const session = await vscode.authentication.getSession(githubAuthProvider(readPatternSettings()), ['repo'], { createIfNone: true });
      if (session) await store.reload();
      return Boolean(session);
    }),
  );
}
