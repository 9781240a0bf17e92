/**
 * The nodes of the Communities view, built from a snapshot (no editor import: plain data the
 * tree provider turns into items, and the extension's tests read).
 */
import type { MemberFigures, ParticipationLevel, ProposedCommunity } from '../../core/communities/reportTypes';
import { PARTICIPATION_LEVELS } from '../../core/communities/reportTypes';
import type { PatternStatus } from '../../core/patterns/patternTypes';
import { communityFigures, LEVEL_LABELS, membersAt, openThreadsOf, personName, teamName, type CommunityThread } from './communityModel';
import { percent } from './pages/html';
import type { CommunitySnapshot } from './snapshot';

export type CommunitiesNode =
  | { kind: 'message'; text: string; icon: string }
  | { kind: 'fileGroup'; file: string; communities: string[] }
  | { kind: 'potentialGroup'; proposals: ProposedCommunity[] }
  | { kind: 'community'; id: string; name: string; description: string; tooltip: string }
  | { kind: 'section'; community: string; section: 'members' | 'patterns' | 'threads' | 'health'; label: string }
  | { kind: 'level'; community: string; level: ParticipationLevel; label: string }
  | { kind: 'member'; community: string; member: MemberFigures; name: string; team: string }
  | { kind: 'pattern'; id: string; title: string; status: PatternStatus }
  | { kind: 'thread'; thread: CommunityThread; replies: number }
  | { kind: 'fact'; label: string; description?: string; icon: string; tooltip?: string }
  | { kind: 'proposal'; proposal: ProposedCommunity };

export function communityNode(snapshot: CommunitySnapshot, id: string): CommunitiesNode | undefined {
  const c = communityFigures(snapshot.report, id);
  if (!c) return undefined;
  const tooltip = [c.name, c.domain, c.stage.summary, `${c.counts.core} core, ${c.counts.active} active, ${c.counts.peripheral} peripheral, ${c.counts.newcomer} newcomers`, `truck factor ${c.knowledge.truckFactor}`]
    .filter(Boolean)
    .join('\n');
  return { kind: 'community', id, name: c.name, description: `${c.stage.inferred} · ${c.members.length} taking part`, tooltip };
}

/** The root: the current file's communities on top, every declared community, then the potential ones. */
export function rootNodes(snapshot: CommunitySnapshot, currentFile?: { path: string; communities: string[] }): CommunitiesNode[] {
  const nodes: CommunitiesNode[] = [];
  if (currentFile && currentFile.communities.length) nodes.push({ kind: 'fileGroup', file: currentFile.path, communities: currentFile.communities });
  for (const c of snapshot.report.communities) {
    const node = communityNode(snapshot, c.id);
    if (node) nodes.push(node);
  }
  if (snapshot.report.proposals.length) nodes.push({ kind: 'potentialGroup', proposals: snapshot.report.proposals });
  return nodes;
}

export function childNodes(snapshot: CommunitySnapshot, node: CommunitiesNode): CommunitiesNode[] {
  const { report } = snapshot;
  switch (node.kind) {
    case 'fileGroup':
      return node.communities.map((id) => communityNode(snapshot, id)).filter((n): n is CommunitiesNode => n !== undefined);
    case 'potentialGroup':
      return node.proposals.map((proposal) => ({ kind: 'proposal', proposal }));
    case 'community': {
      const c = communityFigures(report, node.id);
      if (!c) return [];
      const open = openThreadsOf(snapshot.threads, c.id).length;
      return [
        { kind: 'section', community: c.id, section: 'members', label: `Members (${c.members.length})` },
        { kind: 'section', community: c.id, section: 'patterns', label: `Patterns (${c.patterns.length})` },
        { kind: 'section', community: c.id, section: 'threads', label: `Open threads (${open})` },
        { kind: 'section', community: c.id, section: 'health', label: 'Health' },
      ];
    }
    case 'section':
      return sectionNodes(snapshot, node.community, node.section);
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

function sectionNodes(snapshot: CommunitySnapshot, id: string, section: 'members' | 'patterns' | 'threads' | 'health'): CommunitiesNode[] {
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
