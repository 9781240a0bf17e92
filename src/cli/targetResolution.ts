/**
 * Turns each `experts` argument into a repository path the index knows, with its line range, or a
 * clear reason why not. Paths are taken literally: a backslash is a file name character on POSIX,
 * and a file named `x:5` is found when no file `x` exists. Everything is checked before any
 * ranking, so a mistake costs neither blame nor the org directory.
 */
import * as path from 'path';
import type { GitRunner } from '../core/git/gitRunner';
import type { HistoryIndexData } from '../core/git/historyTypes';
import { objectTypeAt, readFileAt } from '../core/git/repository';
import { readRegularFile } from '../core/util/safeRead';
import type { CliRepository } from './context';
import { CliError, ExitCode } from './exitCodes';
import { parseLineRange } from './targetSpec';

export interface ResolvedTarget {
  /** The argument as written (the JSON key). */
  raw: string;
  /** Repository-relative, forward slashes. */
  path: string;
  kind: 'file' | 'folder';
  startLine?: number;
  endLine?: number;
}

export interface ResolveContext {
  git: GitRunner;
  repo: CliRepository;
  index: HistoryIndexData;
  /** The revision ranked (`--at`, or HEAD of a bare repository); the work tree otherwise. */
  revision?: string;
  at?: string;
}

/** Work tree files larger than this are not read to count their lines. */
const MAX_COUNTED_BYTES = 64 * 1024 * 1024;

/**
 * Relative to the current folder when it is inside the work tree, otherwise to the repository
 * root (always so for `--repo` pointing elsewhere and for bare repositories).
 */
export function toRepoPath(repo: CliRepository, spec: string): string {
  const cwd = process.cwd();
  const cwdInside = !repo.bare && !path.relative(repo.root, cwd).startsWith('..');
  const absolute = path.isAbsolute(spec) ? spec : cwdInside ? path.resolve(cwd, spec) : path.resolve(repo.root, spec);
  return path.relative(repo.root, absolute).split(path.sep).join('/');
}

export function kindOf(index: HistoryIndexData, repoPath: string): 'file' | 'folder' | undefined {
  if (index.files.has(repoPath)) return 'file';
  const prefix = repoPath === '' ? '' : `${repoPath}/`;
  for (const file of index.files.keys()) if (file.startsWith(prefix)) return 'folder';
  return undefined;
}

function objectAt(ctx: ResolveContext, repoPath: string): Promise<'blob' | 'tree' | 'commit' | undefined> {
  return objectTypeAt(ctx.git, ctx.repo.root, ctx.revision ?? 'HEAD', repoPath);
}

async function unknownPath(ctx: ResolveContext, raw: string, repoPath: string): Promise<CliError> {
  const where = `${ctx.repo.root}${ctx.at ? ` at ${ctx.at}` : ''}`;
  const object = await objectAt(ctx, repoPath);
  if (object && ctx.index.shallow) {
    return new CliError(
      `'${raw}' exists but has no change in this shallow clone's history (it starts after the file's last change); fetch the full history (git fetch --unshallow) to rank its experts`,
      ExitCode.unknownPath,
    );
  }
  if (object === 'commit') return new CliError(`'${raw}' is a submodule: rank its files in its own repository (--repo ${path.join(ctx.repo.root, repoPath)})`, ExitCode.unknownPath);
  return new CliError(`unknown path: '${raw}' has no history in ${where}`, ExitCode.unknownPath);
}

async function lineCount(ctx: ResolveContext, repoPath: string): Promise<number> {
  const text = ctx.revision || ctx.repo.bare
    ? await readFileAt(ctx.git, ctx.repo.root, ctx.revision ?? 'HEAD', repoPath)
    : await readRegularFile(path.join(ctx.repo.root, repoPath), { maxBytes: MAX_COUNTED_BYTES });
  return text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** The target for one argument, or a CliError (unknown path, bad range, submodule, shallow clone). */
export async function resolveTarget(ctx: ResolveContext, raw: string): Promise<ResolvedTarget> {
  const literal = toRepoPath(ctx.repo, raw);
  const literalKind = kindOf(ctx.index, literal);
  const colon = /^(.*):([^:/\\]*)$/.exec(raw);
  const base = colon ? toRepoPath(ctx.repo, colon[1]) : undefined;
  const baseKind = base !== undefined ? kindOf(ctx.index, base) : undefined;

  if (colon && base !== undefined && baseKind) {
    const range = parseLineRange(colon[2]);
    if (typeof range === 'string') {
      if (literalKind) return { raw, path: literal, kind: literalKind };
      throw new CliError(`bad range in '${raw}': ${range} (use path:START or path:START-END, lines from 1)`, ExitCode.badRange);
    }
    if (baseKind === 'folder' && literalKind) return { raw, path: literal, kind: literalKind };
    if (baseKind === 'folder') throw new CliError(`bad range in '${raw}': ${colon[1]} is a folder, which has no lines`, ExitCode.badRange);
    if ((await objectAt(ctx, base)) === 'commit') {
      throw new CliError(`bad range in '${raw}': ${colon[1]} is a submodule, which has no lines here; rank its files with --repo ${path.join(ctx.repo.root, base)}`, ExitCode.badRange);
    }
    const lines = await lineCount(ctx, base).catch((err: Error) => {
      throw new CliError(`cannot read ${base} to check the range: ${err.message}`, ExitCode.failed);
    });
    if (range.endLine > lines) throw new CliError(`bad range in '${raw}': ${base} has ${lines} lines`, ExitCode.badRange);
    return { raw, path: base, kind: 'file', ...range };
  }
  if (literalKind) return { raw, path: literal, kind: literalKind };
  throw await unknownPath(ctx, raw, literal);
}
