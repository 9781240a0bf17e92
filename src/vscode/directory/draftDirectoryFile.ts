/**
 * "Draft Org Directory from History": a first `.constellation/directory.yml` from the repository's
 * authors (teams from CODEOWNERS, companies from email domains), opened for the person to correct.
 * An existing file is never replaced without asking.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { loadCodeowners } from '../../core/directory/codeowners';
import { draftDirectory, type DirectoryDraft } from '../../core/directory/directoryDraft';
import { GitError } from '../../core/git/gitError';
import { createFileAtomic, writeFileAtomic } from '../../core/util/atomicWrite';
import type { ExpertsApi } from '../experts/expertsFeature';
import { toAbortSignal } from '../platform/cancellation';
import { setting } from '../platform/configuration';
import { notify } from '../platform/notify';
import type { Platform } from '../platform/platform';
import { askChoice, askPick } from '../platform/prompts';
import type { GitRepository } from '../platform/repositories';

const OPEN_BESIDE = 'Open the Draft Beside It';
const REPLACE = 'Replace It';

/** What the command did: the file written, or the untitled document holding the draft. */
export type DraftOutcome = { written: string } | { untitled: string };

export async function draftDirectoryFile(platform: Platform, experts: ExpertsApi): Promise<DraftOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void notify.warning('Constellation does not run git in an untrusted workspace, so it cannot draft a directory from the history. Trust this workspace first.');
    return undefined;
  }
  const repository = await chooseRepository(platform);
  if (!repository) return undefined;
  let draft: DirectoryDraft | undefined;
  try {
    draft = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Constellation: drafting the directory of ${path.basename(repository.root)} from its history`, cancellable: true },
      (_progress, token) => draftFor(platform, experts, repository, token),
    );
  } catch (err) {
    if (err instanceof GitError && err.code === 'Aborted') return undefined;
    platform.logger.error(err instanceof Error ? err : String(err));
    void notify.error(`Constellation could not draft the directory: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  if (!draft) {
    void notify.info(`${path.basename(repository.root)} has no commit yet: there is nobody to put in a directory.`);
    return undefined;
  }
  const file = platform.directory.fileOf(repository.root);
  const shown = path.relative(repository.root, file).startsWith('..') ? file : path.relative(repository.root, file).split(path.sep).join('/');
  try {
    await createFileAtomic(file, draft.yaml);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const choice = await askChoice(
      `${shown} already exists.`,
      'Open the draft beside it to copy what you need (nothing is written), or replace your file with the draft (what it holds now is lost unless it is committed).',
      OPEN_BESIDE,
      REPLACE,
    );
    if (!choice) return undefined;
    if (choice === OPEN_BESIDE) {
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: draft.yaml });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      return { untitled: document.uri.toString() };
    }
    await writeFileAtomic(file, draft.yaml);
  }
  await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
  void notify.info(`Drafted ${shown}: ${draft.people} people, ${draft.teams} teams, ${draft.companies} companies. Check the guesses its comments explain, correct them, then commit the file.`);
  return { written: file };
}

async function draftFor(platform: Platform, experts: ExpertsApi, repository: GitRepository, token: vscode.CancellationToken): Promise<DirectoryDraft | undefined> {
  const cancel = toAbortSignal(token);
  try {
    const index = await experts.historyIndex(repository.root, cancel.signal);
    if (!index || index.commitCount === 0) return undefined;
    const codeowners = await loadCodeowners(repository.root, platform.logger);
    return draftDirectory({
      index,
      codeowners: codeowners.rules,
      codeownersFile: codeowners.file,
      now: Math.floor(Date.now() / 1000),
      extraBots: setting('experts.extraBots'),
      draftedBy: 'Constellation (Draft Org Directory from History)',
    });
  } finally {
    cancel.dispose();
  }
}

/** The repository of the active editor, else the workspace's only one, else the one the person picks. */
async function chooseRepository(platform: Platform): Promise<GitRepository | undefined> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const active = uri && (await platform.repositories.locate(uri));
  if (active) return active.repository;
  const repositories = await platform.repositories.workspaceRepositories();
  if (repositories.length === 0) {
    void notify.info('Open a folder that is a git repository to draft its org directory.');
    return undefined;
  }
  if (repositories.length === 1) return repositories[0];
  const picked = await askPick({ title: 'Draft Org Directory from History', placeholder: 'Which repository?', items: repositories.map((r) => ({ label: path.basename(r.root), description: r.root, value: r })) });
  return picked && typeof picked === 'object' ? picked : undefined;
}
