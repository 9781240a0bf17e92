import * as vscode from 'vscode';
import type { ExpertRanking } from '../../core/experts/types';
import type { CodeTarget } from '../contracts';
import type { ExpertServices } from './expertServices';

export type RankedTarget = CodeTarget | { uri: string; startLine?: undefined; endLine?: undefined };

export interface RankResult {
  ranking: ExpertRanking | undefined;
  repository?: string;
  /** The history index is still being built or updated: the ranking may be partial. */
  indexing: boolean;
}

/** Ranks the experts of a code target using the open document's (possibly unsaved) text. */
export async function rankTarget(
  services: ExpertServices,
  target: RankedTarget,
  options: { limit?: number; signal?: AbortSignal; directoryWaitMs?: number } = {},
): Promise<RankResult> {
  const uri = vscode.Uri.parse(target.uri);
  const location = await services.platform.repositories.locate(uri, options.signal);
  if (!location) return { ranking: undefined, indexing: false };
  const root = location.repository.root;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.uri);
  const lines = target.startLine !== undefined;
  const ranking = await services.queries.rank({
    repository: root,
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
  const state = services.indexes.state(root);
  return { ranking, repository: root, indexing: state !== 'ready' && state !== 'failed' };
}
