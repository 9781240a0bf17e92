import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { readExpertSettings } from '../settings';
import { registerExpertCommands } from './expertCommands';
import { ExpertHoverProvider } from './expertHoverProvider';
import { createExpertServices, type ExpertServices } from './expertServices';
import { ExpertsViewProvider } from './expertsView';
import { IndexController } from './indexController';

export interface ExpertsModule extends vscode.Disposable {
  services: ExpertServices;
  view: ExpertsViewProvider;
  indexing: IndexController;
}

/** The "who knows this code" feature: hover, Experts view, commands, background indexing. */
export function registerExperts(context: vscode.ExtensionContext, logger: Logger): ExpertsModule {
  const services = createExpertServices(context, logger);
  const indexing = new IndexController(services);
  const view = new ExpertsViewProvider(services);
  const disposables: vscode.Disposable[] = [
    { dispose: () => services.dispose() },
    indexing,
    view,
    vscode.window.createTreeView('constellation.experts', { treeDataProvider: view, showCollapseAll: true }),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new ExpertHoverProvider(services, indexing)),
    registerExpertCommands(services, view, indexing),
    indexing.onDidChangeIndex(() => view.refresh()),
  ];

  const trackOpenDocuments = (): void => {
    for (const editor of vscode.window.visibleTextEditors) void indexing.trackDocument(editor.document.uri);
  };
  disposables.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => { if (editor) void indexing.trackDocument(editor.document.uri); }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => { trackOpenDocuments(); view.refresh(); }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('constellation.directory.path')) services.directories.setDirectoryPath(readExpertSettings().directoryPath);
      if (e.affectsConfiguration('constellation')) view.refresh();
    }),
  );

  const orgFiles = vscode.workspace.createFileSystemWatcher('**/{.constellation/*.yml,CODEOWNERS,.github/CODEOWNERS,docs/CODEOWNERS,.mailmap}');
  const orgChanged = async (): Promise<void> => {
    services.directories.invalidate();
    services.queries.invalidateYou();
    view.refresh();
    // Reload now, so the directory's diagnostics follow the file as it is edited.
    for (const repo of await services.resolver.known()) void services.directories.get(repo.root);
  };
  orgFiles.onDidChange(() => void orgChanged());
  orgFiles.onDidCreate(() => void orgChanged());
  orgFiles.onDidDelete(() => void orgChanged());
  disposables.push(orgFiles);

  trackOpenDocuments();
  if (vscode.workspace.isTrusted) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      void indexing.trackFolder(folder.uri);
    }
  }
  return { services, view, indexing, dispose: () => vscode.Disposable.from(...disposables).dispose() };
}
