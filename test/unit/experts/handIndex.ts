import type { HistoryIndexData, FileHistory, PersonRecord } from '../../../src/core/git/historyTypes';
import type { Placement, Relationship } from '../../../src/core/directory/types';

export const DAY = 86_400;
/** A fixed "now" so every relative time in these tests is exact. */
export const NOW = 1_750_000_000;

export interface HandChange {
  email: string;
  name?: string;
  /** Days before NOW of each change. */
  daysAgo: number[];
  created?: boolean;
}

/**
 * A HistoryIndexData written by hand: file path → who changed it and when. People records
 * (commit counts, first/last activity) are derived from the same facts, plus `extraActivity`
 * (email → days ago of a commit elsewhere, e.g. to files deleted since).
 */
export function handIndex(files: Record<string, HandChange[]>, extraActivity: Record<string, number> = {}): HistoryIndexData {
  const people = new Map<string, PersonRecord>();
  const touch = (email: string, name: string, time: number): void => {
    const p = people.get(email) ?? { email, name, commits: 0, firstActive: time, lastActive: time };
    p.commits++;
    p.firstActive = Math.min(p.firstActive, time);
    p.lastActive = Math.max(p.lastActive, time);
    people.set(email, p);
  };
  const fileMap = new Map<string, FileHistory>();
  for (const [path, changes] of Object.entries(files)) {
    const history: FileHistory = { path, totalChanges: 0, contributions: new Map() };
    for (const change of changes) {
      const times = change.daysAgo.map((d) => NOW - d * DAY).sort((a, b) => a - b);
      history.contributions.set(change.email, { changeTimes: times, created: change.created ?? false });
      history.totalChanges += times.length;
      if (change.created) history.creator = change.email;
      for (const t of times) touch(change.email, change.name ?? change.email.split('@')[0], t);
    }
    fileMap.set(path, history);
  }
  for (const [email, daysAgo] of Object.entries(extraActivity)) touch(email, email.split('@')[0], NOW - daysAgo * DAY);
  return { formatVersion: 1, repository: '/hand', head: 'abc', shallow: false, commitCount: 0, people, files: fileMap, updatedAt: NOW };
}

/** Classifies by the email's domain: you are at team.test. */
export function classifyByDomain(email: string): { placement: Placement; relationship: Relationship } {
  const domain = email.split('@')[1] ?? '';
  const relationship: Relationship =
    domain === 'team.test' ? 'your-team' : domain === 'other.test' ? 'other-team' : domain === 'bu.test' ? 'other-business-unit' : domain === 'vendor.test' ? 'other-company' : 'unknown';
  return { placement: { email }, relationship };
}
