import { silentLogger, type Logger } from '../logger';
import { CoChangeRecorder, copyCoChange, emptyCoChange, type CoChangeData } from './coChange';
import { GitError } from './gitError';
import type { GitRunner } from './gitRunner';
import { HistoryReplay, personKey } from './historyReplay';
import type { FileHistory, HistoryIndexData, PersonRecord } from './historyTypes';
import { HISTORY_INDEX_FORMAT_VERSION } from './indexStore';
import { LOG_FORMAT, LogStreamParser, parseContact, type FileChange } from './logParser';
import { resolveContacts } from './mailmap';
import { changesOfPaths, missingObjectOf, NO_FETCH_ENV, pathspec, pathsNeedingMissingBlobs } from './missingObjects';
import { isAncestor, isShallow, resolveHead, resolveRevision } from './repository';

export interface BuildHistoryOptions {
  /** Build the index as of this revision instead of HEAD. */
  until?: string;
  signal?: AbortSignal;
  onProgress?: (commitsRead: number) => void;
  /** Commits between two progress reports (default 1000). */
  progressEvery?: number;
  logger?: Logger;
}

export type HistoryUpdateMode = 'unchanged' | 'incremental' | 'rebuilt';

const PROGRESS_EVERY = 1000;
/** More paths than this with missing blobs (a big partial clone): exact renames only, for the whole history. */
const MAX_SKIPPED_PATHS = 1000;

/** Full rename detection (optionally skipping some paths), exact renames only (object ids, no blob read), or none. */
export type RenameDetection = { mode: 'detect'; skip?: readonly string[] } | { mode: 'exact' } | { mode: 'none' };

/**
 * The exact `git log` arguments of the history pass (to be run after GIT_GLOBAL_ARGS). Oldest
 * commit first, parents before children, so replaying follows renames forward. Name-status only:
 * numstat would need every blob and is several times slower. Merges show no diff (see
 * HistoryReplay for the merge rule); `--root` keeps the first commit's additions whatever the
 * user's log.showRoot says. Paths skipped by rename detection are left out of this pass (every
 * commit still listed: --full-history --sparse) and read by a second one.
 */
export function historyLogArgs(range?: string, options: { renames?: boolean | RenameDetection } = {}): string[] {
  const renames: RenameDetection = options.renames === false ? { mode: 'none' } : options.renames === true || options.renames === undefined ? { mode: 'detect' } : options.renames;
  const skip = renames.mode === 'detect' ? renames.skip ?? [] : [];
  return [
    '-c',
    'log.showSignature=false',
    'log',
    '--use-mailmap',
    '-z',
    '--name-status',
    renames.mode === 'none' ? '--no-renames' : renames.mode === 'exact' ? '-M100%' : '-M',
    '--no-ext-diff',
    '--diff-merges=off',
    '--root',
    '--date-order',
    '--reverse',
    ...(skip.length > 0 ? ['--full-history', '--sparse'] : []),
    `--format=${LOG_FORMAT}`,
    range ?? 'HEAD',
    '--',
    ...(skip.length > 0 ? pathspec(skip, 'exclude') : []),
  ];
}

/** Reads the whole history up to HEAD (or `until`) in one streaming `git log` pass. */
export async function buildHistoryIndex(
  git: GitRunner,
  repoRoot: string,
  options: BuildHistoryOptions = {},
): Promise<HistoryIndexData> {
  const { signal } = options;
  const head = options.until ? await resolveRevision(git, repoRoot, options.until, signal) : await resolveHead(git, repoRoot, signal);
  const shallow = await isShallow(git, repoRoot, signal);
  const index = emptyIndex(repoRoot, head ?? '', shallow);
  if (!head) {
    return index;
  }
  const replay = await replayRange(git, repoRoot, head, () => ({ files: new Map(), people: new Map(), coChange: emptyCoChange() }), shallow, options);
  index.files = replay.files;
  index.people = replay.people;
  index.coChange = replay.coChange;
  index.commitCount = replay.commitCount;
  await finish(git, index, replay, options);
  return index;
}

/**
 * Brings an index up to HEAD (or `until`). The given index is never modified: an incremental
 * update works on a copy, so a failure or cancellation leaves the caller's index intact.
 */
