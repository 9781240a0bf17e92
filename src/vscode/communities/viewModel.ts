/**
 * The nodes of the Communities view, built from a snapshot (no editor import: plain data the
 * tree provider turns into items, and the extension's tests read).
 */
import type { MemberFigures, ParticipationLevel, ProposedCommunity } from '../../core/communities/reportTypes';
import { PARTICIPATION_LEVELS } from '../../core/communities/reportTypes';
import type { PatternStatus } from '../../core/patterns/patternTypes';
import { RELATIONSHIP_LABELS } from '../../core/directory/types';
import { communityFigures, LEVEL_LABELS, membersAt, openThreadsOf, personName, teamName, type CommunityThread } from './communityModel';
import { hubFiguresLine, peopleTakingPart, type CommunityHubFigures } from './hubFigures';
import { percent } from './pages/html';
import type { CommunitySnapshot } from './snapshot';

/** A community's figures from the hub index, when some of its code areas are on repositories not cloned here. */
export type HubFiguresOf = (communityId: string) => CommunityHubFigures | undefined;
export type SectionKind = 'members' | 'patterns' | 'threads' | 'health' | 'org';

export type CommunitiesNode =
  | { kind: 'message'; text: string; icon: string }
  | { kind: 'fileGroup'; file: string; communities: string[] }
  | { kind: 'potentialGroup'; proposals: ProposedCommunity[] }
  | { kind: 'community'; id: string; name: string; description: string; tooltip: string }
  | { kind: 'section'; community: string; section: SectionKind; label: string }
  | { kind: 'level'; community: string; level: ParticipationLevel; label: string }
  | { kind: 'member'; community: string; member: MemberFigures; name: string; team: string }
  | { kind: 'pattern'; id: string; title: string; status: PatternStatus }
  | { kind: 'thread'; thread: CommunityThread; replies: number }
  | { kind: 'fact'; label: string; description?: string; icon: string; tooltip?: string }
  | { kind: 'proposal'; proposal: ProposedCommunity };

export function communityNode(snapshot: CommunitySnapshot, id: string, hubOf?: HubFiguresOf): CommunitiesNode | undefined {
  const c = communityFigures(snapshot.report, id);
  if (!c) return undefined;
  const hub = hubOf?.(id);
  const tooltip = [c.name, c.domain, c.stage.summary, `${c.counts.core} core, ${c.counts.active} active, ${c.counts.peripheral} peripheral, ${c.counts.newcomer} newcomers${hub ? ' in the clones here' : ''}`, `truck factor ${c.knowledge.truckFactor}`, hub && hubFiguresLine(hub)]
    .filter(Boolean)
    .join('\n');
  const added = hub?.state === 'ready' && hub.added > 0 ? ` (${hub.added} from the hub)` : '';
  return { kind: 'community', id, name: c.name, description: `${c.stage.inferred} · ${peopleTakingPart(c.members.length, hub)} taking part${added}`, tooltip };
}

/** The root: the current file's communities on top, every declared community, then the potential ones. */
export function rootNodes(snapshot: CommunitySnapshot, currentFile?: { path: string; communities: string[] }, hubOf?: HubFiguresOf): CommunitiesNode[] {
  const nodes: CommunitiesNode[] = [];
  if (currentFile && currentFile.communities.length) nodes.push({ kind: 'fileGroup', file: currentFile.path, communities: currentFile.communities });
  for (const c of snapshot.report.communities) {
    const node = communityNode(snapshot, c.id, hubOf);
    if (node) nodes.push(node);
  }
  if (snapshot.report.proposals.length) nodes.push({ kind: 'potentialGroup', proposals: snapshot.report.proposals });
  return nodes;
}

export function childNodes(snapshot: CommunitySnapshot, node: CommunitiesNode, hubOf?: HubFiguresOf): CommunitiesNode[] {
  const { report } = snapshot;
  switch (node.kind) {
    case 'fileGroup':
      return node.communities.map((id) => communityNode(snapshot, id, hubOf)).filter((n): n is CommunitiesNode => n !== undefined);
    case 'potentialGroup':
      return node.proposals.map((proposal) => ({ kind: 'proposal', proposal }));
    case 'community': {
      const c = communityFigures(report, node.id);
      if (!c) return [];
      const open = openThreadsOf(snapshot.threads, c.id).length;
      const hub = hubOf?.(c.id);
      return [
        { kind: 'section', community: c.id, section: 'members', label: `Members (${c.members.length})` },
        ...(hub ? [{ kind: 'section' as const, community: c.id, section: 'org' as const, label: `Across the organisation (${hub.state === 'ready' ? hub.people.length : hub.state === 'loading' ? '…' : 'no hub figures'})` }] : []),
        { kind: 'section', community: c.id, section: 'patterns', label: `Patterns (${c.patterns.length})` },
        { kind: 'section', community: c.id, section: 'threads', label: `Open threads (${open})` },
        { kind: 'section', community: c.id, section: 'health', label: 'Health' },
      ];
    }
    case 'section':
      return node.section === 'org' ? hubNodes(hubOf?.(node.community)) : sectionNodes(snapshot, node.community, node.section);
    case 'level': {
      const c = communityFigures(report, node.community);
      return c ? membersAt(report, c, node.level).map((member) => ({ kind: 'member', community: c.id, member, name: personName(report, member.person), team: teamName(report.people[member.person]) })) : [];
    }
    case 'proposal':
      return [
        ...node.proposal.people.map((key): CommunitiesNode => ({ kind: 'fact', label: personName(report, key), description: teamName(report.people[key]), icon: 'person' })),
        ...node.proposal.areas.map((area): CommunitiesNode => ({ kind: 'fact', label: area, description: 'code area', icon: 'folder' })),
      ];
    default:
      return [];
  }
}

