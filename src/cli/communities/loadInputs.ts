/**
 * Gathers what `constellation communities` computes from: the history index of every `--repo`
 * (persisted and updated like `constellation index`), the communities config, the org directory,
 * the pattern documents of `.constellation/patterns/`, and the threads of `files` venues.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { parseCommunities } from '../../core/communities/parseCommunities';
import { COMMUNITIES_SIZE_ADVICE } from '../../core/communities/loadCommunities';
import { MAX_COMMUNITIES_BYTES, readConfigFile, tooLarge, type ConfigRead } from '../../core/config/configFile';
import type { Community } from '../../core/communities/communityTypes';
import type { CommunityInputs, CommunityThreads, RepositoryHistory } from '../../core/communities/reportInputs';
import type { ConfigDiagnostic } from '../../core/directory/types';
import { loadDirectory } from '../../core/directory/orgDirectory';
import { GitRunner } from '../../core/git/gitRunner';
import { currentUserEmail } from '../../core/git/repositoryConfig';
import type { Logger } from '../../core/logger';
import { loadFolderLibrary } from '../../core/patterns/sources/folderSource';
import type { Pattern } from '../../core/patterns/patternTypes';
import { FileThreadStore } from '../../core/threads/fileStore';
import { parseRemoteUrl } from '../../core/threads/permalink';
import { createIndexManager, openRepository, translateGitError, type CliRepository } from '../context';
import { CliError, ExitCode } from '../exitCodes';

const CONFIG = '.constellation/communities.yml';

export interface LoadOptions {
  /** `DIR` or `NAME=DIR`, in order; the current folder when empty. */
  repos: string[];
  config?: string;
  directory?: string;
}

export interface LoadedInputs {
  inputs: CommunityInputs;
  diagnostics: ConfigDiagnostic[];
  notes: string[];
  /** `git config user.email` of the home repository (else the first): "you", for relationships. */
  you?: string;
}

export async function loadCommunityInputs(options: LoadOptions, logger: Logger): Promise<LoadedInputs> {
  const git = new GitRunner({ logger, defaultTimeoutMs: 600_000 });
  const manager = createIndexManager(git, logger);
  const specs = options.repos.length > 0 ? options.repos : [process.cwd()];
  const repos: Array<CliRepository & { name: string }> = [];
  const repositories: RepositoryHistory[] = [];
  for (const spec of specs) {
    const named = /^([\w.-]+(?:\/[\w.-]+)?)=(.+)$/.exec(spec);
    const dir = named && existsSync(named[2]) ? named[2] : spec;
    const repo = await openRepository(git, dir);
    const name = named && dir === named[2] ? named[1] : await repositoryName(git, repo);
    if (repositories.some((r) => r.name === name)) throw new CliError(`two repositories are named '${name}': name them with --repo NAME=DIR`, ExitCode.usage);
    const index = await manager.ensureFresh(repo.root).catch((err) => { throw translateGitError(err); });
    if (!index) throw new CliError(`cannot index ${repo.root}`, ExitCode.failed);
    repos.push({ ...repo, name });
    repositories.push({ name, index });
  }

  const notes: string[] = [];
  const { communities, diagnostics, home, configFile } = await readConfig(git, repos, options.config);
  if (!configFile) notes.push(`no ${CONFIG} in ${repos.map((r) => r.root).join(', ')} and no --config: no declared communities`);
  const { directory, diagnostics: directoryProblems } = await loadDirectory(repos[0].root, { directoryPath: options.directory && path.resolve(options.directory), logger });
  diagnostics.push(...directoryProblems);
  const patterns = await readPatterns(repos, logger);
  const homeRoot = home ? repos.find((r) => r.name === home)!.root : undefined;
  const threads = await readThreads(communities, homeRoot ?? (configFile ? path.dirname(configFile) : process.cwd()), logger, notes);
  const you = await currentUserEmail(git, homeRoot ?? repos[0].root).catch(() => undefined);
  return { inputs: { communities, repositories, homeRepository: home, patterns, threads, directory }, diagnostics, notes, ...(you ? { you } : {}) };
}

