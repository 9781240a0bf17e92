import type { FileContribution, FileHistory, PersonRecord } from './historyTypes';
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

  /** Records this replay may change in place; any other record is shared with a caller's index. */
  private readonly ownedFiles = new Set<FileHistory>();
  private readonly ownedPeople = new Set<PersonRecord>();

  /**
   * With `copyOnWrite`, the maps are private copies whose records belong to another index: a
   * record is cloned the first time it changes, so an incremental update never alters its input
   * and copies only what the new commits touch.
   */
  constructor(
    readonly files: Map<string, FileHistory>,
    readonly people: Map<string, PersonRecord>,
    /** Parentless commits of a shallow clone are cut-off points, not real additions. */
    private readonly shallow: boolean,
    private readonly copyOnWrite = false,
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
      this.ownedFiles.add(file);
    } else if (status === 'R' && oldPath !== undefined) {
      const moved = this.files.get(oldPath);
      this.files.delete(oldPath);
      if (moved) {
        file = this.ownFile(moved);
        file.path = path;
        this.files.set(path, file);
      }
    } else {
      const existing = this.files.get(path);
      file = existing && this.ownFile(existing);
    }
    if (!file) {
      // Changed but never added in the history we read (shallow clone, range update of an odd history).
      file = { path, totalChanges: 0, contributions: new Map() };
      this.files.set(path, file);
    }
    this.ownedFiles.add(file);
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
    const found = this.people.get(key);
    if (!found) {
      const created = { email: key, name, commits: countCommit ? 1 : 0, firstActive: time, lastActive: time };
      this.people.set(key, created);
      this.ownedPeople.add(created);
      return;
    }
    const person = this.ownPerson(found);
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

  private ownFile(file: FileHistory): FileHistory {
    if (!this.copyOnWrite || this.ownedFiles.has(file)) {
      return file;
    }
    const contributions = new Map<string, FileContribution>();
    for (const [key, c] of file.contributions) {
      contributions.set(key, { changeTimes: c.changeTimes.slice(), created: c.created });
    }
    const copy: FileHistory = { ...file, contributions };
    if (this.files.get(copy.path) === file) {
      this.files.set(copy.path, copy);
    }
    this.ownedFiles.add(copy);
    return copy;
  }

  private ownPerson(person: PersonRecord): PersonRecord {
    if (!this.copyOnWrite || this.ownedPeople.has(person)) {
      return person;
    }
    const copy = { ...person };
    this.people.set(copy.email, copy);
    this.ownedPeople.add(copy);
    return copy;
  }

  /**
   * Folds person `from` into `to` (a co-author alias resolved by .mailmap): people, contributions
   * and creators. Equal change times from both sides are kept once (the same commit credited twice).
   */
  remapPerson(from: string, to: string, name: string): void {
    const found = this.people.get(from);
    if (from === to) {
      if (found && name) {
        this.ownPerson(found).name = name;
      }
      return;
    }
    if (found) {
      this.people.delete(from);
      const target = this.people.get(to);
      if (target) {
        const owned = this.ownPerson(target);
        owned.commits += found.commits;
        owned.firstActive = Math.min(owned.firstActive, found.firstActive);
        owned.lastActive = Math.max(owned.lastActive, found.lastActive);
      } else {
        const moved = { ...found, email: to, name: name || found.name };
        this.people.set(to, moved);
        this.ownedPeople.add(moved);
      }
    }
    for (const shared of [...this.files.values()]) {
      if (shared.creator !== from && !shared.contributions.has(from)) {
        continue;
      }
      const file = this.ownFile(shared);
      if (file.creator === from) {
        file.creator = to;
      }
      const moved = file.contributions.get(from);
      if (moved) {
        file.contributions.delete(from);
        const existing = file.contributions.get(to);
        file.contributions.set(to, existing ? mergeContributions(existing, moved) : moved);
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

function mergeContributions(a: FileContribution, b: FileContribution): FileContribution {
  const times = [...new Set([...a.changeTimes, ...b.changeTimes])].sort((x, y) => x - y);
  return { changeTimes: times, created: a.created || b.created };
}
