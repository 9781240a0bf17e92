/**
 * The one entry point of the community model: every figure of every declared community, plus the
 * boundary spanners, coordination gaps and proposed potential communities of the workspace.
 * Pure and deterministic: the same inputs and options give the same report.
 */
import { collectActivity, type CommunityActivity } from './activity';
import { boundaryFigures, findBoundarySpanners } from './boundaries';
import { CoChangeIndex } from './coChangeIndex';
import { centralities, CollaborationNetwork } from './collaboration';
import { coordinationGaps } from './coordinationGaps';
import { discoverCommunities } from './discovery';
import { knowledgeAtRisk } from './knowledgeRisk';
import { leadership } from './leadership';
import { activityWeight, participation } from './participation';
import { PeopleRegistry } from './people';
import { constellationMap, mentionedPeople, peopleFigures, teamMatrix } from './reportAssembly';
import { DAY, isoDate, resolveOptions, type CommunityInputs, type CommunityReportOptions } from './reportInputs';
import { COMMUNITY_REPORT_VERSION, type CommunityFigures, type CommunityReport, type ParticipationLevel } from './reportTypes';
import { inferStage, monthlyActivity } from './stage';
import { buildWorkspace } from './workspace';
import type { Thread, ThreadPerson } from '../threads/threadTypes';

export function computeCommunityReport(inputs: CommunityInputs, options: CommunityReportOptions): CommunityReport {
  const opts = resolveOptions(options);
  const notes: string[] = [];
  const people = new PeopleRegistry(inputs.repositories, inputs.directory, opts.extraBots);
  const workspace = buildWorkspace(inputs.repositories, inputs.communities, inputs.homeRepository, people, { since: opts.since, until: opts.now });
  const threadsOfCommunity = new Map<string, Thread[]>();
  for (const t of inputs.threads ?? []) threadsOfCommunity.set(t.community, [...(threadsOfCommunity.get(t.community) ?? []), ...t.threads]);
  const activities = inputs.communities.map((c) => collectActivity(c, workspace, inputs.patterns ?? [], threadsOfCommunity.get(c.id) ?? [], people, opts));

  // Collaboration and participation.
  const network = new CollaborationNetwork(opts.collaborationDays * DAY);
  const perCommunity = activities.map((activity) => {
    const graph = network.communityGraph(activity);
    const centrality = centralities(graph, (key) => activityWeight(activity.people.get(key)!));
    return { activity, graph, ...participation(activity, graph, centrality, people, opts) };
  });
  const levels = new Map<string, Array<{ id: string; level: ParticipationLevel }>>();
  for (const { activity, members } of perCommunity) {
    for (const m of members) levels.set(m.person, [...(levels.get(m.person) ?? []), { id: activity.community.id, level: m.level }]);
  }
  const spanners = findBoundarySpanners(network.workspaceGraph(perCommunity.map((c) => c.graph)), levels, people);
  const spannerByKey = new Map(spanners.map((s) => [s.person, s]));

  // Who is former: no commit (or thread post) for formerAfterDays.
  const lastPost = lastThreadActivity(inputs.threads ?? [], people);
  const lastActivity = (key: string): number | undefined => {
    const commit = people.info(key).lastCommit;
    const post = lastPost.get(key);
    return commit === undefined ? post : post === undefined ? commit : Math.max(commit, post);
  };
  const formerBefore = opts.now - opts.formerAfterDays * DAY;
  // Asked for every contributor of every file of every community: answered once per person.
  const formerByKey = new Map<string, boolean>();
  const isFormer = (key: string): boolean => {
    let former = formerByKey.get(key);
    if (former === undefined) {
      const last = lastActivity(key);
      former = last !== undefined && last < formerBefore;
      formerByKey.set(key, former);
    }
    return former;
  };

  const allTime = new Map<string, CoChangeIndex>();
  const windowed = new Map<string, CoChangeIndex>();
  for (const repo of inputs.repositories) {
    if (!repo.index.coChange) {
      notes.push(`${repo.name}: the history index has no co-change data (rebuild it): no coordination gaps, and learner suggestions use folders only`);
      continue;
    }
    const everCoChanged = CoChangeIndex.fromHistory(repo.index, 0);
    allTime.set(repo.name, everCoChanged);
    windowed.set(repo.name, everCoChanged.since(opts.since));
  }
  if (inputs.repositories.some((r) => r.index.shallow)) notes.push('some repositories are shallow clones: their history, and so these figures, are incomplete');

  const communities: CommunityFigures[] = perCommunity.map(({ activity, members, silentMembers, former }) => {
    const community = activity.community;
    const counts = { core: 0, active: 0, peripheral: 0, newcomer: 0, former, silentDeclared: silentMembers.length };
    for (const m of members) counts[m.level]++;
    const spannerKeys = new Set(members.map((m) => m.person).filter((k) => spannerByKey.has(k)));
    return {
      id: community.id,
      name: community.name,
      ...(community.domain ? { domain: community.domain } : {}),
      ...(community.description ? { description: community.description } : {}),
      declared: { ...(community.stage ? { stage: community.stage } : {}), ...(community.relationship ? { relationship: community.relationship } : {}) },
      stage: inferStage(activity, members, community.stage, opts),
      files: filesPerRepository(activity, inputs.repositories.map((r) => r.name)),
      patterns: activity.patterns.map((p) => p.id).sort(),
      threads: threadCounts(activity, opts.since, opts.now),
      members,
      counts,
      silentMembers,
      participationOverTime: monthlyActivity(activity, opts),
      leadership: leadership({ activity, members, spanners: spannerByKey, people, workspace, options: opts }),
      boundary: boundaryFigures(activity, members, spannerKeys, people),
      knowledge: knowledgeAtRisk(activity.files, members, { workspace, coChange: allTime, isFormer, since: opts.since, now: opts.now, maxListedFiles: opts.maxListedFiles }),
      gaps: [],
    };
  });

  const strongCommunities = new Map<string, Set<string>>();
  for (const c of communities) {
    for (const m of c.members) if (m.level === 'core' || m.level === 'active') strongCommunities.set(m.person, (strongCommunities.get(m.person) ?? new Set()).add(c.id));
  }
  const gaps = coordinationGaps({ workspace, coChange: windowed, people, isFormer, communitiesOf: strongCommunities, threadsOf: threadsByPerson(activities), options: opts });
  for (const c of communities) c.gaps = gaps.filter((g) => g.sides.some((s) => s.communities.includes(c.id))).map((g) => g.id);

  const proposals = discoverCommunities(workspace, inputs.communities, people, inputs.homeRepository, opts);
  return {
    version: COMMUNITY_REPORT_VERSION,
    generatedAt: isoDate(opts.now),
    window: { since: isoDate(opts.since), until: isoDate(opts.now), days: Math.round(opts.windowDays) },
    repositories: inputs.repositories.map((r) => ({ name: r.name, head: r.index.head, commits: r.index.commitCount, shallow: r.index.shallow, coChange: r.index.coChange !== undefined })),
    people: peopleFigures(mentionedPeople(communities, spanners, gaps, proposals), communities, spanners, people, lastActivity, isFormer),
    communities,
    boundarySpanners: spanners,
    teamMatrix: teamMatrix(communities, people),
    coordinationGaps: gaps,
    proposals,
    constellation: constellationMap(communities, proposals, spanners),
    notes,
  };
}

