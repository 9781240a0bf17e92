/**
 * What each person did in one community: commits to its code areas, commits to its pattern
 * documents, pattern maintenance, thread starts and replies. Window figures feed participation;
 * all-time first/last activity tells newcomers and former members apart.
 */
import type { Pattern } from '../patterns/patternTypes';
import type { Thread } from '../threads/threadTypes';
import type { Community } from './communityTypes';
import type { PeopleRegistry } from './people';
import type { ResolvedOptions } from './reportInputs';
import { patternFileOf, type WorkFile, type Workspace } from './workspace';

export interface PersonActivity {
  key: string;
  /** Author times of window commits to the community's files (one per commit). */
  commitTimes: Set<number>;
  files: Set<WorkFile>;
  patternCommitTimes: Set<number>;
  patternsMaintained: string[];
  /** Proposed patterns this person maintains or created. */
  proposedPatterns: string[];
  threadsStarted: number;
  replies: number;
  /** Times of the window's thread starts and replies. */
  postTimes: number[];
  /** Every window event time (commits, pattern commits, posts), unsorted. */
  eventTimes: number[];
  /** All-time first and last activity in the community (undefined for maintainers with no dated activity). */
  first?: number;
  last?: number;
}

export interface ThreadParticipation {
  thread: Thread;
  /** People who posted in the window (author when started inside it, commenters of comments inside it). */
  windowPosters: string[];
  /** Everyone who ever posted. */
  posters: string[];
}

export interface CommunityActivity {
  community: Community;
  files: WorkFile[];
  patterns: Pattern[];
  patternFiles: WorkFile[];
  threads: ThreadParticipation[];
  /** Participants: activity in the window, or maintainers of the community's patterns. */
  people: Map<string, PersonActivity>;
  /** Everyone with dated activity ever, first and last time. */
  history: Map<string, { first: number; last: number }>;
  /** Commits and posts per person in the window of the same length just before this one. */
  previous: Map<string, number>;
}

export function collectActivity(
  community: Community,
  workspace: Workspace,
  patterns: readonly Pattern[],
  threads: readonly Thread[],
  people: PeopleRegistry,
  options: ResolvedOptions,
): CommunityActivity {
  const { since, now } = options;
  const previousSince = since - (now - since);
  const previousTimes = new Map<string, Set<number>>();
  const before = (key: string, times: readonly number[]): void => {
    for (const t of times) {
      if (t < previousSince || t >= since) continue;
      const set = previousTimes.get(key) ?? new Set<number>();
      set.add(t);
      previousTimes.set(key, set);
    }
  };
  const participants = new Map<string, PersonActivity>();
  const history = new Map<string, { first: number; last: number }>();
  const person = (key: string): PersonActivity => {
    let p = participants.get(key);
    if (!p) {
      p = { key, commitTimes: new Set(), files: new Set(), patternCommitTimes: new Set(), patternsMaintained: [], proposedPatterns: [], threadsStarted: 0, replies: 0, postTimes: [], eventTimes: [] };
      participants.set(key, p);
    }
    return p;
  };
  const seen = (key: string, time: number): void => {
    const h = history.get(key);
    if (!h) history.set(key, { first: time, last: time });
    else {
      if (time < h.first) h.first = time;
      if (time > h.last) h.last = time;
    }
  };

  const files = workspace.byCommunity.get(community.id) ?? [];
  for (const file of files) {
    // forEach, not for…of: no entry pair allocated for each of the many contributions.
    file.contributors.forEach((c, key) => {
      if (c.times.length === 0) return;
      seen(key, c.times[0]);
      seen(key, c.times[c.times.length - 1]);
      before(key, c.times);
      const inWindow = c.window;
      if (inWindow.length === 0) return;
      const p = person(key);
      p.files.add(file);
      for (const t of inWindow) {
        if (!p.commitTimes.has(t)) p.eventTimes.push(t);
        p.commitTimes.add(t);
      }
    });
  }

  const own = patterns.filter((p) => p.community.toLowerCase() === community.id.toLowerCase());
  const patternFiles: WorkFile[] = [];
  for (const pattern of own) {
    const file = patternFileOf(pattern.file, workspace.repositories, workspace);
    const maintainers = pattern.maintainers.map((m) => people.fromHandle(m)).filter((k) => !people.isBot(k));
    for (const key of maintainers) {
      const p = person(key);
      p.patternsMaintained.push(pattern.id);
      if (pattern.status === 'proposed') p.proposedPatterns.push(pattern.id);
    }
    if (!file) continue;
    patternFiles.push(file);
    for (const [key, c] of file.contributors) {
      seen(key, c.times[0]);
      seen(key, c.times[c.times.length - 1]);
      if (pattern.status === 'proposed' && c.created && !maintainers.includes(key)) person(key).proposedPatterns.push(pattern.id);
      const inWindow = c.window;
      if (inWindow.length === 0) continue;
      const p = person(key);
      for (const t of inWindow) {
        p.patternCommitTimes.add(t);
        p.eventTimes.push(t);
      }
    }
  }

  const threadParticipation: ThreadParticipation[] = [];
  for (const thread of threads) {
    const posters = new Set<string>();
    const windowPosters = new Set<string>();
    const post = (key: string | undefined, iso: string, started: boolean): void => {
      const time = Date.parse(iso) / 1000;
      if (key === undefined || people.isBot(key) || !Number.isFinite(time)) return;
      posters.add(key);
      seen(key, time);
      before(key, [time]);
      if (time < since || time > now) return;
      windowPosters.add(key);
      const p = person(key);
      if (started) p.threadsStarted++;
      else p.replies++;
      p.postTimes.push(time);
      p.eventTimes.push(time);
    };
    post(people.fromThread(thread.author), thread.createdAt, true);
    for (const comment of thread.comments) post(people.fromThread(comment.author), comment.createdAt, false);
    threadParticipation.push({ thread, windowPosters: [...windowPosters].sort(), posters: [...posters].sort() });
  }

  for (const [key, p] of participants) {
    const h = history.get(key);
    if (h) {
      p.first = h.first;
      p.last = h.last;
    }
  }
  const previous = new Map([...previousTimes].map(([key, times]) => [key, times.size]));
  return { community, files, patterns: own, patternFiles, threads: threadParticipation, people: participants, history, previous };
}

/** Distinct UTC months and weeks (7-day buckets since the epoch) with activity. */
export function activeBuckets(times: readonly number[]): { months: number; weeks: number } {
  const months = new Set<string>();
  const weeks = new Set<number>();
  for (const t of times) {
    months.add(monthOf(t));
    weeks.add(Math.floor(t / (7 * 86_400)));
  }
  return { months: months.size, weeks: weeks.size };
}

const monthOfDay = new Map<number, string>();

/** `YYYY-MM` of a Unix time, UTC (memoised per day: called for every event of every person). */
export function monthOf(seconds: number): string {
  const day = Math.floor(seconds / 86_400);
  let month = monthOfDay.get(day);
  if (month === undefined) {
    month = new Date(day * 86_400_000).toISOString().slice(0, 7);
    if (monthOfDay.size > 100_000) monthOfDay.clear();
    monthOfDay.set(day, month);
  }
  return month;
}
