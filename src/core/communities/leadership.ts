/**
 * Wenger's distributed leadership, declared (from communities.yml) next to inferred (labelled so,
 * with the evidence). What each inferred role reads:
 * - classificatory: maintainers of the community's patterns, and people with 2+ commits to them;
 * - interpersonal: the top 3 repliers (2+ replies) and the top 3 by distinct collaborators (3+);
 * - boundary: the community's top 3 boundary spanners (most involved here first, then by betweenness);
 * - day-to-day: the top 3 thread starters (2+ threads) and the top 3 by weeks with activity (6+).
 *   Code review would belong here too, but reviews are not in the offline history;
 * - inspirational: the strongest experts of the community's code by the expertise model (its
 *   folder ranking over the community's files; former people excluded);
 * - cutting-edge: maintainers and creators of *proposed* patterns, and first movers: whoever added
 *   the first file of a folder of the community that appeared inside the window;
 * - institutional: declared only.
 */
import { defaultExpertModelOptions, rankExperts } from '../experts';
import { LEADERSHIP_ROLES, type LeadershipRole } from './communityTypes';
import type { CommunityActivity } from './activity';
import { LEVEL_ORDER as LEVEL_RANK } from './participation';
import type { PeopleRegistry } from './people';
import type { ResolvedOptions } from './reportInputs';
import type { BoundarySpanner, LeadershipEntry, MemberFigures } from './reportTypes';
import type { FileHistory, HistoryIndexData } from '../git/historyTypes';
import type { Workspace } from './workspace';

const TOP = 3;

export interface LeadershipContext {
  activity: CommunityActivity;
  members: readonly MemberFigures[];
  spanners: ReadonlyMap<string, BoundarySpanner>;
  people: PeopleRegistry;
  workspace: Workspace;
  options: ResolvedOptions;
}

export function leadership(context: LeadershipContext): LeadershipEntry[] {
  const { activity, members, people } = context;
  const entries: LeadershipEntry[] = [];
  for (const [role, handles] of Object.entries(activity.community.leadership) as Array<[LeadershipRole, string[]]>) {
    for (const handle of handles) entries.push({ role, person: people.fromHandle(handle), source: 'declared', evidence: [] });
  }
  const inferred = new Map<string, LeadershipEntry>();
  const add = (role: LeadershipRole, person: string, evidence: string): void => {
    const key = `${role}\0${person}`;
    const entry = inferred.get(key);
    if (entry) entry.evidence.push(evidence);
    else inferred.set(key, { role, person, source: 'inferred', evidence: [evidence] });
  };
  const top = (pick: (m: MemberFigures) => number, min: number): MemberFigures[] =>
    members.filter((m) => pick(m) >= min).sort((a, b) => pick(b) - pick(a) || (a.person < b.person ? -1 : 1)).slice(0, TOP);

  for (const m of members) {
    const maintained = m.evidence.patternsMaintained;
    if (maintained.length > 0) add('classificatory', m.person, `maintains pattern${maintained.length > 1 ? 's' : ''} ${maintained.join(', ')}`);
    if (m.evidence.patternCommits >= 2) add('classificatory', m.person, `${m.evidence.patternCommits} commits to the community's pattern documents`);
  }
  for (const m of top((x) => x.evidence.replies, 2)) add('interpersonal', m.person, `${m.evidence.replies} replies in the community's threads`);
  for (const m of top((x) => x.evidence.collaborators, 3)) add('interpersonal', m.person, `works with ${m.evidence.collaborators} people of the community`);
  const spanners = members.filter((m) => context.spanners.has(m.person));
  spanners.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || context.spanners.get(b.person)!.betweenness - context.spanners.get(a.person)!.betweenness || (a.person < b.person ? -1 : 1));
  for (const m of spanners.slice(0, TOP)) for (const reason of context.spanners.get(m.person)!.reasons) add('boundary', m.person, reason);
  for (const m of top((x) => x.evidence.threadsStarted, 2)) add('dayToDay', m.person, `started ${m.evidence.threadsStarted} threads`);
  for (const m of top((x) => x.evidence.activeWeeks, 6)) add('dayToDay', m.person, `active in ${m.evidence.activeWeeks} weeks of the window`);
  for (const [person, where] of inspirational(context)) add('inspirational', person, `a top expert of the community's code by the expertise model: ${where}`);
  for (const [person, ids] of proposers(activity)) add('cuttingEdge', person, `proposed pattern${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`);
  for (const [person, folders] of firstMovers(activity, context.options.since)) {
    add('cuttingEdge', person, `first to work in ${folders.length} new folder${folders.length > 1 ? 's' : ''} (${folders.slice(0, 3).join(', ')}${folders.length > 3 ? ', …' : ''})`);
  }
  entries.push(...inferred.values());
  const order = new Map(LEADERSHIP_ROLES.map((r, i) => [r, i]));
  return entries.sort((a, b) => order.get(a.role)! - order.get(b.role)! || (a.source === b.source ? 0 : a.source === 'declared' ? -1 : 1) || (a.person < b.person ? -1 : 1));
}

