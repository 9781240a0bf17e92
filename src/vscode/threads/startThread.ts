import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { buildPermalink } from '../../core/threads/permalink';
import { renderPreview, type SuggestedExpert, type ThreadPreview } from '../../core/threads/compose';
import { fromRange } from '../experts/codeTarget';
import type { StartThreadArgs } from '../contracts';
import type { CommunitiesController, VenueEntry } from './communities';
import { codeContext, relatedPatterns, snippetComposition, suggestedExperts, type CodeContext, type CodeSelection, type CompositionDeps } from './composition';
import { QUESTION_PLACEHOLDER, type ComposeDocuments } from './draftDocuments';
import type { ThreadsService } from './threadsService';
import { notify } from '../platform/notify';
import { askChoice, askText } from '../platform/prompts';

export type StartThreadOptions = StartThreadArgs;

export interface StartThreadDeps extends CompositionDeps {
  communities: CommunitiesController;
  threads: ThreadsService;
  compose: ComposeDocuments;
  logger: Logger;
}

export interface StartedThread {
  document: vscode.TextDocument;
  preview: ThreadPreview;
  venue: VenueEntry;
}

/** Opens an editable draft of a new design thread about some code (or a pattern). */
export async function startThread(deps: StartThreadDeps, options: StartThreadOptions = {}): Promise<StartedThread | undefined> {
  const code = await selectedCode(options);
  // A question to a person the organisation's index named needs no code: it is about a package or a path.
  if (!code && !options.patternId && !options.expert) {
    void notify.info('Select the code you want to ask about, then start a design thread.');
    return undefined;
  }
  const context = code ? await codeContext(deps, code) : undefined;
  const prompted = options.title === undefined || options.community === undefined;
  if (context?.unpushed && !(await confirmUnpushed(deps, context, prompted))) return undefined;
  const related = relatedPatterns(deps, code, options.patternId);
  const venue = await chooseVenue(deps, context, related.community, options.community);
  if (!venue) return undefined;
  const title = options.title ?? (await askTitle(code, context, related.patterns[0]?.title, options.expert?.name));
  if (!title?.trim()) return undefined;
  const experts = withPersonToAsk(withPeopleFirst(options.suggestExperts, code ? await suggestedExperts(deps, code, options.expertEmail) : []), options.expert);
  const preview = renderPreview(snippetComposition(options.question ?? QUESTION_PLACEHOLDER, code, context, experts, related.patterns));
  const document = await deps.compose.open({ entry: venue, anchor: context?.anchor, uri: code?.document.uri.toString() }, title.trim(), preview.body);
  return { document, preview, venue };
}

/** The person asked for comes first, once. */
function withPersonToAsk(experts: SuggestedExpert[], person: StartThreadOptions['expert']): SuggestedExpert[] {
  if (!person) return experts;
  const same = (e: SuggestedExpert): boolean => (!!person.login && e.login?.toLowerCase() === person.login.toLowerCase()) || (!!person.email && e.email?.toLowerCase() === person.email.toLowerCase());
  return [{ name: person.name, email: person.email, login: person.login, team: person.team }, ...experts.filter((e) => !same(e))];
}

/**
 * The people the caller asked for first (even from your own team: both sides of a coordination
 * gap must be in the thread), then the experts of the code not among them.
 */
function withPeopleFirst(people: StartThreadOptions['suggestExperts'], experts: SuggestedExpert[]): SuggestedExpert[] {
  if (!people?.length) return experts;
  const asked = people.map((p): SuggestedExpert => {
    const ranked = experts.find((e) => !!p.email && e.email?.toLowerCase() === p.email.toLowerCase());
    return { name: p.name, email: p.email, login: p.login ?? ranked?.login, team: p.team ?? ranked?.team };
  });
  const seen = new Set(asked.map((p) => (p.email ?? p.name).toLowerCase()));
  return [...asked, ...experts.filter((e) => !seen.has((e.email ?? e.name).toLowerCase()))];
}

async function selectedCode(options: StartThreadOptions): Promise<CodeSelection | undefined> {
  if (options.uri) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(options.uri));
    const startLine = clamp(options.startLine ?? 1, document);
    return { document, startLine, endLine: Math.max(startLine, clamp(options.endLine ?? startLine, document)) };
  }
  // A pattern, or a person asked from the organisation's index, is the subject: not whatever is selected.
  if (options.patternId || options.expert) return undefined;
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file') return undefined;
  const target = fromRange(editor.document, editor.selection);
  return { document: editor.document, startLine: target.startLine, endLine: target.endLine };
}

