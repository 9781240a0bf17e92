/** The part of the patterns feature exposed on the extension API in test mode, for integration tests. */
import type { PatternCatalogue } from '../../core/patterns/library';
import type { PanelModel } from '../../webview/panelMessages';
import type { NewPatternArgs } from './editActions';
import type { PatternsFeature } from './patternsFeature';
import type { PatternsNode } from './patternTreeModel';

export interface PatternsTestApi {
  catalogue(): PatternCatalogue | undefined;
  /** Resolves once the libraries are loaded (the first load or a reload in progress). */
  whenLoaded(): Promise<PatternCatalogue | undefined>;
  /** The libraries whose parsed files the session cache keeps. */
  parsedFileSources(): string[];
  /** Root nodes of the Patterns view as shown now. */
  viewNodes(): PatternsNode[];
  viewFilter(): string | undefined;
  /** The open pattern page, if any. */
  panel(): { title: string; patternId?: string; visible: boolean; model?: PanelModel; html: string } | undefined;
  /** What a click on a link of the open pattern page does; false when it was refused. */
  clickLink(href: string): Promise<boolean>;
  /** "New Pattern from Selection" with every answer given (the command itself asks). */
  newFromSelection(args: NewPatternArgs): Promise<string | undefined>;
  linkSelection(patternId: string): Promise<boolean>;
}

export function patternsTestApi(feature: PatternsFeature): PatternsTestApi {
  return {
    catalogue: () => feature.store.catalogue(),
    whenLoaded: async () => {
      await feature.store.reloadInProgress();
      return feature.store.catalogue();
    },
    parsedFileSources: () => feature.store.parsedFileSources(),
    viewNodes: () => {
      feature.view.refresh();
      return feature.view.roots();
    },
    viewFilter: () => feature.view.filter,
    panel: () => {
      const panel = feature.panel.webviewPanel;
      return panel ? { title: panel.title, patternId: feature.panel.patternId, visible: panel.visible, model: feature.panel.currentModel(), html: panel.webview.html } : undefined;
    },
    clickLink: (href) => feature.panel.openLink(href),
    newFromSelection: async (args) => (await feature.newFromSelection(args))?.fsPath,
    linkSelection: (patternId) => feature.linkSelection(patternId),
  };
}