/**
 * The expertise model's folder ranking over the community's own files (a view of each repository's
 * index holding only them): its top experts, former people left out, down to half the best score.
 */
function inspirational(context: LeadershipContext): Array<[string, string]> {
  const { activity, workspace, people, options } = context;
  const expertOptions = { ...defaultExpertModelOptions(options.now), formerAfterDays: options.formerAfterDays, extraBots: [...options.extraBots] };
  const classify = (email: string) => ({ placement: { email }, relationship: 'unknown' as const });
  const best = new Map<string, { score: number; where: string[] }>();
  for (const repo of workspace.repositories) {
    const files = new Map<string, FileHistory>();
    for (const f of activity.files) {
      const history = f.repository === repo.name ? repo.index.files.get(f.path) : undefined;
      if (history) files.set(f.path, history);
    }
    if (files.size === 0) continue;
    const view: HistoryIndexData = { ...repo.index, files };
    const ranking = rankExperts({ index: view, target: { path: '', kind: 'folder' }, options: expertOptions, classify, limit: TOP * 2 });
    const label = `its ${files.size} files${workspace.repositories.length > 1 ? ` in ${repo.name}` : ''}`;
    for (const e of ranking.experts.filter((x) => !x.former && x.score >= 0.5).slice(0, TOP)) {
      const key = people.fromHistory(e.email);
      const entry = best.get(key) ?? { score: 0, where: [] };
      entry.score = Math.max(entry.score, e.score);
      entry.where.push(`${label} (score ${e.score.toFixed(2)})`);
      best.set(key, entry);
    }
  }
  return [...best]
    .sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP)
    .map(([key, e]) => [key, e.where.join(', ')]);
}

function proposers(activity: CommunityActivity): Array<[string, string[]]> {
  return [...activity.people.values()]
    .filter((p) => p.proposedPatterns.length > 0)
    .map((p): [string, string[]] => [p.key, [...new Set(p.proposedPatterns)].sort()])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Creator of the first file of each of the community's folders whose first file appeared after `since`. */
function firstMovers(activity: CommunityActivity, since: number): Array<[string, string[]]> {
  const firstByFolder = new Map<string, { time: number; person: string }>();
  for (const file of activity.files) {
    const folder = `${file.repository}\0${file.folder}`;
    file.contributors.forEach((c, key) => {
      if (!c.created) return;
      const current = firstByFolder.get(folder);
      if (!current || c.times[0] < current.time) firstByFolder.set(folder, { time: c.times[0], person: key });
    });
  }
  const byPerson = new Map<string, string[]>();
  for (const [folder, first] of firstByFolder) {
    if (first.time < since || !activity.people.has(first.person)) continue;
    byPerson.set(first.person, [...(byPerson.get(first.person) ?? []), folder.split('\0')[1] || '(root)']);
  }
  return [...byPerson]
    .map(([person, folders]): [string, string[]] => [person, folders.sort()])
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP);
}
