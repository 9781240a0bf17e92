/**
 * Pattern Markdown → HTML for the webview. Raw HTML in the Markdown is escaped, code blocks are
 * highlighted by highlight.js (whose output is escaped), and links may only go to http(s) pages or
 * to Constellation's own commands; anything else is left as plain text. Remote images show as their
 * alt text and a link unless their host is allowed. Relative links to other pattern documents or
 * library files become `data-link` anchors the page turns into typed "open" messages; `#section`
 * links scroll to the heading (ids `section-<slug>`).
 */
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import hljs from 'highlight.js';
import { kebabCase } from '../util/kebabCase';
import type { DocumentLinkTarget } from './documentLinks';
import { isRelativeReference } from './documentLinks';
import { imageAllowed } from './imageHosts';

const ALLOWED_LINK = /^(?:https?:\/\/|command:constellation\.[A-Za-z0-9_.]+(?:\?|$))/i;
const REMOTE = /^https?:\/\//i;

/** Whether a link target may be rendered as a link. */
export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Heading id of a `#fragment`: the same slug for `## Together` and `#together`. */
export function sectionId(text: string): string {
  return `section-${kebabCase(text, 80) || 'top'}`;
}

export interface RenderOptions {
  /** Hosts whose https images may load (see imageHosts.ts); default none. */
  allowImagesFrom?: readonly string[];
  /** Resolves a relative link; unresolved ones render as plain text. */
  resolveLink?: (href: string) => DocumentLinkTarget | undefined;
}

export interface RenderedPattern {
  html: string;
  /** Targets of the `data-link="<index>"` anchors, in order. */
  links: DocumentLinkTarget[];
}

interface RenderEnv {
  options: RenderOptions;
  links: DocumentLinkTarget[];
  /** One entry per open link: false when its anchor was dropped (unresolvable relative link). */
  openLinks: boolean[];
}

function highlight(code: string, language: string): string {
  const lang = language.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (lang !== '' && hljs.getLanguage(lang)) {
    try {
      return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
    } catch {
      // fall through to plain text
    }
  }
  return escapeHtml(code);
}

type Renderer = ReturnType<typeof MarkdownIt>;
type Rule = NonNullable<Renderer['renderer']['rules']['link_open']>;
let renderer: Renderer | undefined;

const envOf = (env: unknown): RenderEnv => env as RenderEnv;

const renderToken: Rule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);

const linkOpen: Rule = (tokens, idx, options, rawEnv, self) => {
  const env = envOf(rawEnv);
  const token = tokens[idx];
  const href = String(token.attrGet('href') ?? '');
  if (href.startsWith('#')) {
    token.attrSet('href', '#');
    token.attrSet('data-anchor', sectionId(decodeURIComponentSafe(href.slice(1))));
    env.openLinks.push(true);
    return self.renderToken(tokens, idx, options);
  }
  if (isRelativeReference(href)) {
    const target = env.options.resolveLink?.(href);
    env.openLinks.push(target !== undefined);
    if (!target) return '';
    token.attrSet('href', '#');
    token.attrSet('data-link', String(env.links.push(target) - 1));
    return self.renderToken(tokens, idx, options);
  }
  env.openLinks.push(true);
  return self.renderToken(tokens, idx, options);
};

const linkClose: Rule = (tokens, idx, options, env, self) => (envOf(env).openLinks.pop() === false ? '' : self.renderToken(tokens, idx, options));

function imageRule(fallback: Rule): Rule {
  return (tokens, idx, options, rawEnv, self) => {
    const env = envOf(rawEnv);
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    if (imageAllowed(src, env.options.allowImagesFrom ?? [])) return fallback(tokens, idx, options, rawEnv, self);
    const alt = escapeHtml(self.renderInlineAsText(token.children ?? [], options, rawEnv) || 'image');
    const icon = '<span class="codicon codicon-file-media" aria-hidden="true"></span> ';
    // Inside a link (a badge), a second anchor would nest: show the text only.
    if (!REMOTE.test(src) || env.openLinks.length > 0) return `<span class="blocked-image">${icon}${alt}</span>`;
    let host = '';
    try {
      host = new URL(src).host;
    } catch {
      return `<span class="blocked-image">${icon}${alt}</span>`;
    }
    const title = `Image from ${host}, not loaded: allow its host in constellation.patterns.allowImagesFrom`;
    return `<a href="${escapeHtml(src)}" class="blocked-image" title="${escapeHtml(title)}">${icon}${alt}</a>`;
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function markdown(): Renderer {
  if (!renderer) {
    const md = new MarkdownIt({ html: false, linkify: true, typographer: false, highlight });
    md.validateLink = (url) => isAllowedLink(url) || isRelativeReference(url);
    md.use(anchor, { slugify: sectionId, tabIndex: false });
    md.renderer.rules.link_open = linkOpen;
    md.renderer.rules.link_close = linkClose;
    md.renderer.rules.image = imageRule(md.renderer.rules.image ?? renderToken);
    renderer = md;
  }
  return renderer;
}

/** Renders a pattern's Markdown body to safe HTML and the targets of its document links. */
export function renderPatternDocument(source: string, options: RenderOptions = {}): RenderedPattern {
  const env: RenderEnv = { options, links: [], openLinks: [] };
  const html = markdown().render(source, env as unknown as Record<string, unknown>);
  return { html, links: env.links };
}

/** Renders the Markdown body of a pattern to safe HTML (remote images blocked, relative links as text). */
export function renderPatternMarkdown(source: string, options: RenderOptions = {}): string {
  return renderPatternDocument(source, options).html;
}
