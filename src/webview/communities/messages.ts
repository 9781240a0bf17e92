/**
 * Messages between the community pages (community page, constellation map, my participation) and
 * the extension. Shared by both sides, so no DOM and no editor import. The page never sends a path
 * or an address: it names what it shows by an index or an id the extension resolves and checks.
 */

/** What the extension sends once the page is shown: bring a section into view (the content itself is the page's HTML). */
export type ToCommunityPage = { type: 'focus'; section: string };

export type FromCommunityPage =
  | { type: 'ready' }
  /** The page's first contentful paint, ms after the webview document started loading. */
  | { type: 'painted'; firstContentfulPaintMs: number }
  | { type: 'openFile'; index: number }
  | { type: 'openThread'; index: number }
  | { type: 'startGapThread'; index: number }
  | { type: 'openCommunity'; id: string }
  | { type: 'join'; id: string }
  | { type: 'openPattern'; id: string }
  | { type: 'openMap' }
  | { type: 'openParticipation' }
  | { type: 'copyMarkdown' }
  | { type: 'createConfig' };

/** The `data-action` names the page's buttons carry. */
export const PAGE_ACTIONS = ['openFile', 'openThread', 'startGapThread', 'openCommunity', 'join', 'openPattern', 'openMap', 'openParticipation', 'copyMarkdown', 'createConfig'] as const;
export type PageAction = (typeof PAGE_ACTIONS)[number];

const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const MAX_INDEX = 100_000;

/** Validates a message from the webview (it is untrusted input). */
export function parseFromCommunityPage(data: unknown): FromCommunityPage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'openMap':
    case 'openParticipation':
    case 'copyMarkdown':
    case 'createConfig':
      return { type: m.type };
    case 'painted':
      return typeof m.firstContentfulPaintMs === 'number' && Number.isFinite(m.firstContentfulPaintMs) && m.firstContentfulPaintMs >= 0
        ? { type: 'painted', firstContentfulPaintMs: m.firstContentfulPaintMs }
        : undefined;
    case 'openFile':
    case 'openThread':
    case 'startGapThread':
      return Number.isInteger(m.index) && (m.index as number) >= 0 && (m.index as number) < MAX_INDEX ? { type: m.type, index: m.index as number } : undefined;
    case 'openCommunity':
    case 'join':
    case 'openPattern':
      return typeof m.id === 'string' && ID.test(m.id) ? { type: m.type, id: m.id } : undefined;
    default:
      return undefined;
  }
}

/** The message a clicked `data-action` button sends (undefined for an unknown or malformed one). */
export function messageForAction(action: string | undefined, argument: string | undefined): FromCommunityPage | undefined {
  if (!action || !(PAGE_ACTIONS as readonly string[]).includes(action)) return undefined;
  const index = argument !== undefined && /^\d+$/.test(argument) ? Number(argument) : undefined;
  return parseFromCommunityPage({ type: action, index, id: argument });
}
