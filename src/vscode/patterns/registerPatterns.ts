import * as path from 'path';
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { tagged } from '../../core/logger';
import type { PatternCatalogue } from '../../core/patterns/library';
import type { Pattern } from '../../core/patterns/patternTypes';
import type { ExpertsModule } from '../experts/registerExperts';
import { CodeDiagnostics, PatternCodeActions } from './codeDiagnostics';
import { DetectedUseLensProvider, MarkerHoverProvider, MarkerLinkProvider } from './codeLinks';
import { DocumentPatterns } from './documentPatterns';
import { registerPatternCommands } from './patternCommands';
import { PatternPanel } from './patternPanel';
import type { PatternsApi } from './patternsApi';
import { PatternStore } from './patternStore';
import { PatternsViewProvider } from './patternsView';

export interface PatternsModule extends PatternsApi, vscode.Disposable {
  store: PatternStore;
  view: PatternsViewProvider;
  panel: PatternPanel;
  documents: DocumentPatterns;
}

const EXTENSION_ID = 'constellation.constellation';
const CODE_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** The shared pattern library: Patterns view, pattern pages, and code linked to patterns both ways. */
export function registerPatterns(context: vscode.ExtensionContext, rootLogger: Logger, experts: ExpertsModule): PatternsModule {
  const logger = tagged(rootLogger, 'patterns');
  const store = new PatternStore(path.join(context.globalStorageUri.fsPath, 'patterns'), logger);
  const documents = new DocumentPatterns(store, logger);
  const view = new PatternsViewProvider(store, documents);
  const extensionUri = () => context.extensionUri ?? vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri ?? vscode.Uri.file(path.resolve(__dirname, '..'));
  const panel = new PatternPanel(extensionUri, store, experts, logger);
  const diagnostics = new CodeDiagnostics(documents, logger);
  const lenses = new DetectedUseLensProvider(documents, logger);
  const treeView = vscode.window.createTreeView('constellation.patternsView', { treeDataProvider: view, showCollapseAll: true });

  const disposables: vscode.Disposable[] = [
    store,
    view,
    treeView,
    panel,
    diagnostics,
    lenses,
    vscode.languages.registerDocumentLinkProvider(CODE_SELECTOR, new MarkerLinkProvider(documents, logger)),
    vscode.languages.registerHoverProvider(CODE_SELECTOR, new MarkerHoverProvider(documents, logger)),
    vscode.languages.registerCodeLensProvider(CODE_SELECTOR, lenses),
    vscode.languages.registerCodeActionsProvider(CODE_SELECTOR, new PatternCodeActions(documents), { providedCodeActionKinds: PatternCodeActions.kinds }),
    registerPatternCommands({ store, view, panel, experts, logger }),
    store.onDidChange(() => {
      view.refresh();
      lenses.refresh();
      if (!store.loading) diagnostics.updateAll();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor) view.refresh();
    }),
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.update(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      diagnostics.updateSoon(e.document);
      if (e.document === vscode.window.activeTextEditor?.document) view.refreshSoon();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      documents.forget(d);
      diagnostics.forget(d);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('constellation.patterns.libraries') || e.affectsConfiguration('constellation.github.enterpriseUri')) store.scheduleReload();
      if (e.affectsConfiguration('constellation.patterns.markerKeyword')) diagnostics.updateAll();
      if (e.affectsConfiguration('constellation.patterns')) {
        lenses.refresh();
        view.refresh();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => store.scheduleReload()),
    vscode.authentication.onDidChangeSessions((e) => {
      if (e.provider.id === 'github' || e.provider.id === 'github-enterprise') store.scheduleReload();
    }),
  ];

  // Any Markdown file may belong to a configured library (folders outside the workspace are not watched).
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  const onLibraryFile = (uri: vscode.Uri) => {
    if (store.folders.some((folder) => !path.relative(folder, uri.fsPath).startsWith('..'))) store.scheduleReload();
  };
  disposables.push(watcher, watcher.onDidChange(onLibraryFile), watcher.onDidCreate(onLibraryFile), watcher.onDidDelete(onLibraryFile));
  // A new library folder (e.g. the first pattern in .constellation/patterns) is picked up too.
  const folderWatcher = vscode.workspace.createFileSystemWatcher('**/.constellation/patterns/**');
  disposables.push(folderWatcher, folderWatcher.onDidCreate(() => store.scheduleReload()));

  void store.reload();
  return {
    store,
    view,
    panel,
    documents,
    catalogue: (): PatternCatalogue | undefined => store.catalogue(),
    patternsAt: (document: vscode.TextDocument, range: vscode.Range): Pattern[] => documents.patternsAt(document, range),
    onDidChangeCatalogue: store.onDidLoad,
    dispose: () => vscode.Disposable.from(...disposables).dispose(),
  };
}
