import * as vscode from 'vscode';
import type { ExpertRanking } from '../../core/experts/types';
import type { CodeTarget } from './codeTarget';
import type { ExpertServices } from './expertServices';

/** Ranks the experts of a code target using the open document's (possibly unsaved) text. */
export async function rankTarget(
  services: ExpertServices,
  target: CodeTarget | { uri: string; startLine?: undefined; endLine?: undefined },
  options: { limit?: number; signal?: AbortSignal; directoryWaitMs?: number } = {},
): Promise<{ ranking: ExpertRanking | undefined; repository?: string; indexing: boolean }> {
  const uri = vscode.Uri.parse(target.uri);
  const location = await services.resolver.locate(uri, options.signal);
  if (!location) return { ranking: undefined, indexing: false };
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.uri);
  const lines = target.startLine !== undefined;
  const ranking = await services.queries.rank({
    repository: location.repository,
    path: location.relativePath,
    kind: lines ? 'lines' : 'file',
    startLine: target.startLine,
    endLine: target.endLine,
    // Always the editor's text: saved-but-uncommitted edits must not be served from a blame cached by HEAD.
    contents: lines && document ? document.getText() : undefined,
    limit: options.limit,
    signal: options.signal,
    directoryWaitMs: options.directoryWaitMs,
  });
  const state = services.indexes.state(location.repository);
  return { ranking, repository: location.repository, indexing: state !== 'ready' && state !== 'failed' };
}
