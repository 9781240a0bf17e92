import * as vscode from 'vscode';
import { channelLogger } from './vscode/logging';
import { registerExperts } from './vscode/experts/registerExperts';
import type { ExpertsNode } from './vscode/experts/expertsView';

/** What the extension exposes to other extensions and to its integration tests. */
export interface ConstellationApi {
  experts: {
    viewNodes(): Promise<ExpertsNode[]>;
    groupChildren(node: ExpertsNode): ExpertsNode[];
  };
}

export function activate(context: vscode.ExtensionContext): ConstellationApi {
  const channel = vscode.window.createOutputChannel('Constellation', { log: true });
  const logger = channelLogger(channel);
  context.subscriptions.push(
    channel,
    vscode.commands.registerCommand('constellation.showLog', () => channel.show()),
  );
  const experts = registerExperts(context, logger);
  context.subscriptions.push(experts);
  return {
    experts: {
      viewNodes: () => experts.view.roots(),
      groupChildren: (node) => experts.view.getChildren(node) as ExpertsNode[],
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
