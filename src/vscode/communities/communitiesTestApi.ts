/** The part of the communities feature exposed on the extension API in test mode, for integration tests. */
import type { CommunityReport } from '../../core/communities/reportTypes';
import { resolveMe } from './communityModel';
import type { CommunitiesFeature } from './communitiesFeature';
import type { PageKind } from './communityPanels';
import type { CommunityHubFigures } from './hubFigures';
import { joinModel, type JoinModel } from './joinModel';
import type { PageTargets } from './pages/html';
import { participationModel, type ParticipationModel } from './participationModel';
import type { ReportState } from './reportService';
import type { CommunitiesNode } from './viewModel';

export interface CommunitiesTestApi {
  /** The report, computed first when there is none. */
  report(): Promise<CommunityReport | undefined>;
  /** Gathers the inputs again; recomputes only when they changed (unless `force`). */
  refresh(force?: boolean): Promise<CommunityReport | undefined>;
  state(): ReportState;
  /** Cancels the run in progress (the Cancel button of the progress notification does this). */
  cancel(): void;
  /** How many reports the worker computed (cache hits do not count). */
  computations(): number;
  viewNodes(): Promise<CommunitiesNode[]>;
  viewChildren(node: CommunitiesNode): Promise<CommunitiesNode[]>;
  /** An open page: its document as set on the webview, and what its buttons point at. */
  page(kind: PageKind): { title: string; html?: string; visible: boolean; firstPaintMs?: number; targets?: PageTargets } | undefined;
  /** What a message from a page does, exactly as when the webview sends it. */
  fromPage(kind: PageKind, message: unknown): Promise<unknown>;
  join(communityId: string): Promise<JoinModel | undefined>;
  participation(): Promise<ParticipationModel | undefined>;
  /** The community's figures from the hub index once those for the current report and hub are in. */
  hubFigures(communityId: string): Promise<CommunityHubFigures | undefined>;
}

export function communitiesTestApi(feature: CommunitiesFeature): CommunitiesTestApi {
  const snapshotAndMe = async () => {
    const snapshot = await feature.service.ensure(true);
    return snapshot && { snapshot, me: resolveMe(snapshot, await feature.meEmails()) };
  };
  return {
    report: async () => (await feature.service.ensure(true))?.report,
    refresh: async (force = false) => (await feature.service.refresh(true, force))?.report,
    state: () => feature.service.state,
    cancel: () => feature.service.cancel(),
    computations: () => feature.service.computations,
    viewNodes: () => feature.view.getChildren(),
    viewChildren: (node) => feature.view.getChildren(node),
    page: (kind) => {
      const page = feature.panels.page(kind);
      return page && { title: page.panel.title, html: page.html, visible: page.panel.visible, firstPaintMs: page.firstPaintMs, targets: page.content?.targets };
    },
    fromPage: (kind, message) => feature.panels.handle(kind, message),
    join: async (id) => {
      const found = await snapshotAndMe();
      return found && joinModel(found.snapshot, id, found.me);
    },
    participation: async () => {
      const found = await snapshotAndMe();
      return found && participationModel(found.snapshot, found.me);
    },
    hubFigures: async (id) => {
      await feature.service.ensure(true);
      await feature.hub.settled();
      return feature.hub.get(id);
    },
  };
}
