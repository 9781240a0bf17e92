import * as vscode from 'vscode';
import type { IndexState, IndexUpdateKind } from './core/engine/historyIndexManager';
import { channelLogger } from './vscode/logging';
import { registerExperts, type ExpertsModule } from './vscode/experts/registerExperts';
import type { ExpertsNode } from './vscode/experts/expertsView';
import { registerPatterns, type PatternsModule } from './vscode/patterns/registerPatterns';
import { patternsTestApi, type PatternsTestApi } from './vscode/patterns/patternsTestApi';
import { registerThreads, type ThreadsModule } from './vscode/threads/registerThreads';
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

interface Modules {
  experts: ExpertsModule;
  patterns: PatternsModule;
  threads: ThreadsModule;
}

let activeContext: vscode.ExtensionContext | undefined;
/** The host keeps the API object of the first activation; it must reach the latest modules. */
let latest: Modules | undefined;

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
  const modules: Modules = { experts, patterns, threads };
  latest = modules;
  const current = (): Modules => latest ?? modules;
  return {
    experts: {
      viewNodes: () => current().experts.view.roots(),
      groupChildren: (node) => current().experts.view.getChildren(node) as ExpertsNode[],
      indexState: (repository) => {
        const { indexes } = current().experts.services;
        return { state: indexes.state(repository), lastUpdate: indexes.lastUpdate(repository) };
      },
    },
    patterns: patternsTestApi(() => current().patterns),
    threads: threadsTestApi(() => current().threads),
  };
}

/** Disposes everything activation registered; safe to call more than once. */
export function deactivate(): void {
  for (const disposable of activeContext?.subscriptions.splice(0) ?? []) disposable.dispose();
  activeContext = undefined;
}
