/** The shared pattern library: Patterns view, pattern pages, and code linked to patterns both ways. */
import * as path from 'path';
import * as vscode from 'vscode';
import { tagged } from '../../core/logger';
import type { PatternCatalogue } from '../../core/patterns/library';
import type { Pattern } from '../../core/patterns/patternTypes';
import type { ExpertsApi } from '../experts/expertsFeature';
import { affects } from '../platform/configuration';
import { Disposable } from '../platform/disposable';
import type { Platform } from '../platform/platform';
import { CodeDiagnostics, PatternCodeActions } from './codeDiagnostics';
import { DetectedUseLensProvider, MarkerHoverProvider, MarkerLinkProvider } from './codeLinks';
import { DocumentPatterns } from './documentPatterns';
import { insertMarker, newPatternFromSelection, type NewPatternArgs } from './editActions';
import { registerPatternCommands } from './patternCommands';
import { PatternPanel } from './patternPanel';
import type { PatternsApi } from './patternsApi';
import { PatternStore } from './patternStore';
import { PatternsViewProvider } from './patternsView';

const CODE_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export class PatternsFeature extends Disposable implements PatternsApi {
  readonly store: PatternStore;
  readonly view: PatternsViewProvider;
  readonly panel: PatternPanel;
  readonly documents: DocumentPatterns;
  readonly onDidChangeCatalogue: vscode.Event<void>;

  constructor(private readonly platform: Platform, experts: ExpertsApi) {
    super();
    const logger = tagged(platform.logger, 'patterns');
    const repositoryRoots = async (): Promise<string[]> => (await platform.repositories.discover()).repositories.map((r) => r.root);
    const store = this.register(new PatternStore(path.join(platform.storagePath, 'patterns'), platform.github, logger, repositoryRoots));
    const documents = new DocumentPatterns(store, logger);
    const view = this.register(new PatternsViewProvider(store, documents));
    const panel = this.register(new PatternPanel(() => platform.extensionUri, store, experts, platform.directory, platform.external, logger));
    const diagnostics = this.register(new CodeDiagnostics(documents, logger));
    const lenses = this.register(new DetectedUseLensProvider(documents, logger));
    this.store = store;
    this.documents = documents;
    this.view = view;
    this.panel = panel;
    this.onDidChangeCatalogue = store.onDidLoad;

    this.register(vscode.window.createTreeView('constellation.patternsView', { treeDataProvider: view, showCollapseAll: true }));
    this.register(vscode.languages.registerDocumentLinkProvider(CODE_SELECTOR, new MarkerLinkProvider(documents, logger)));
    this.register(vscode.languages.registerHoverProvider(CODE_SELECTOR, new MarkerHoverProvider(documents, logger)));
    this.register(vscode.languages.registerCodeLensProvider(CODE_SELECTOR, lenses));
    this.register(vscode.languages.registerCodeActionsProvider(CODE_SELECTOR, new PatternCodeActions(documents), { providedCodeActionKinds: PatternCodeActions.kinds }));
    this.register(registerPatternCommands({ store, view, panel, platform, logger }));
    this.register(store.onDidChange(() => {
      view.refresh();
      lenses.refresh();
      if (!store.loading) diagnostics.updateAll();
    }));
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => { if (editor) view.refresh(); }));
    this.register(vscode.workspace.onDidOpenTextDocument((d) => diagnostics.update(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      diagnostics.updateSoon(e.document);
      if (e.document === vscode.window.activeTextEditor?.document) view.refreshSoon();
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => {
      documents.forget(d);
      diagnostics.forget(d);
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, 'patterns.libraries')) store.scheduleReload();
      if (affects(e, 'patterns.markerKeyword')) diagnostics.updateAll();
      if (affects(e, 'patterns')) {
        lenses.refresh();
        view.refresh();
      }
    }));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => store.scheduleReload()));
    // Sign-in, sign-out, another GitHub host or API address: GitHub libraries load again.
    this.register(platform.github.onDidChange(() => store.scheduleReload()));

    // Any Markdown file may belong to a configured library (folders outside the workspace are not watched).
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*.md'));
    const onLibraryFile = (uri: vscode.Uri): void => {
      if (store.folders.some((folder) => !path.relative(folder, uri.fsPath).startsWith('..'))) store.scheduleReload();
    };
    this.register(watcher.onDidChange(onLibraryFile));
    this.register(watcher.onDidCreate(onLibraryFile));
    this.register(watcher.onDidDelete(onLibraryFile));
    // A new library folder (e.g. the first pattern in .constellation/patterns) is picked up too.
    const folderWatcher = this.register(vscode.workspace.createFileSystemWatcher('**/.constellation/patterns/**'));
    this.register(folderWatcher.onDidCreate(() => store.scheduleReload()));
    void store.reload();
  }

  catalogue(): PatternCatalogue | undefined {
    return this.store.catalogue();
  }

  patternsAt(document: vscode.TextDocument, range: vscode.Range): Pattern[] {
    return this.documents.patternsAt(document, range);
  }

  /** What the commands do when the extension itself supplies the arguments (its tests, through the test API). */
  newFromSelection(args: NewPatternArgs): Promise<vscode.Uri | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('Open a file and select some code first.');
    return newPatternFromSelection(editor, args, this.store, this.platform.repositories);
  }

  linkSelection(patternId: string): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('Open a file and select some code first.');
    return insertMarker(editor, patternId);
  }
}