/** `owner/name` of the origin remote, else the folder's name (without `.git`). */
async function repositoryName(git: GitRunner, repo: CliRepository): Promise<string> {
  try {
    const url = (await git.run(['config', '--get', 'remote.origin.url'], { cwd: repo.root })).trim();
    const remote = url ? parseRemoteUrl(url) : undefined;
    if (remote) return `${remote.owner}/${remote.name}`;
  } catch {
    // No origin: the folder name will do.
  }
  return path.basename(repo.root).replace(/\.git$/, '') || repo.root;
}

function readCommunitiesFile(file: string): Promise<ConfigRead> {
  return readConfigFile(file, MAX_COMMUNITIES_BYTES, 'the communities file', COMMUNITIES_SIZE_ADVICE);
}

/** A bare repository's committed communities.yml, under the same cap as a file. */
async function readCommittedCommunities(git: GitRunner, root: string, file: string): Promise<ConfigRead> {
  const text = await git.run(['show', `HEAD:${CONFIG}`], { cwd: root }).catch(() => undefined);
  if (text === undefined) return { kind: 'missing' };
  if (Buffer.byteLength(text) > MAX_COMMUNITIES_BYTES) return { kind: 'problem', diagnostic: tooLarge(file, MAX_COMMUNITIES_BYTES, 'the communities file', COMMUNITIES_SIZE_ADVICE) };
  return { kind: 'text', text };
}

async function readConfig(git: GitRunner, repos: ReadonlyArray<CliRepository & { name: string }>, explicit: string | undefined): Promise<{ communities: Community[]; diagnostics: ConfigDiagnostic[]; home?: string; configFile?: string }> {
  if (explicit) {
    const file = path.resolve(explicit);
    const read = await readCommunitiesFile(file);
    if (read.kind === 'missing') throw new CliError(`cannot read ${file}: no such file`, ExitCode.usage);
    if (read.kind === 'problem') throw new CliError(read.diagnostic.message, ExitCode.usage);
    return { ...parseCommunities(read.text, file), configFile: file };
  }
  for (const repo of repos) {
    const file = path.join(repo.root, CONFIG);
    const read = repo.bare ? await readCommittedCommunities(git, repo.root, file) : await readCommunitiesFile(file);
    if (read.kind === 'missing') continue;
    if (read.kind === 'problem') return { communities: [], diagnostics: [read.diagnostic], home: repo.name, configFile: file };
    return { ...parseCommunities(read.text, file), home: repo.name, configFile: file };
  }
  return { communities: [], diagnostics: [] };
}

async function readPatterns(repos: readonly CliRepository[], logger: Logger): Promise<Pattern[]> {
  const patterns: Pattern[] = [];
  for (const repo of repos) {
    const root = path.join(repo.root, '.constellation', 'patterns');
    if (repo.bare || !existsSync(root)) continue;
    patterns.push(...(await loadFolderLibrary({ root, logger })).patterns);
  }
  return patterns;
}

/** Threads of `files` venues (relative paths against `baseDir`); GitHub venues need the editor's sign-in. */
async function readThreads(communities: readonly Community[], baseDir: string, logger: Logger, notes: string[]): Promise<CommunityThreads[]> {
  const store = new FileThreadStore({ logger, baseDir });
  const result: CommunityThreads[] = [];
  for (const c of communities) {
    if (!c.venue) continue;
    if (c.venue.backend !== 'files') {
      notes.push(`${c.id}: threads in ${c.venue.backend} (${c.venue.repository}) are read by the editor, not the CLI; its thread figures are missing`);
      continue;
    }
    try {
      const scan = await store.scan({ backend: 'files', path: path.resolve(baseDir, c.venue.path) });
      result.push({ community: c.id, threads: scan.threads });
      for (const problem of scan.problems) notes.push(`${c.id}: skipped thread file ${problem.file}: ${problem.message}`);
    } catch (err) {
      notes.push(`${c.id}: cannot read its threads: ${(err as Error).message}`);
    }
  }
  return result;
}
