/**
 * Pattern Markdown → HTML for the webview. Raw HTML in the Markdown is escaped, code blocks are
 * highlighted by highlight.js (whose output is escaped), and links may only go to http(s) pages or
 * to Constellation's own commands; anything else is left as plain text.
 */
import MarkdownIt from 'markdown-it';
import hljs from 'highlight.js';

const ALLOWED_LINK = /^(?:https?:\/\/|command:constellation\.[A-Za-z0-9_.]+(?:\?|$))/i;

/** Whether a link target may be rendered as a link. */
export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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
let renderer: Renderer | undefined;

function markdown(): Renderer {
  if (!renderer) {
    renderer = new MarkdownIt({ html: false, linkify: true, typographer: false, highlight });
    renderer.validateLink = isAllowedLink;
  }
  return renderer;
}

/** Renders the Markdown body of a pattern to safe HTML. */
export function renderPatternMarkdown(source: string): string {
  return markdown().render(source);
}
