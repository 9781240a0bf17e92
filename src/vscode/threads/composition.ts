import * as vscode from 'vscode';
import type { Pattern } from '../../core/patterns/patternTypes';
import { createAnchor, type Anchor } from '../../core/threads/anchor';
import type { RelatedPattern, SuggestedExpert, ThreadComposition } from '../../core/threads/compose';
import { checkPushed } from '../../core/git/pushState';
import { buildPermalink } from '../../core/threads/permalink';
import type { ExpertsApi } from '../experts/expertsFeature';
import type { PatternsApi } from '../patterns/patternsApi';
import type { RepositoryRegistry } from '../platform/repositories';
import { repositoryInfo } from './repositories';

export interface CodeSelection {
  document: vscode.TextDocument;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
}

export interface CompositionDeps {
  experts: ExpertsApi;
  patterns?: PatternsApi;
  registry: RepositoryRegistry;
  /** Web address of the configured GitHub, for links to pattern sources. */
  githubWeb: () => string;
}

export interface CodeContext {
  root: string;
  relativePath: string;
  anchor: Anchor;
  permalink?: string;
  /** Set when HEAD is not in any remote-tracking branch: the link may not resolve yet. */
  unpushed?: { branch?: string; upstream?: string };
}

/** Anchor and permalink of the selected lines, at HEAD of the file's repository. */
export async function codeContext(deps: CompositionDeps, code: CodeSelection): Promise<CodeContext | undefined> {
  const location = await deps.registry.locate(code.document.uri);
  if (!location) return undefined;
  const git = deps.registry.git;
  const root = location.repository.root;
  const info = await repositoryInfo(location.repository);
  const commit = (await location.repository.head().catch(() => undefined)) ?? '';
  const anchor = createAnchor({
    remote: info.primary?.repository.webUrl ?? info.remotes[0],
    path: location.relativePath,
    commit: commit || '0'.repeat(40),
    startLine: code.startLine,
    endLine: code.endLine,
    fileText: code.document.getText(),
  });
  if (!info.primary || !commit) return { root, relativePath: location.relativePath, anchor };
  const push = await checkPushed(git, root, commit).catch(() => undefined);
  const permalink = buildPermalink(info.primary.repository, commit, location.relativePath, code.startLine, code.endLine);
  const unpushed = push && !push.pushed ? { branch: push.branch, upstream: push.upstream } : undefined;
  return { root, relativePath: location.relativePath, anchor, permalink, unpushed };
}

/** Experts of the lines, with the asked-for expert first; GitHub logins come from the directory. */
export async function suggestedExperts(deps: CompositionDeps, code: CodeSelection, expertEmail?: string): Promise<SuggestedExpert[]> {
  const target = { uri: code.document.uri.toString(), startLine: code.startLine, endLine: code.endLine };
  const { ranking } = await deps.experts.rank(target, { limit: 10 }).catch(() => ({ ranking: undefined }));
  const experts: SuggestedExpert[] = (ranking?.experts ?? [])
    .filter((e) => !e.former)
    .map((e) => ({ name: e.name, email: e.email, login: e.placement.github, team: e.placement.team?.name, relationship: e.relationship }));
  if (expertEmail) {
    const wanted = expertEmail.toLowerCase();
    experts.sort((a, b) => Number(b.email?.toLowerCase() === wanted) - Number(a.email?.toLowerCase() === wanted));
  }
  return experts;
}

export function relatedPatterns(deps: CompositionDeps, code: CodeSelection | undefined, patternId?: string): { patterns: RelatedPattern[]; community?: string } {
  const found: Pattern[] = [];
  const chosen = patternId ? deps.patterns?.catalogue()?.byId(patternId) : undefined;
  if (chosen) found.push(chosen);
  if (code && deps.patterns) {
    try {
      found.push(...deps.patterns.patternsAt(code.document, new vscode.Range(code.startLine - 1, 0, code.endLine - 1, Number.MAX_SAFE_INTEGER)));
    } catch {
      // The patterns feature is optional; a failure there must not stop a thread.
    }
  }
  const unique = [...new Map(found.map((p) => [p.id, p])).values()];
  return { patterns: unique.map((p) => ({ title: p.title, url: patternUrl(p, deps.githubWeb()) })), community: chosen?.community };
}

/** `owner/repo@ref:path` sources have a web page on the configured GitHub; local files do not (yet). */
export function patternUrl(pattern: Pattern, githubWeb: string): string | undefined {
  const match = /^([\w.-]+\/[\w.-]+)@([^:]+):(.+)$/.exec(pattern.file);
  return match ? buildPermalink(`${githubWeb}/${match[1]}`, match[2], match[3]) : undefined;
}

export function snippetComposition(question: string, code: CodeSelection | undefined, context: CodeContext | undefined, experts: SuggestedExpert[], patterns: RelatedPattern[]): ThreadComposition {
  const snippet = code && context
    ? { path: context.relativePath, startLine: code.startLine, endLine: code.endLine, text: code.document.getText(new vscode.Range(code.startLine - 1, 0, code.endLine, 0)).replace(/\r?\n$/, ''), language: code.document.languageId }
    : undefined;
  return { question, snippet, permalink: context?.permalink, anchor: context?.anchor, experts, patterns };
}