export async function updateHistoryIndex(
  git: GitRunner,
  index: HistoryIndexData,
  options: BuildHistoryOptions = {},
): Promise<{ index: HistoryIndexData; mode: HistoryUpdateMode }> {
  const { signal } = options;
  const logger = options.logger ?? silentLogger;
  const root = index.repository;
  const target = options.until ? await resolveRevision(git, root, options.until, signal) : await resolveHead(git, root, signal);
  const shallow = await isShallow(git, root, signal);
  const rebuild = async (): Promise<{ index: HistoryIndexData; mode: HistoryUpdateMode }> => ({
    index: await buildHistoryIndex(git, root, options),
    mode: 'rebuilt',
  });
  if (index.formatVersion !== HISTORY_INDEX_FORMAT_VERSION || shallow !== index.shallow) {
    return rebuild();
  }
  if ((target ?? '') === index.head) {
    return { index, mode: 'unchanged' };
  }
  if (!target || !index.head || !(await reachableFrom(git, root, index.head, target, signal))) {
    logger.info(`History of ${root} was rewritten (${index.head.slice(0, 10) || 'empty'} → ${target?.slice(0, 10) ?? 'empty'}): rebuilding`);
    return rebuild();
  }
  // Fresh maps sharing the records of `index`; the replay copies a record before changing it.
  // An index persisted before co-change data existed is rebuilt (format version), so this is set.
  const copyOfIndex = (): ReplayState => ({ files: new Map(index.files), people: new Map(index.people), coChange: copyCoChange(index.coChange ?? emptyCoChange()) });
  const replay = await replayRange(git, root, `${index.head}..${target}`, copyOfIndex, shallow, options, true);
  if (replay.mailmapChanged) {
    logger.info(`.mailmap changed in ${root}: rebuilding so every identity is mapped the same way`);
    return rebuild();
  }
  const updated: HistoryIndexData = {
    ...index,
    head: target,
    files: replay.files,
    people: replay.people,
    coChange: replay.coChange,
    commitCount: index.commitCount + replay.commitCount,
  };
  await finish(git, updated, replay, options);
  return { index: updated, mode: 'incremental' };
}

function emptyIndex(repository: string, head: string, shallow: boolean): HistoryIndexData {
  return {
    formatVersion: HISTORY_INDEX_FORMAT_VERSION,
    repository,
    head,
    shallow,
    commitCount: 0,
    people: new Map(),
    files: new Map(),
    coChange: emptyCoChange(),
    updatedAt: Math.floor(Date.now() / 1000),
  };
}

async function reachableFrom(git: GitRunner, root: string, old: string, target: string, signal?: AbortSignal): Promise<boolean> {
  try {
    return await isAncestor(git, root, old, target, signal);
  } catch (err) {
    if (err instanceof GitError && err.code !== 'Aborted' && err.code !== 'Timeout') {
      return false; // the old head is gone (garbage collected after a rewrite)
    }
    throw err;
  }
}

const FATAL_GIT_ERRORS = ['Aborted', 'Timeout', 'GitNotFound', 'NotARepository'];

/**
 * Streams `git log` for `range` into a replay over the state `base()` returns, never fetching from
 * a promisor remote. When git cannot read an object (a damaged repository, a partial clone), the
 * paths whose blobs rename detection would need are left out of it (their changes are read by a
 * second pass without renames) and the history is read again; only when that does not settle it
 * does the whole pass fall back to exact renames (object ids, no blob read), then to none.
 */
