import * as vscode from 'vscode';
import * as path from 'path';
import { BlameCache } from '../../core/git/blame';
import { GitRunner } from '../../core/git/gitRunner';
import { HistoryIndexStore } from '../../core/git/indexStore';
import { DirectoryCache } from '../../core/engine/directoryCache';
import { ExpertQueryService } from '../../core/engine/expertQueryService';
import { HistoryIndexManager, type IndexProgress } from '../../core/engine/historyIndexManager';
import type { Logger } from '../../core/logger';
import { RepositoryResolver } from '../repositoryResolver';
import { readExpertSettings } from '../settings';
import { toEditorDiagnostic } from '../configDiagnostics';

/** Everything the expert features share, built once at activation. */
export interface ExpertServices {
  git: GitRunner;
  logger: Logger;
  indexes: HistoryIndexManager;
  blameCache: BlameCache;
  directories: DirectoryCache;
  queries: ExpertQueryService;
  resolver: RepositoryResolver;
  onIndexProgress: vscode.Event<IndexProgress>;
  directoryDiagnostics: vscode.DiagnosticCollection;
  dispose(): void;
}

export function createExpertServices(context: vscode.ExtensionContext, logger: Logger): ExpertServices {
  const git = new GitRunner({ logger, defaultTimeoutMs: 120_000 });
  const progress = new vscode.EventEmitter<IndexProgress>();
  const store = new HistoryIndexStore(path.join(context.globalStorageUri.fsPath, 'history'), logger);
  const warmed = new Set<string>();
  const indexes = new HistoryIndexManager(git, store, logger, (p) => {
    progress.fire(p);
    // Load the org directory while the index loads, so the first hover with experts classifies them.
    if (!warmed.has(p.repository)) {
      warmed.add(p.repository);
      void directories.get(p.repository).catch((err: Error) => logger.warn(`directory of ${p.repository}: ${err.message}`));
    }
  });
  const blameCache = new BlameCache();
  const directoryDiagnostics = vscode.languages.createDiagnosticCollection('constellation-directory');
  // Files that had problems, per repository, so a reload clears the ones since fixed.
  const reported = new Map<string, vscode.Uri[]>();
  const directories = new DirectoryCache(logger, readExpertSettings().directoryPath, (repository, diagnostics) => {
    for (const uri of reported.get(repository) ?? []) directoryDiagnostics.delete(uri);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) {
      const file = path.isAbsolute(d.file) ? d.file : path.join(repository, d.file);
      byFile.set(file, [...(byFile.get(file) ?? []), toEditorDiagnostic(d)]);
      logger.warn(`${d.file}:${d.line}:${d.column}: ${d.message}`);
    }
    const uris: vscode.Uri[] = [];
    for (const [file, list] of byFile) {
      const uri = vscode.Uri.file(file);
      directoryDiagnostics.set(uri, list);
      uris.push(uri);
    }
    reported.set(repository, uris);
  });
  const queries = new ExpertQueryService(git, indexes, blameCache, directories, () => readExpertSettings().model(Date.now() / 1000), logger);
  return {
    git,
    logger,
    indexes,
    blameCache,
    directories,
    queries,
    resolver: new RepositoryResolver(git),
    onIndexProgress: progress.event,
    directoryDiagnostics,
    dispose: () => {
      indexes.cancelAll();
      progress.dispose();
      directoryDiagnostics.dispose();
    },
  };
}
