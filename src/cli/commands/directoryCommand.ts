import { existsSync } from 'fs';
import * as path from 'path';
import { loadCodeowners } from '../../core/directory/codeowners';
import { draftDirectory } from '../../core/directory/directoryDraft';
import { GitRunner } from '../../core/git/gitRunner';
import type { Logger } from '../../core/logger';
import { writeFileAtomic } from '../../core/util/atomicWrite';
import { createIndexManager, openRepository, translateGitError } from '../context';
import { CliError, ExitCode } from '../exitCodes';

export interface DirectoryDraftOptions {
  repo?: string;
  /** Write the draft here instead of printing it; an existing file is kept unless `force`. */
  out?: string;
  force: boolean;
}

/** `constellation directory draft`: a commented directory.yml from the history and CODEOWNERS, for a person to correct. */
export async function runDirectoryDraft(options: DirectoryDraftOptions, logger: Logger): Promise<string> {
  const git = new GitRunner({ logger });
  const repo = await openRepository(git, options.repo);
  let index;
  try {
    index = await createIndexManager(git, logger).ensureFresh(repo.root);
  } catch (err) {
    throw translateGitError(err);
  }
  if (!index) throw new CliError('the repository has no history to draft a directory from', ExitCode.unknownPath);
  const codeowners = await loadCodeowners(repo.root, logger);
  const draft = draftDirectory({ index, codeowners: codeowners.rules, codeownersFile: codeowners.file, now: Math.floor(Date.now() / 1000) });
  if (!options.out) return draft.yaml.trimEnd();
  const out = path.resolve(options.out);
  if (existsSync(out) && !options.force) throw new CliError(`${out} exists; pass --force to replace it`, ExitCode.usage);
  await writeFileAtomic(out, draft.yaml);
  return `drafted ${out}: ${draft.people} people, ${draft.teams} teams, ${draft.companies} companies; check the comments, then commit it`;
}
