/** What the pattern panel shows, assembled from the catalogue, the org directory and the workspace. */
import * as vscode from 'vscode';
import type { PatternCatalogue } from '../../core/patterns/library';
import type { Pattern } from '../../core/patterns/patternTypes';
import { resolveDocumentLink } from '../../core/patterns/documentLinks';
import { renderPatternDocument, type RenderedPattern } from '../../core/patterns/render';
import type { OrgDirectoryService } from '../platform/orgDirectory';
import type { ResolvedExample } from './exampleLinks';
import { rootsFor } from './exampleLinks';
import type { PanelModel, PanelPatternRef, PanelPerson } from '../../webview/panelMessages';
import type { PatternExpert } from './patternExperts';
import type { PatternUsage } from './usageSearch';
import { readPatternSettings } from './patternSettings';

function ref(catalogue: PatternCatalogue, id: string): PanelPatternRef {
  const pattern = catalogue.byId(id);
  return { id, title: pattern?.title ?? id, status: pattern?.status };
}

/** Maintainers (emails or GitHub logins) resolved through the org directory: name and team. */
export async function maintainersOf(pattern: Pattern, directories: OrgDirectoryService): Promise<PanelPerson[]> {
  const root = rootsFor(pattern)[0];
  const directory = root ? await directories.get(root).then((d) => d.directory, () => undefined) : undefined;
  return pattern.maintainers.map((handle) => {
    const isEmail = handle.includes('@');
    const placement = directory?.placementOf(isEmail ? { email: handle } : { email: '', github: handle.replace(/^@/, '') });
    const name = placement?.name;
    const detail = [placement?.team?.name, isEmail ? handle : `@${handle.replace(/^@/, '')}`].filter(Boolean).join(' · ');
    return { label: name ?? handle, detail };
  });
}

export interface PanelInputs {
  pattern: Pattern;
  catalogue: PatternCatalogue;
  maintainers: PanelPerson[];
  examples: ResolvedExample[];
  usages?: PatternUsage[];
  usagesNote?: string;
  experts?: PatternExpert[];
  expertsNote?: string;
}

/** The body as HTML and the targets of its `data-link` anchors (relative links to patterns and library files). */
export function renderBody(inputs: PanelInputs): RenderedPattern {
  const { pattern, catalogue } = inputs;
  return renderPatternDocument(pattern.body, {
    allowImagesFrom: readPatternSettings().allowImagesFrom,
    resolveLink: (href) => resolveDocumentLink(href, pattern, catalogue.patterns),
  });
}

export function buildPanelModel(inputs: PanelInputs): PanelModel {
  const { pattern, catalogue } = inputs;
  return {
    id: pattern.id,
    title: pattern.title,
    summary: pattern.summary,
    status: pattern.status,
    community: pattern.community,
    tags: pattern.tags,
    source: pattern.source,
    html: renderBody(inputs).html,
    maintainers: inputs.maintainers,
    examples: inputs.examples.map((e, index) => ({ index, label: e.label, detail: e.kind === 'missing' ? 'not found in this workspace' : undefined })),
    usages: inputs.usages
      ?.map((u, index) => ({ index, path: vscode.workspace.asRelativePath(u.uri, false), line: u.range.startLine, kind: u.kind }))
      .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)
      .map((u) => ({ index: u.index, label: `${u.path}:${u.line}`, detail: u.kind === 'marker' ? 'marked' : 'detected' })),
    usagesNote: inputs.usagesNote,
    replacedBy: pattern.replacedBy ? ref(catalogue, pattern.replacedBy) : undefined,
    replaces: catalogue.patterns.filter((p) => p.replacedBy === pattern.id).map((p) => ref(catalogue, p.id)),
    related: pattern.related.map((id) => ref(catalogue, id)),
    experts: inputs.experts?.map((e) => ({
      label: e.name,
      detail: [e.team, `${e.lines} line${e.lines === 1 ? '' : 's'} in ${e.usages} usage${e.usages === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
    })),
    expertsNote: inputs.expertsNote,
  };
}
