import type { FileContribution, FileHistory, HistoryIndexData, PersonRecord } from './historyTypes';
import type { LogCommit } from './logParser';

/** Lower-cased email, the person key used everywhere (the name when a commit has no email). */
export function personKey(email: string, name: string): string {
  return (email || name).toLowerCase();
}

/**
 * Applies commits oldest first to the files and people of an index. The files map always holds
 * the files alive at the last applied commit, so a rename moves the record (history follows the
 * file) and a delete drops it.
 *
 * Merge rule: a merge commit changes no file (git log shows no diff for merges by default, and the
 * merged branch's own commits already carry the credit); it counts for its author's first/last
 * activity but not in `commits`, which counts non-merge commits only.
 *
 * Co-authors from trailers are credited like the author (changes, `created` on an add), under
 * the key of their email as written; `remapPerson` later folds them into their mailmap identity.
 * `creator` stays the commit author.
 */
export class HistoryReplay {
  commitCount = 0;
  /** Every co-author contact seen (`Name <email>`), to resolve through .mailmap in one batch. */
  readonly coAuthorContacts = new Set<string>();
  /** True when a commit touched .mailmap: identities of earlier commits may now map differently. */
  mailmapChanged = false;

  constructor(
    readonly files: Map<string, FileHistory>,
    readonly people: Map<string, PersonRecord>,
    /** Parentless commits of a shallow clone are cut-off points, not real additions. */
    private readonly shallow: boolean,
  ) {}

  apply(commit: LogCommit): void {
    this.commitCount++;
    const time = commit.authorTime;
    const isMerge = commit.parents.length > 1;
    const author = personKey(commit.authorEmail, commit.authorName);
    this.touchPerson(author, commit.authorName, time, !isMerge);
    const credited = [author];
    for (const co of commit.coAuthors) {
      const key = personKey(co.email, co.name);
      this.coAuthorContacts.add(co.name ? `${co.name} <${co.email}>` : `<${co.email}>`);
      if (!credited.includes(key)) {
        credited.push(key);
        this.touchPerson(key, co.name || co.email, time, !isMerge);
      }
    }
    if (isMerge || (this.shallow && commit.parents.length === 0)) {
      return;
    }
    for (const change of commit.changes) {
      this.applyChange(change.status, change.path, change.oldPath, author, credited, time);
    }
  }

  private applyChange(
    status: string,
    path: string,
    oldPath: string | undefined,
    author: string,
    credited: string[],
    time: number,
  ): void {
    if (path === '.mailmap' || oldPath === '.mailmap') {
      this.mailmapChanged = true;
    }
    if (status === 'D') {
      this.files.delete(path);
      return;
    }
    let file: FileHistory | undefined;
    if (status === 'A' || status === 'C') {
      file = { path, creator: author, totalChanges: 0, contributions: new Map() };
      this.files.set(path, file);
    } else if (status === 'R' && oldPath !== undefined) {
      file = this.files.get(oldPath);
      this.files.delete(oldPath);
      if (file) {
        file.path = path;
        this.files.set(path, file);
      }
    } else {
      file = this.files.get(path);
    }
    if (!file) {
      // Changed but never added in the history we read (shallow clone, range update of an odd history).
      file = { path, totalChanges: 0, contributions: new Map() };
      this.files.set(path, file);
    }
    const created = status === 'A' || status === 'C';
    file.totalChanges++;
    for (const key of credited) {
      let contribution = file.contributions.get(key);
      if (!contribution) {
        contribution = { changeTimes: [], created: false };
        file.contributions.set(key, contribution);
      }
      if (created) {
        contribution.created = true;
      }
      insertTime(contribution.changeTimes, time);
    }
  }

  private touchPerson(key: string, name: string, time: number, countCommit: boolean): void {
    const person = this.people.get(key);
    if (!person) {
      this.people.set(key, { email: key, name, commits: countCommit ? 1 : 0, firstActive: time, lastActive: time });
      return;
    }
    if (countCommit) {
      person.commits++;
    }
    if (time < person.firstActive) {
      person.firstActive = time;
    }
    if (time >= person.lastActive) {
      person.lastActive = time;
      if (name) {
        person.name = name;
      }
    }
  }
}

/** Keeps change times ascending; author dates are usually already in order, so this is O(1). */
function insertTime(times: number[], time: number): void {
  let i = times.length;
  while (i > 0 && times[i - 1] > time) {
    i--;
  }
  if (i === times.length) {
    times.push(time);
  } else {
    times.splice(i, 0, time);
  }
}

/**
 * Folds person `from` into `to` (a co-author alias resolved by .mailmap): people, contributions
 * and creators. Equal change times from both sides are kept once (the same commit credited twice).
 */
export function remapPerson(index: Pick<HistoryIndexData, 'people' | 'files'>, from: string, to: string, name: string): void {
  const source = index.people.get(from);
  if (from === to) {
    if (source && name) {
      source.name = name;
    }
    return;
  }
  if (source) {
    index.people.delete(from);
    const target = index.people.get(to);
    if (target) {
      target.commits += source.commits;
      target.firstActive = Math.min(target.firstActive, source.firstActive);
      target.lastActive = Math.max(target.lastActive, source.lastActive);
    } else {
      index.people.set(to, { ...source, email: to, name: name || source.name });
    }
  }
  for (const file of index.files.values()) {
    const moved = file.contributions.get(from);
    if (file.creator === from) {
      file.creator = to;
    }
    if (!moved) {
      continue;
    }
    file.contributions.delete(from);
    const existing = file.contributions.get(to);
    file.contributions.set(to, existing ? mergeContributions(existing, moved) : moved);
  }
}

function mergeContributions(a: FileContribution, b: FileContribution): FileContribution {
  const times = [...new Set([...a.changeTimes, ...b.changeTimes])].sort((x, y) => x - y);
  return { changeTimes: times, created: a.created || b.created };
}
