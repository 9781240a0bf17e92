/** The small part of the patterns feature exposed on the extension API, for integration tests. */
import type { PatternCatalogue } from '../../core/patterns/library';
import type { PanelModel } from '../../webview/panelMessages';
import type { PatternsNode } from './patternTreeModel';
import type { PatternsModule } from './registerPatterns';

export interface PatternsTestApi {
  catalogue(): PatternCatalogue | undefined;
  /** Resolves once the libraries are loaded (the first load or a reload in progress). */
  whenLoaded(): Promise<PatternCatalogue | undefined>;
  /** Root nodes of the Patterns view as shown now. */
  viewNodes(): PatternsNode[];
  viewFilter(): string | undefined;
  /** The open pattern page, if any. */
  panel(): { title: string; patternId?: string; visible: boolean; model?: PanelModel; html: string } | undefined;
}

/** `module` returns the module of the latest activation (see extension.ts). */
export function patternsTestApi(module: () => PatternsModule): PatternsTestApi {
  return {
    catalogue: () => module().store.catalogue(),
    whenLoaded: async () => {
      await module().store.reloadInProgress();
      return module().store.catalogue();
    },
    viewNodes: () => {
      module().view.refresh();
      return module().view.roots();
    },
    viewFilter: () => module().view.filter,
    panel: () => {
      const panel = module().panel.webviewPanel;
      return panel ? { title: panel.title, patternId: module().panel.patternId, visible: panel.visible, model: module().panel.currentModel(), html: panel.webview.html } : undefined;
    },
  };
}