async function replayRange(
  git: GitRunner,
  root: string,
  range: string,
  base: () => ReplayState,
  shallow: boolean,
  options: BuildHistoryOptions,
  copyOnWrite = false,
): Promise<ReplayResult> {
  const logger = options.logger ?? silentLogger;
  let failure: GitError;
  try {
    return await streamInto(git, root, range, base(), shallow, { mode: 'detect' }, options, copyOnWrite);
  } catch (err) {
    if (!(err instanceof GitError) || FATAL_GIT_ERRORS.includes(err.code)) throw err;
    failure = err;
  }
  const oid = missingObjectOf(failure);
  if (oid) {
    const { paths, missingObjects } = await pathsNeedingMissingBlobs(git, root, range, options.signal);
    if (paths.length > 0 && paths.length <= MAX_SKIPPED_PATHS) {
      logger.warn(`git cannot read ${missingObjects} object(s) of ${root} (first: ${oid}): rename detection skips ${paths.join(', ')}; the rest keeps it`);
      try {
        const extra = await changesOfPaths(git, root, range, paths, options.signal);
        return await streamInto(git, root, range, base(), shallow, { mode: 'detect', skip: paths }, options, copyOnWrite, extra);
      } catch (err) {
        if (!(err instanceof GitError) || FATAL_GIT_ERRORS.includes(err.code)) throw err;
        failure = err;
      }
    } else if (paths.length > MAX_SKIPPED_PATHS) {
      logger.warn(`${paths.length} paths of ${root} have missing blobs (a partial clone?): only exact renames are followed`);
    }
  }
  for (const renames of [{ mode: 'exact' }, { mode: 'none' }] as const) {
    logger.warn(`git log failed in ${root} (${failure.message}); reading again with ${renames.mode === 'exact' ? 'exact renames only' : 'no rename detection'}`);
    try {
      return await streamInto(git, root, range, base(), shallow, renames, options, copyOnWrite);
    } catch (err) {
      if (!(err instanceof GitError) || FATAL_GIT_ERRORS.includes(err.code) || renames.mode === 'none') throw err;
      failure = err;
    }
  }
  throw failure;
}

async function streamInto(
  git: GitRunner,
  root: string,
  range: string,
  state: ReplayState,
  shallow: boolean,
  renames: RenameDetection,
  options: BuildHistoryOptions,
  copyOnWrite: boolean,
  /** Changes of the paths left out of this pass, by commit, merged into it. */
  extra?: Map<string, FileChange[]>,
): Promise<ReplayResult> {
  const replay = new HistoryReplay(state.files, state.people, shallow, copyOnWrite);
  const coChange = new CoChangeRecorder(state.coChange, shallow);
  const onProgress = options.onProgress;
  const every = Math.max(1, options.progressEvery ?? PROGRESS_EVERY);
  const parser = new LogStreamParser((commit) => {
    const more = extra?.get(commit.sha);
    const complete = more ? { ...commit, changes: [...commit.changes, ...more] } : commit;
    replay.apply(complete);
    coChange.apply(complete);
    if (onProgress && replay.commitCount % every === 0) {
      onProgress(replay.commitCount);
    }
  });
  await git.stream(historyLogArgs(range, { renames }), { cwd: root, signal: options.signal, timeoutMs: 0, env: NO_FETCH_ENV }, (chunk) => parser.push(chunk));
  parser.end();
  if (parser.malformedTokens > 0) {
    options.logger?.warn(`git log output of ${root} had ${parser.malformedTokens} unexpected token(s); they were skipped`);
  }
  onProgress?.(replay.commitCount);
  return Object.assign(replay, { coChange: coChange.data });
}

interface ReplayState {
  files: Map<string, FileHistory>;
  people: Map<string, PersonRecord>;
  coChange: CoChangeData;
}

type ReplayResult = HistoryReplay & { coChange: CoChangeData };

/** Folds co-authors into their .mailmap identities, drops files gone at head, stamps the time. */
async function finish(git: GitRunner, index: HistoryIndexData, replay: HistoryReplay, options: BuildHistoryOptions): Promise<void> {
  const logger = options.logger ?? silentLogger;
  if (replay.coAuthorContacts.size > 0) {
    try {
      const resolved = await resolveContacts(git, index.repository, replay.coAuthorContacts, options.signal);
      for (const [contact, canonical] of resolved) {
        const raw = parseContact(contact);
        if (raw) {
          replay.remapPerson(personKey(raw.email, raw.name), personKey(canonical.email, canonical.name), canonical.name);
        }
      }
    } catch (err) {
      if (err instanceof GitError && err.code === 'Aborted') {
        throw err;
      }
      logger.warn(`Could not map co-authors through .mailmap: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  await dropFilesMissingAt(git, index, options.signal);
  index.updatedAt = Math.floor(Date.now() / 1000);
}

/**
 * Replaying a non-linear history in one order can leave a file the merges finally deleted (or
 * renamed away); the tree at head is the truth.
 */
async function dropFilesMissingAt(git: GitRunner, index: HistoryIndexData, signal?: AbortSignal): Promise<void> {
  const out = await git.run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', index.head], {
    cwd: index.repository,
    signal,
    timeoutMs: 0,
    env: NO_FETCH_ENV,
  });
  const present = new Set(out.split('\0'));
  for (const path of index.files.keys()) {
    if (!present.has(path)) {
      index.files.delete(path);
    }
  }
}
