/**
 * Fetches, in the background, each community's figures from the hub index for its code areas on
 * repositories not cloned here (the clones' repositories are left out, so nothing counts twice).
 * The view and the pages show the clones' figures at once and these when they arrive; a newer
 * report or hub makes a run in progress stale (HubFiguresState drops its answer).
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { OrgApi } from '../org/orgApi';
import { affects } from '../platform/configuration';
import { Disposable } from '../platform/disposable';
import type { CommunityHubFigures } from './hubFigures';
import { HubFiguresState } from './hubFiguresState';
import type { CommunityReportService } from './reportService';

export class CommunityHubFiguresService extends Disposable {
  private readonly state: HubFiguresState;
  private hubVersion = 0;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Some community's hub figures arrived or changed state. */
  readonly onDidChange = this.changed.event;

  constructor(org: OrgApi, private readonly service: CommunityReportService, logger: Logger) {
    super();
    this.state = new HubFiguresState(org, logger, () => this.changed.fire());
    this.register(service.onDidChange(() => this.update()));
    this.register(org.onDidChangeHub(() => {
      this.hubVersion++;
      this.update();
    }));
    // A hub set that cannot open fires no hub event: the setting itself says to look again.
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'hub.repository')) this.update(); }));
    this.register({ dispose: () => this.state.stop() });
    this.update();
  }

  /** The community's hub figures; undefined when all its code areas are on cloned repositories. */
  get(communityId: string): CommunityHubFigures | undefined {
    return this.state.get(communityId);
  }

  /** Resolves once the figures for the current report and hub are in (the extension's tests wait on it). */
  settled(): Promise<void> {
    return this.state.settled();
  }

  private update(): void {
    this.state.update(this.service.snapshot(), this.hubVersion);
  }
}
