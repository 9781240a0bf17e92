import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wiring comes with the features.
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
