/** What the Patterns view's context menu does: open the source, copy a link, find usages, start a thread. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Pattern } from '../../core/patterns/patternTypes';
import type { StartThreadArgs } from './patternsApi';
import { readPatternSettings } from './patternSettings';
import { patternSource } from './sourceLinks';
import { findPatternUsages, usageLocation, type UsageSearchResult } from './usageSearch';

export const START_THREAD_COMMAND = 'constellation.threads.start';

export async function openPatternSource(pattern: Pattern): Promise<void> {
  const source = patternSource(pattern.file, readPatternSettings().enterpriseUri);
  if (source.kind === 'file') {
    await vscode.window.showTextDocument(vscode.Uri.file(source.path), { preview: true });
  } else if (source.kind === 'web') {
    await vscode.env.openExternal(vscode.Uri.parse(source.url));
  } else {
    void vscode.window.showInformationMessage(`The source of "${pattern.title}" is not a file that can be opened.`);
  }
}

/** A Markdown link to the pattern document: a GitHub page, or its workspace-relative path. */
export function patternLink(pattern: Pattern): string {
  const source = patternSource(pattern.file, readPatternSettings().enterpriseUri);
  const target =
    source.kind === 'web'
      ? source.url
      : source.kind === 'file'
        ? vscode.workspace.asRelativePath(vscode.Uri.file(source.path), false).split(path.sep).join('/')
        : pattern.id;
  return `[${pattern.title}](${target})`;
}

export async function copyPatternLink(pattern: Pattern): Promise<string> {
  const link = patternLink(pattern);
  await vscode.env.clipboard.writeText(link);
  void vscode.window.setStatusBarMessage(`Copied a link to "${pattern.title}"`, 3000);
  return link;
}

/**
 * Runs the threads feature's command when it is there (its result is returned; `extra` passes more
 * of its arguments through, e.g. a title); says threads are coming otherwise and returns false.
 */
export async function startThreadAbout(pattern: Pattern, extra: Record<string, unknown> = {}): Promise<unknown> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(START_THREAD_COMMAND)) {
    void vscode.window.showInformationMessage('Design threads are coming soon: you will be able to discuss this pattern from here.');
    return false;
  }
  const args: StartThreadArgs = { ...extra, patternId: pattern.id };
  return vscode.commands.executeCommand(START_THREAD_COMMAND, args);
}

/** Searches the workspace with progress and shows the usages in the references panel. */
export async function findUsagesWithProgress(pattern: Pattern, options: { show: boolean }): Promise<UsageSearchResult> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Finding usages of "${pattern.title}"`, cancellable: true },
    (progress, token) =>
      findPatternUsages(pattern, {
        keyword: readPatternSettings().markerKeyword,
        token,
        progress: (done, total) => progress.report({ message: `${done}/${total} files` }),
      }),
  );
  if (options.show) {
    const locations = result.usages.map(usageLocation);
    if (locations.length === 0) {
      void vscode.window.showInformationMessage(`No usages of "${pattern.title}" found in ${result.filesSearched} files.`);
    } else {
      const first = locations[0];
      await vscode.commands.executeCommand('editor.action.showReferences', first.uri, first.range.start, locations);
    }
  }
  return result;
}
