import { promises as fs } from 'fs';
import * as path from 'path';
import type { Logger } from '../logger';
import { splitLines, type Anchor } from './anchor';
import { mapRangeThroughHunks } from '../git/diffHunks';
import type { GitExec } from '../git/repositoryConfig';
import { blobExists, changedSince, hunksSince } from '../git/workingTreeDiff';
import { relocateByFingerprint } from './relocate';

export type RangeStatus = 'exact' | 'shifted' | 'edited' | 'relocated' | 'outdated';

export interface MappedAnchorRange {
  status: RangeStatus;
  /** Repository-relative path in the working tree (the anchor's path when outdated). */
  path: string;
  startLine: number;
  endLine: number;
  /** The anchor's path, when git followed a rename. */
  renamedFrom?: string;
  /** For `relocated`: how closely the found lines match (0..1). */
  similarity?: number;
}

export interface RangeMappingContext {
  git: GitExec;
  /** Root of the working tree the anchor's path is relative to. */
  repoRoot: string;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * Where the anchor's lines are in the working tree now. Git's diff from the anchor's commit is
 * trusted first (shift, edit, rename); when the commit is missing (another clone, rebased away)
 * or the lines were removed, the fingerprint is searched for in the current file.
 */
export async function mapAnchorRange(anchor: Anchor, ctx: RangeMappingContext): Promise<MappedAnchorRange> {
  const viaDiff = await mapWithDiff(anchor, ctx);
  if (viaDiff && !('deletedAt' in viaDiff)) {
    return viaDiff;
  }
  const searchPath = viaDiff?.deletedAt ?? anchor.path;
  const relocated = await relocateInFile(anchor, searchPath, ctx);
  return relocated ?? { status: 'outdated', path: anchor.path, startLine: anchor.startLine, endLine: anchor.endLine };
}

type DiffOutcome = MappedAnchorRange | { deletedAt: string };

async function mapWithDiff(anchor: Anchor, ctx: RangeMappingContext): Promise<DiffOutcome | undefined> {
  const { git, repoRoot: cwd, signal } = ctx;
  if (!(await blobExists(git, cwd, anchor.commit, anchor.path, signal))) {
    ctx.logger.debug(`anchor ${anchor.path}@${anchor.commit.slice(0, 8)} not in this clone, using its fingerprint`);
    return undefined;
  }
  let entries;
  try {
    entries = await changedSince(git, cwd, anchor.commit, signal);
  } catch (err) {
    signal?.throwIfAborted();
    ctx.logger.warn(`could not diff ${anchor.commit.slice(0, 8)} against the working tree: ${describe(err)}`);
    return undefined;
  }
  const entry = entries.find((e) => (e.from ?? e.path) === anchor.path && e.status !== 'C');
  if (!entry) {
    return { status: 'exact', path: anchor.path, startLine: anchor.startLine, endLine: anchor.endLine };
  }
  if (entry.status === 'D') {
    return { deletedAt: anchor.path };
  }
  const renamed = entry.status === 'R' ? entry.path : undefined;
  let hunks;
  try {
    hunks = await hunksSince(git, cwd, anchor.commit, [anchor.path, ...(renamed ? [renamed] : [])], signal);
  } catch (err) {
    signal?.throwIfAborted();
    ctx.logger.warn(`could not diff ${anchor.path}: ${describe(err)}`);
    return undefined;
  }
  const mapped = mapRangeThroughHunks(hunks, anchor.startLine, anchor.endLine);
  const currentPath = renamed ?? anchor.path;
  if (mapped.deleted) {
    return { deletedAt: currentPath };
  }
  const moved = mapped.startLine !== anchor.startLine || mapped.endLine !== anchor.endLine || renamed !== undefined;
  return {
    status: mapped.edited ? 'edited' : moved ? 'shifted' : 'exact',
    path: currentPath,
    startLine: mapped.startLine,
    endLine: mapped.endLine,
    ...(renamed ? { renamedFrom: anchor.path } : {}),
  };
}

async function relocateInFile(anchor: Anchor, relPath: string, ctx: RangeMappingContext): Promise<MappedAnchorRange | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(ctx.repoRoot, relPath), 'utf8');
  } catch {
    return undefined;
  }
  const length = anchor.endLine - anchor.startLine + 1;
  const found = relocateByFingerprint(anchor.fingerprint, length, splitLines(text), { hintLine: anchor.startLine });
  if (!found) {
    return undefined;
  }
  const unchanged = found.similarity === 1 && found.startLine === anchor.startLine && relPath === anchor.path;
  return {
    status: unchanged ? 'exact' : 'relocated',
    path: relPath,
    startLine: found.startLine,
    endLine: found.endLine,
    similarity: found.similarity,
    ...(relPath !== anchor.path ? { renamedFrom: anchor.path } : {}),
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
