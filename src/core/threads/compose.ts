import { isGitHubLogin } from '../directory/identity';
import type { Relationship } from '../directory/types';
import { escapeMarkdown } from '../util/markdown';
import { embedAnchor, stripAnchor, type Anchor } from './anchor';
import { fencedCode, languageForPath } from './codeFence';

export interface SuggestedExpert {
  name: string;
  email?: string;
  /** GitHub login; only then is the person @mentioned. */
  login?: string;
  team?: string;
  relationship?: Relationship;
}

export interface RelatedPattern {
  title: string;
  url?: string;
}

export interface CodeSnippet {
  path: string;
  startLine: number;
  endLine: number;
  text: string;
  /** Markdown info string; guessed from the path when absent. */
  language?: string;
}

export interface ThreadComposition {
  question: string;
  snippet?: CodeSnippet;
  permalink?: string;
  anchor?: Anchor;
  experts?: SuggestedExpert[];
  patterns?: RelatedPattern[];
  /** At most this many experts are suggested (default 5). */
  maxExperts?: number;
}

export interface PreviewExpert {
  /** `@login` or the plain name. */
  label: string;
  mention: boolean;
  team?: string;
}

/** What the compose UI shows; `body` is exactly what will be sent. */
export interface ThreadPreview {
  question: string;
  code?: { path: string; startLine: number; endLine: number; language: string; text: string; permalink?: string };
  experts: PreviewExpert[];
  patterns: RelatedPattern[];
  body: string;
}

/** Experts from other teams only: asking your own team does not need a cross-team thread. */
export function previewExperts(experts: readonly SuggestedExpert[], max = 5): PreviewExpert[] {
  const seen = new Set<string>();
  const result: PreviewExpert[] = [];
  for (const expert of experts) {
    if (expert.relationship === 'your-team' || result.length >= max) {
      continue;
    }
    const key = (expert.login ?? expert.email ?? expert.name).toLowerCase();
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const mention = isGitHubLogin(expert.login);
    result.push({ label: mention ? `@${expert.login}` : expert.name, mention, team: expert.team });
  }
  return result;
}

export function renderPreview(input: ThreadComposition): ThreadPreview {
  const experts = previewExperts(input.experts ?? [], input.maxExperts);
  const patterns = (input.patterns ?? []).filter((p) => p.title.trim());
  const code = input.snippet && {
    path: input.snippet.path,
    startLine: input.snippet.startLine,
    endLine: input.snippet.endLine,
    language: input.snippet.language ?? languageForPath(input.snippet.path),
    text: input.snippet.text,
    permalink: input.permalink,
  };
  return { question: input.question.trim(), code, experts, patterns, body: composeBody(input.question.trim(), code, experts, patterns, input.anchor) };
}

/** The Markdown body of a new thread: question, link, snippet, experts, patterns, hidden anchor. */
export function composeThreadBody(input: ThreadComposition): string {
  return renderPreview(input).body;
}

function composeBody(question: string, code: ThreadPreview['code'], experts: PreviewExpert[], patterns: RelatedPattern[], anchor?: Anchor): string {
  const parts: string[] = [];
  if (question) {
    parts.push(question);
  }
  if (code) {
    const lines = code.startLine === code.endLine ? `line ${code.startLine}` : `lines ${code.startLine}–${code.endLine}`;
    const where = `\`${code.path.replace(/`/g, '')}\` ${lines}`;
    parts.push(code.permalink ? `**Code:** [${where}](${linkTarget(code.permalink)})` : `**Code:** ${where}`);
    parts.push(fencedCode(code.text, code.language));
  }
  if (experts.length) {
    const names = experts.map((e) => {
      const who = e.mention ? e.label : escapeMarkdown(e.label);
      return e.team ? `${who} (${escapeMarkdown(e.team)})` : who;
    });
    parts.push(`**Suggested experts from other teams:** ${names.join(', ')}`);
  }
  if (patterns.length) {
    const items = patterns.map((p) => (p.url ? `- [${escapeMarkdown(p.title)}](${linkTarget(p.url)})` : `- ${escapeMarkdown(p.title)}`));
    parts.push(['**Related patterns:**', ...items].join('\n'));
  }
  const body = parts.join('\n\n');
  return anchor ? embedAnchor(body, anchor) : `${body}\n`;
}

/** The `**Code:**` line, a blank line, then a backtick fence (3+) up to its own closing fence. */
const COMPOSED_SNIPPET = /^(\*\*Code:\*\* [^\r\n]*)\r?\n\r?\n(`{3,})[^`\r\n]*\r?\n[\s\S]*?\r?\n\2(?!`)[ \t]*(?=\r?\n|$)/m;

/**
 * A thread's body as shown in the editor's comment widget, which sits right under the code: the
 * snippet that compose put after the `**Code:**` line is left out (that line and its link stay).
 * The body as posted (the web page) keeps it. Bodies written otherwise are shown as they are.
 */
export function bodyBesideCode(body: string): string {
  return stripAnchor(body).replace(COMPOSED_SNIPPET, '$1');
}

/** A link destination that survives spaces and parentheses. */
function linkTarget(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>` : url;
}
