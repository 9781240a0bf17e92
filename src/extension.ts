import * as vscode from 'vscode';
import type { IndexState, IndexUpdateKind } from './core/engine/historyIndexManager';
import { channelLogger } from './vscode/logging';
import { registerExperts } from './vscode/experts/registerExperts';
import type { ExpertsNode } from './vscode/experts/expertsView';
import { registerPatterns } from './vscode/patterns/registerPatterns';
import { patternsTestApi, type PatternsTestApi } from './vscode/patterns/patternsTestApi';
import { registerThreads } from './vscode/threads/registerThreads';
import { threadsTestApi, type ThreadsTestApi } from './vscode/threads/threadsTestApi';

/** What the extension exposes to other extensions and to its integration tests. */
export interface ConstellationApi {
  experts: {
    viewNodes(): Promise<ExpertsNode[]>;
    groupChildren(node: ExpertsNode): ExpertsNode[];
    indexState(repository: string): { state: IndexState; lastUpdate?: IndexUpdateKind };
  };
  patterns: PatternsTestApi;
  threads: ThreadsTestApi;
}

let activeContext: vscode.ExtensionContext | undefined;

export function activate(context: vscode.ExtensionContext): ConstellationApi {
  activeContext = context;
  const channel = vscode.window.createOutputChannel('Constellation', { log: true });
  const logger = channelLogger(channel);
  context.subscriptions.push(channel, vscode.commands.registerCommand('constellation.showLog', () => channel.show()));
  const experts = registerExperts(context, logger);
  context.subscriptions.push(experts);
  const patterns = registerPatterns(context, logger, experts);
  context.subscriptions.push(patterns);
  const threads = registerThreads(context, logger, experts, patterns);
  context.subscriptions.push(threads);
  return {
    patterns: patternsTestApi(patterns),
    threads: threadsTestApi(threads),
    experts: {
      viewNodes: () => experts.view.roots(),
      groupChildren: (node) => experts.view.getChildren(node) as ExpertsNode[],
      indexState: (repository) => ({ state: experts.services.indexes.state(repository), lastUpdate: experts.services.indexes.lastUpdate(repository) }),
    },
  };
}

/** Disposes everything activation registered; safe to call more than once. */
export function deactivate(): void {
  for (const disposable of activeContext?.subscriptions.splice(0) ?? []) disposable.dispose();
  activeContext = undefined;
}
