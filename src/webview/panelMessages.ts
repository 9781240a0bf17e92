/** Messages between the pattern panel (this webview) and the extension; shared by both sides, so no DOM and no editor import. */
import type { PatternStatus } from '../core/patterns/patternTypes';

export interface PanelLink {
  /** Index into the list it came from; the extension resolves it (the webview never sends paths). */
  index: number;
  label: string;
  detail?: string;
}

export interface PanelPatternRef {
  id: string;
  title: string;
  status?: PatternStatus;
}

export interface PanelPerson {
  label: string;
  detail?: string;
}

export interface PanelModel {
  id: string;
  title: string;
  summary: string;
  status: PatternStatus;
  community: string;
  tags: string[];
  source: string;
  /** Safe HTML from renderPatternDocument. */
  html: string;
  maintainers: PanelPerson[];
  examples: PanelLink[];
  /** Undefined while the workspace is being searched. */
  usages?: PanelLink[];
  usagesNote?: string;
  replacedBy?: PanelPatternRef;
  replaces: PanelPatternRef[];
  related: PanelPatternRef[];
  /** Undefined while computing. */
  experts?: PanelPerson[];
  expertsNote?: string;
}

export type ToPanel = { type: 'render'; model: PanelModel };

export type FromPanel =
  | { type: 'ready' }
  | { type: 'openLink'; href: string }
  | { type: 'openExample'; index: number }
  | { type: 'openUsage'; index: number }
  | { type: 'openPattern'; id: string }
  /** A relative link of the body: the index of its `data-link` anchor (the extension resolved it). */
  | { type: 'openDocumentLink'; index: number }
  | { type: 'openSource' };

/** Validates a message from the webview (it is untrusted input). */
export function parseFromPanel(data: unknown): FromPanel | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'openSource':
      return { type: m.type };
    case 'openLink':
      return typeof m.href === 'string' && m.href.length < 4096 ? { type: 'openLink', href: m.href } : undefined;
    case 'openExample':
    case 'openUsage':
    case 'openDocumentLink':
      return Number.isInteger(m.index) && (m.index as number) >= 0 ? { type: m.type, index: m.index as number } : undefined;
    case 'openPattern':
      return typeof m.id === 'string' && /^[a-z0-9-]{1,100}$/.test(m.id) ? { type: 'openPattern', id: m.id } : undefined;
    default:
      return undefined;
  }
}
