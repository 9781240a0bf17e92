/**
 * Fetches, in the background, each community's figures from the hub index for its code areas on
 * repositories not cloned here (the clones' repositories are left out, so nothing counts twice).
 * The view and the pages show the clones' figures at once and these when they arrive; a newer
 * report or hub makes a run in progress stale, and its answer is dropped.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { OrgApi } from '../org/orgApi';
import { affects } from '../platform/configuration';
import { Disposable } from '../platform/disposable';
import { areasBeyondWorkspace, areaText, mergeHubFigures, type CommunityHubFigures } from './hubFigures';
import type { CommunityReportService } from './reportService';
import type { CommunitySnapshot } from './snapshot';

export class CommunityHubFiguresService extends Disposable {
  private figures = new Map<string, CommunityHubFigures>();
  private computedFor: string | undefined;
  private generation = 0;
  private hubVersion = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Some community's hub figures arrived or changed state. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly org: OrgApi, private readonly service: CommunityReportService, private readonly logger: Logger) {
    super();
    this.register(service.onDidChange(() => this.update()));
    this.register(org.onDidChangeHub(() => {
      this.hubVersion++;
      this.update();
    }));
    // A hub set that cannot open fires no hub event: the setting itself says to look again.
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (affects(e, 'hub.repository')) this.update(); }));
    this.register({ dispose: () => void this.generation++ });
    this.update();
  }

  /** The community's hub figures; undefined when all its code areas are on cloned repositories. */
  get(communityId: string): CommunityHubFigures | undefined {
    return this.figures.get(communityId);
  }

  /** Resolves once the figures for the current report and hub are in (the extension's tests wait on it). */
  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.running;
      await seen;
    } while (seen !== this.running);
  }

  private update(): void {
    const snapshot = this.service.snapshot();
    if (!snapshot) return;
    const status = this.org.hubStatus();
    const key = [snapshot.key, snapshot.repositories.map((r) => r.name).join('\0'), status.repository, this.hubVersion].join('\u0001');
    if (key === this.computedFor) return;
    this.computedFor = key;
    const generation = ++this.generation;
    this.running = this.compute(snapshot, generation).catch((err: unknown) => {
      this.logger.warn(`hub figures of the communities: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  private async compute(snapshot: CommunitySnapshot, generation: number): Promise<void> {
    const local = snapshot.repositories.map((r) => r.name);
    const wanted = snapshot.communities.map((c) => ({ community: c, areas: areasBeyondWorkspace(c, local) })).filter((w) => w.areas.length > 0);
    const hub = this.org.hubStatus().repository;
    // Communities without figures yet say what is happening; ones with figures keep them until newer ones arrive.
    const next = new Map<string, CommunityHubFigures>();
    for (const { community, areas } of wanted) {
      const kept = this.figures.get(community.id);
      const texts = areas.map(areaText);
      next.set(community.id, kept?.state === 'ready' && kept.hub === hub && kept.areas.join('\0') === texts.join('\0') ? kept : { state: hub ? 'loading' : 'off', areas: texts, hub });
    }
    this.figures = next;
    this.changed.fire();
    if (!hub) return;
    const options = { wait: true, skipRepositories: local, ...(snapshot.home ? { home: snapshot.home.name } : {}) };
    for (const { community, areas } of wanted) {
      const texts = areas.map(areaText);
      let figures: CommunityHubFigures;
      try {
        const combined = await this.org.hubActivity(areas, options);
        if (generation !== this.generation) return;
        if (!combined) {
          const status = this.org.hubStatus();
          figures = status.state === 'off' ? { state: 'off', areas: texts, hub: '' } : { state: 'unavailable', areas: texts, hub, message: status.message ?? 'see the Constellation log' };
        } else {
          const perArea = [];
          for (const area of areas) perArea.push((await this.org.hubActivity([area], options)) ?? { repositories: [], files: 0, people: [] });
          if (generation !== this.generation) return;
          const generatedAt = this.org.hubStatus().generatedAt;
          figures = mergeHubFigures(snapshot.report, community.id, areas, { hub, ...(generatedAt ? { generatedAt } : {}), combined, perArea });
        }
      } catch (err) {
        if (generation !== this.generation) return;
        const message = err instanceof Error ? err.message : String(err);
        this.logger.warn(`hub figures of ${community.id}: ${message}`);
        figures = { state: 'unavailable', areas: texts, hub, message };
      }
      this.figures.set(community.id, figures);
      this.changed.fire();
    }
  }
}
