/** Getting an org directory started: the draft command, and whether a directory exists (for the walkthrough). */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { Commands } from '../contracts';
import type { ExpertsApi } from '../experts/expertsFeature';
import { Disposable } from '../platform/disposable';
import { notify } from '../platform/notify';
import type { Platform } from '../platform/platform';
import { draftDirectoryFile } from './draftDirectoryFile';

/** Context key: some workspace repository has its directory file (completes the walkthrough's step). */
export const DIRECTORY_PRESENT_CONTEXT = 'constellation.directory.present';

export class DirectoryFeature extends Disposable {
  constructor(private readonly platform: Platform, experts: ExpertsApi) {
    super();
    this.register(vscode.commands.registerCommand(Commands.directory.draft, async () => {
      try {
        const outcome = await draftDirectoryFile(platform, experts);
        void this.updateContext();
        return outcome;
      } catch (err) {
        platform.logger.error(err instanceof Error ? err : String(err));
        void notify.error(`Constellation could not write the directory: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }));
    this.register(platform.directory.onDidChange(() => void this.updateContext()));
    this.register(platform.repositories.onDidAddRepository(() => void this.updateContext()));
    void this.updateContext();
  }

  private async updateContext(): Promise<void> {
    const repositories = await this.platform.repositories.workspaceRepositories();
    const present = await Promise.all(repositories.map((r) => fs.stat(this.platform.directory.fileOf(r.root)).then((s) => s.isFile(), () => false)));
    await vscode.commands.executeCommand('setContext', DIRECTORY_PRESENT_CONTEXT, present.some(Boolean));
  }
}
