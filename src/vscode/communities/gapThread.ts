/**
 * "Start a design thread" on a coordination gap: a draft about the first file, naming the second,
 * with the owners of both sides suggested, in the community of the gap when it has a venue
 * (otherwise the threads feature asks where it should go).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { CoordinationGap, GapSide } from '../../core/communities/reportTypes';
import { escapeMarkdown } from '../../core/util/markdown';
import type { StartThreadArgs, SuggestedPerson } from '../contracts';
import { personName } from './communityModel';
import type { CommunitySnapshot } from './snapshot';

export function gapThreadArgs(snapshot: CommunitySnapshot, gap: CoordinationGap): StartThreadArgs | undefined {
  const { report } = snapshot;
  const root = snapshot.repositories.find((r) => r.name === gap.repository)?.root;
  if (!root) return undefined;
  const [a, b] = gap.sides;
  const code = (p: string): string => `\`${p.replace(/`/g, '')}\``;
  // Names come from repositories and the directory: escaped, so none turns into a mention or a link.
  const who = (side: GapSide): string => escapeMarkdown(`${side.people.map((k) => personName(report, k)).join(', ')} (${side.teams.map((t) => t.name).join(', ') || 'no team'})`);
  const community = gap.suggestedThread.community;
  const hasVenue = community !== undefined && snapshot.communities.some((c) => c.id === community && c.venue);
  const suggestExperts: SuggestedPerson[] = gap.suggestedThread.participants.map((key) => {
    const person = report.people[key];
    return { name: person?.name ?? personName(report, key), ...(person?.email ? { email: person.email } : {}), ...(person?.github ? { login: person.github } : {}), ...(person?.team ? { team: person.team.name } : {}) };
  });
  return {
    uri: vscode.Uri.file(path.join(root, a.path)).toString(),
    startLine: 1,
    endLine: 1,
    title: gap.suggestedThread.title,
    ...(hasVenue ? { community } : {}),
    question:
      `${code(a.path)} and ${code(b.path)} changed together in ${gap.coChanges} commits (the last on ${gap.lastCoChange.slice(0, 10)}), ` +
      `but the people who own them never meet in a thread or a community: ${who(a)} and ${who(b)}. ` +
      'How should a change to one be coordinated with the other?',
    suggestExperts,
  };
}