/** The hub's people of a community (their relationship to you, what they did), or why there are none. */
function hubNodes(hub: CommunityHubFigures | undefined): CommunitiesNode[] {
  if (!hub) return [];
  if (hub.state !== 'ready') return [{ kind: 'fact', label: hub.state === 'loading' ? 'Reading the hub index…' : hub.state === 'off' ? 'No hub configured' : 'The hub index is unavailable', icon: hub.state === 'loading' ? 'sync~spin' : 'info', tooltip: hubFiguresLine(hub) }];
  const people = hub.people.map((p): CommunitiesNode => ({
    kind: 'fact',
    label: p.name,
    description: `${RELATIONSHIP_LABELS[p.relationship]} · ${p.changes} change${p.changes === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'} · ${p.repositories.join(', ')}`,
    icon: 'person',
    tooltip: `${[p.placement.team?.name, p.placement.businessUnit?.name, p.placement.company?.name].filter(Boolean).join(' · ') || 'no team known'}${p.alsoLocal ? '\nAlso a member from the clones here (counted once).' : ''}${p.former ? '\nFormer: no recent commit.' : ''}`,
  }));
  const empty = hub.perArea.filter((a) => a.files === 0).map((a): CommunitiesNode => ({ kind: 'fact', label: a.area, description: 'no figures in the hub', icon: 'circle-slash' }));
  return [...people, ...empty, { kind: 'fact', label: 'From the hub index', description: hub.hub, icon: 'globe', tooltip: hubFiguresLine(hub) }];
}

function sectionNodes(snapshot: CommunitySnapshot, id: string, section: Exclude<SectionKind, 'org'>): CommunitiesNode[] {
  const { report } = snapshot;
  const c = communityFigures(report, id);
  if (!c) return [];
  switch (section) {
    case 'members':
      return PARTICIPATION_LEVELS.filter((level) => c.counts[level] > 0).map((level) => ({ kind: 'level', community: id, level, label: `${LEVEL_LABELS[level]} (${c.counts[level]})` }));
    case 'patterns':
      return c.patterns
        .map((pid) => snapshot.patterns.find((p) => p.id === pid))
        .filter((p) => p !== undefined)
        .map((p) => ({ kind: 'pattern', id: p.id, title: p.title, status: p.status }));
    case 'threads':
      return openThreadsOf(snapshot.threads, id).map((thread) => ({ kind: 'thread', thread, replies: thread.thread.comments.length }));
    case 'health': {
      const k = c.knowledge;
      const tfPeople = k.truckFactorPeople.map((p) => personName(report, p)).join(', ');
      const spanners = c.boundary.spanners.map((p) => personName(report, p)).join(', ');
      return [
        { kind: 'fact', label: `Truck factor ${k.truckFactor}`, description: tfPeople, icon: k.truckFactor <= 1 ? 'warning' : 'pass', tooltip: `Historically ${k.historicalTruckFactor}: counting former authors as if they were still here.` },
        { kind: 'fact', label: `Knowledge islands: ${k.islands.count}`, description: `of ${k.files} files; ${k.orphaned.count} orphaned`, icon: k.islands.count ? 'warning' : 'pass' },
        { kind: 'fact', label: `Insularity ${percent(c.boundary.insularity)}`, description: c.boundary.largestTeam ? `largest team ${c.boundary.largestTeam.name}` : undefined, icon: (c.boundary.insularity ?? 0) > 0.75 ? 'warning' : 'organization' },
        { kind: 'fact', label: `Stage: ${c.stage.inferred} (inferred)`, description: `${c.stage.declared ?? 'none'} (declared)`, icon: 'pulse', tooltip: c.stage.summary },
        ...(spanners ? [{ kind: 'fact' as const, label: 'Boundary spanners', description: spanners, icon: 'link' }] : []),
      ];
    }
  }
}
