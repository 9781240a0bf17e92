/**
 * The activity curve of a community and the stage it suggests, shown next to the declared stage
 * (never replacing it). Rules, first match wins:
 * - no-activity: nothing in the window and nothing before;
 * - mostly-former: nothing in the window but activity before it, or at least two thirds of the
 *   previous window's activity came from people who no longer take part, and there is less
 *   activity now than then (weighed by activity, not headcount: drive-by contributors come and go
 *   in every healthy community);
 * - growing: the second half of the window has ≥ 1.25× the activity of the first, or newcomers
 *   are at least a quarter of the participants (and at least two) while activity does not fall;
 * - declining: the second half has ≤ 0.75× the activity of the first;
 * - sustained: otherwise.
 */
import { monthOf, type CommunityActivity } from './activity';
import type { ResolvedOptions } from './reportInputs';
import type { CommunityStage } from './communityTypes';
import type { InferredStage, MemberFigures, MonthlyActivity, StageFigures } from './reportTypes';

export function monthlyActivity(activity: CommunityActivity, options: ResolvedOptions): MonthlyActivity[] {
  const months = monthsBetween(options.since, options.now);
  const rows = new Map(months.map((month) => [month, { month, commits: 0, threadPosts: 0, people: new Set<string>() }]));
  for (const p of activity.people.values()) {
    for (const t of p.commitTimes) bump(rows.get(monthOf(t)), 'commits', p.key);
    for (const t of p.patternCommitTimes) bump(rows.get(monthOf(t)), 'commits', p.key);
    for (const t of p.postTimes) bump(rows.get(monthOf(t)), 'threadPosts', p.key);
  }
  return months.map((m) => {
    const row = rows.get(m)!;
    return { month: m, commits: row.commits, threadPosts: row.threadPosts, people: row.people.size };
  });
}

function bump(row: { commits: number; threadPosts: number; people: Set<string> } | undefined, field: 'commits' | 'threadPosts', key: string): void {
  if (!row) return;
  row[field]++;
  row.people.add(key);
}

/** `YYYY-MM` of every month the window touches, oldest first. */
export function monthsBetween(since: number, until: number): string[] {
  const start = new Date(since * 1000);
  const end = monthOf(until);
  const months: string[] = [];
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  for (;;) {
    const label = `${year}-${String(month + 1).padStart(2, '0')}`;
    months.push(label);
    if (label >= end || months.length > 1200) break;
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  return months;
}

export function inferStage(activity: CommunityActivity, members: readonly MemberFigures[], declared: CommunityStage | undefined, options: ResolvedOptions): StageFigures {
  const { since, now } = options;
  const middle = since + (now - since) / 2;
  let firstHalf = 0;
  let secondHalf = 0;
  for (const p of activity.people.values()) {
    for (const t of [...p.commitTimes, ...p.patternCommitTimes, ...p.postTimes]) {
      if (t < middle) firstHalf++;
      else secondHalf++;
    }
  }
  let previous = 0;
  let departed = 0;
  let previousActivity = 0;
  let departedActivity = 0;
  for (const [key, n] of activity.previous) {
    previous++;
    previousActivity += n;
    if (!activity.people.has(key)) {
      departed++;
      departedActivity += n;
    }
  }
  const participants = members.length;
  const newcomers = members.filter((m) => m.level === 'newcomer').length;
  const total = firstHalf + secondHalf;
  const evidence = { firstHalfActivity: firstHalf, secondHalfActivity: secondHalf, participants, previousParticipants: previous, departed, newcomers, previousActivity, departedShare: previousActivity > 0 ? Math.round((departedActivity / previousActivity) * 1000) / 1000 : 0 };
  let inferred: InferredStage;
  if (total === 0) inferred = activity.history.size > 0 ? 'mostly-former' : 'no-activity';
  else if (departedActivity * 3 >= previousActivity * 2 && previousActivity > 0 && total < previousActivity) inferred = 'mostly-former';
  else if (secondHalf >= 1.25 * firstHalf || (newcomers >= 2 && newcomers * 4 >= participants && secondHalf >= firstHalf)) inferred = 'growing';
  else if (secondHalf <= 0.75 * firstHalf) inferred = 'declining';
  else inferred = 'sustained';
  return { ...(declared ? { declared } : {}), inferred, summary: summarize(declared, inferred, evidence), evidence };
}

function summarize(declared: CommunityStage | undefined, inferred: InferredStage, e: StageFigures['evidence']): string {
  const activity = `activity ${e.firstHalfActivity} → ${e.secondHalfActivity} (first vs second half of the window, ${e.previousActivity} in the year before), ${e.participants} taking part, ${e.newcomers} new, ${e.departed} of ${e.previousParticipants} earlier participants gone (${Math.round(e.departedShare * 100)}% of the earlier activity)`;
  const label = inferred.replace('-', ' ');
  return declared ? `declared ${declared}; activity looks ${label}: ${activity}` : `activity looks ${label}: ${activity}`;
}