function clamp(line: number, document: vscode.TextDocument): number {
  return Math.min(Math.max(1, Math.floor(line)), Math.max(1, document.lineCount));
}

async function askTitle(code: CodeSelection | undefined, context: CodeContext | undefined, patternTitle: string | undefined, personAsked: string | undefined): Promise<string | undefined> {
  const value = code && context ? `Question about ${context.relativePath.split('/').pop()} (lines ${code.startLine}–${code.endLine})` : patternTitle ? `About the pattern "${patternTitle}"` : personAsked ? `Question for ${personAsked}` : '';
  const answer = await askText({ title: 'Start Design Thread', prompt: 'Title of the design thread', value, validate: (v) => (v.trim() ? undefined : 'A thread needs a title') });
  return typeof answer === 'string' ? answer : undefined;
}

/**
 * A permalink to a commit nobody can see yet is useless: a modal choice (it cannot hide itself
 * while the flow waits) between the branch's upstream, the commit anyway, and cancelling.
 */
async function confirmUnpushed(deps: StartThreadDeps, context: CodeContext, interactive: boolean): Promise<boolean> {
  const commit = context.anchor.commit.slice(0, 8);
  if (!interactive) {
    deps.logger.warn(`HEAD of ${context.root} is not pushed; the thread links to commit ${commit}`);
    return true;
  }
  // Only a branch on the remote makes a link that opens for others.
  const upstream = context.unpushed?.upstream;
  const useBranch = upstream ? `Link to ${upstream}` : undefined;
  const anyway = 'Link to the Commit Anyway';
  const detail = upstream
    ? `A link to commit ${commit} will not open for others until you push it. Link to the branch ${upstream} instead (the lines as pushed there), link to the commit anyway (push before others read it), or cancel to push first.`
    : `A link to commit ${commit} will not open for others until you push it, and the branch${context.unpushed?.branch ? ` ${context.unpushed.branch}` : ''} has no upstream. Link to the commit anyway (push before others read it), or cancel to push first.`;
  const choice = await askChoice('This commit is not pushed yet.', detail, ...(useBranch ? [useBranch] : []), anyway);
  if (!choice) return false;
  if (choice === useBranch && upstream && context.permalink) {
    const branch = upstream.replace(/^[^/]+\//, '');
    context.permalink = buildPermalink(context.permalink.split('/blob/')[0], branch, context.relativePath, context.anchor.startLine, context.anchor.endLine);
  }
  return true;
}

async function chooseVenue(deps: StartThreadDeps, context: CodeContext | undefined, patternCommunity: string | undefined, wanted: string | undefined): Promise<VenueEntry | undefined> {
  const venues = await deps.threads.venues();
  if (wanted !== undefined) {
    const found = venues.find((v) => v.community.id === wanted);
    if (!found) void notify.error(`No community "${wanted}" with a venue in .constellation/communities.yml.`);
    return found;
  }
  if (venues.length === 0) {
    void notify.warning('No community has a venue yet: add one to .constellation/communities.yml.');
    return undefined;
  }
  const suggested = new Set<string>();
  if (patternCommunity) suggested.add(patternCommunity.toLowerCase());
  if (context) {
    const { index } = await deps.communities.forRepository(context.root);
    for (const match of index.communitiesForPath(context.relativePath)) suggested.add(match.community.id.toLowerCase());
  }
  const rank = (v: VenueEntry): number => (suggested.has(v.community.id.toLowerCase()) ? 0 : 1);
  const sorted = [...venues].sort((a, b) => rank(a) - rank(b) || a.community.name.localeCompare(b.community.name));
  const items = sorted.map((entry) => ({
    label: entry.community.name,
    description: rank(entry) === 0 ? 'suggested for this code' : entry.community.domain,
    detail: venueLabel(entry),
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Where should the design thread go?', placeHolder: 'Choose a community' });
  return picked?.entry;
}

export function venueLabel(entry: VenueEntry): string {
  const v = entry.venue;
  if (v.backend === 'files') return `$(folder) ${vscode.workspace.asRelativePath(v.path)}`;
  return v.backend === 'github-discussions' ? `$(github) ${v.repository} · Discussions: ${v.category}` : `$(issues) ${v.repository} · Issues`;
}
