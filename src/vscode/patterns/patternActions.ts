/** What the Patterns view's context menu does: open the source, copy a link, find usages, start a thread. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Pattern } from '../../core/patterns/patternTypes';
import { Commands, runCommand, type StartResult, type StartThreadArgs } from '../contracts';
import type { ExternalOpener } from '../platform/links';
import { readPatternSettings } from './patternSettings';
import { patternSource } from './sourceLinks';
import { findPatternUsages, usageLocation, type UsageSearchResult } from './usageSearch';
import { notify } from '../platform/notify';

export async function openPatternSource(pattern: Pattern, external: ExternalOpener): Promise<void> {
  const source = patternSource(pattern.file, readPatternSettings().githubWeb);
  if (source.kind === 'file') {
    await vscode.window.showTextDocument(vscode.Uri.file(source.path), { preview: true });
  } else if (source.kind === 'web') {
    await external.open(source.url);
  } else {
    void notify.info(`The source of "${pattern.title}" is not a file that can be opened.`);
  }
}

/** A Markdown link to the pattern document: a GitHub page, or its workspace-relative path. */
export function patternLink(pattern: Pattern): string {
  const source = patternSource(pattern.file, readPatternSettings().githubWeb);
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

/** Opens a draft thread about the pattern (`extra` passes more of its arguments, e.g. a title). */
export function startThreadAbout(pattern: Pattern, extra: StartThreadArgs = {}): Thenable<StartResult | undefined> {
  return runCommand<typeof Commands.threads.start, StartResult>(Commands.threads.start, { ...extra, patternId: pattern.id });
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
      void notify.info(`No usages of "${pattern.title}" found in ${result.filesSearched} files.`);
    } else {
      const first = locations[0];
      await vscode.commands.executeCommand('editor.action.showReferences', first.uri, first.range.start, locations);
    }
  }
  return result;
}
