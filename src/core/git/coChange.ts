import type { LogCommit } from './logParser';

/**
 * Which files changed together, commit by commit: what socio-technical congruence (coordination
 * gaps) and "works next to this file" need, and what the per-file history cannot tell. Built in
 * the same `git log` pass as the history index and persisted with it.
 *
 * Compact on purpose (three flat number arrays): a file is a numeric id that follows renames, and
 * commit `i` changed the ids `fileIds[offsets[i] .. offsets[i + 1])` at `times[i]`.
 * Only non-merge commits changing 2 to {@link MAX_CO_CHANGE_FILES} files are kept: a single-file
 * commit couples nothing, and mass changes (reformatting, license headers, vendored drops) would
 * couple everything with everything, so co-change studies leave them out too.
 */
export interface CoChangeData {
  /** Current path of each file id; '' once the file is deleted. */
  paths: string[];
  /** Author time (Unix seconds) of each kept commit, in replay order. */
  times: number[];
  /** `offsets.length === times.length + 1`; offsets[0] is 0. */
  offsets: number[];
  fileIds: number[];
}

export const MAX_CO_CHANGE_FILES = 30;

export function emptyCoChange(): CoChangeData {
  return { paths: [], times: [], offsets: [0], fileIds: [] };
}

/** Follows paths (adds, renames, deletes) and records the change sets, oldest commit first. */
export class CoChangeRecorder {
  private readonly idByPath = new Map<string, number>();

  /** Continues `data` in place; pass a {@link copyCoChange} to keep the original intact. */
  constructor(readonly data: CoChangeData, private readonly shallow: boolean) {
    data.paths.forEach((path, id) => {
      if (path) this.idByPath.set(path, id);
    });
  }

  apply(commit: LogCommit): void {
    if (commit.parents.length > 1 || (this.shallow && commit.parents.length === 0)) return;
    const ids: number[] = [];
    for (const change of commit.changes) {
      const id = this.track(change.status, change.path, change.oldPath);
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    if (ids.length < 2 || ids.length > MAX_CO_CHANGE_FILES) return;
    const { data } = this;
    data.times.push(commit.authorTime);
    for (const id of ids) data.fileIds.push(id);
    data.offsets.push(data.fileIds.length);
  }

  /** The id of the changed file after the change (undefined for a delete). */
  private track(status: string, path: string, oldPath: string | undefined): number | undefined {
    const { data } = this;
    if (status === 'D') {
      const id = this.idByPath.get(path);
      if (id !== undefined) data.paths[id] = '';
      this.idByPath.delete(path);
      return undefined;
    }
    if (status === 'R' && oldPath !== undefined) {
      const id = this.idByPath.get(oldPath);
      if (id !== undefined) {
        this.idByPath.delete(oldPath);
        this.moveAway(path);
        data.paths[id] = path;
        this.idByPath.set(path, id);
        return id;
      }
    }
    if (status === 'A' || status === 'C' || status === 'R') {
      this.moveAway(path);
      return this.add(path);
    }
    return this.idByPath.get(path) ?? this.add(path);
  }

  /** A new file replaces whatever an odd history left at its path. */
  private moveAway(path: string): void {
    const previous = this.idByPath.get(path);
    if (previous !== undefined) this.data.paths[previous] = '';
  }

  private add(path: string): number {
    const id = this.data.paths.length;
    this.data.paths.push(path);
    this.idByPath.set(path, id);
    return id;
  }
}

/** A copy an incremental update may append to without changing the original. */
export function copyCoChange(data: CoChangeData): CoChangeData {
  return { paths: data.paths.slice(), times: data.times.slice(), offsets: data.offsets.slice(), fileIds: data.fileIds.slice() };
}

/**
 * Calls `visit` with the current paths of every kept commit at or after `since` (deleted files
 * left out, and those `keep` rejects) that still has two or more of them.
 */
export function forEachCoChange(data: CoChangeData, since: number, visit: (time: number, paths: string[]) => void, keep?: (path: string) => boolean): void {
  for (let i = 0; i < data.times.length; i++) {
    const time = data.times[i];
    if (time < since) continue;
    const paths: string[] = [];
    for (let k = data.offsets[i]; k < data.offsets[i + 1]; k++) {
      const path = data.paths[data.fileIds[k]];
      if (path && (!keep || keep(path))) paths.push(path);
    }
    if (paths.length >= 2) visit(time, paths);
  }
}

/** Throws when the arrays do not describe a valid structure (a corrupt persisted index). */
export function checkCoChange(data: CoChangeData): void {
  const ok =
    Array.isArray(data.paths) &&
    data.paths.every((p) => typeof p === 'string') &&
    Array.isArray(data.times) &&
    Array.isArray(data.offsets) &&
    Array.isArray(data.fileIds) &&
    data.offsets.length === data.times.length + 1 &&
    data.offsets[0] === 0 &&
    data.offsets[data.offsets.length - 1] === data.fileIds.length &&
    data.times.every((t) => Number.isInteger(t)) &&
    data.offsets.every((o, i) => Number.isInteger(o) && (i === 0 || o >= data.offsets[i - 1])) &&
    data.fileIds.every((id) => Number.isInteger(id) && id >= 0 && id < data.paths.length);
  if (!ok) throw new Error('bad co-change data');
}