function filesPerRepository(activity: CommunityActivity, repositories: readonly string[]): CommunityFigures['files'] {
  const counts = new Map<string, number>();
  for (const f of activity.files) counts.set(f.repository, (counts.get(f.repository) ?? 0) + 1);
  return repositories.filter((r) => counts.has(r)).map((repository) => ({ repository, files: counts.get(repository)! }));
}

function threadCounts(activity: CommunityActivity, since: number, now: number): CommunityFigures['threads'] {
  let inWindow = 0;
  let open = 0;
  for (const { thread } of activity.threads) {
    const created = Date.parse(thread.createdAt) / 1000;
    if (created >= since && created <= now) inWindow++;
    if (thread.state === 'open') open++;
  }
  return { total: activity.threads.length, inWindow, open };
}

function lastThreadActivity(threads: NonNullable<CommunityInputs['threads']>, people: PeopleRegistry): Map<string, number> {
  const last = new Map<string, number>();
  const seen = (person: ThreadPerson, iso: string): void => {
    const key = people.fromThread(person);
    const time = Date.parse(iso) / 1000;
    if (key !== undefined && Number.isFinite(time)) last.set(key, Math.max(last.get(key) ?? -Infinity, time));
  };
  for (const { threads: list } of threads) {
    for (const thread of list) {
      seen(thread.author, thread.createdAt);
      for (const comment of thread.comments) seen(comment.author, comment.createdAt);
    }
  }
  return last;
}

function threadsByPerson(activities: readonly CommunityActivity[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const a of activities) {
    for (const { thread, posters } of a.threads) {
      const id = `${thread.backend}\0${thread.id}\0${thread.url ?? ''}`;
      for (const key of posters) result.set(key, (result.get(key) ?? new Set()).add(id));
    }
  }
  return result;
}
