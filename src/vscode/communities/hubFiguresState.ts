/**
 * Each community's figures from the hub index, computed in the background for the report in hand:
 * a newer report or hub makes a run in progress stale, and its answers are dropped. No editor
 * import (the service wires it to the editor's events; the unit tests drive it directly).
 */
import type { Logger } from '../../core/logger';
import type { OrgApi } from '../org/orgApi';
import { areasBeyondWorkspace, areaText, mergeHubFigures, type CommunityHubFigures } from './hubFigures';
import type { CommunitySnapshot } from './snapshot';

export type HubFiguresSource = Pick<OrgApi, 'hubActivity' | 'hubStatus'>;

export class HubFiguresState {
  private figures = new Map<string, CommunityHubFigures>();
  private computedFor: string | undefined;
  private generation = 0;
  private running: Promise<void> = Promise.resolve();

  /** `changed`: some community's figures arrived or changed state. */
  constructor(private readonly org: HubFiguresSource, private readonly logger: Logger, private readonly changed: () => void) {}

  /** The community's hub figures; undefined when all its code areas are on cloned repositories. */
  get(communityId: string): CommunityHubFigures | undefined {
    return this.figures.get(communityId);
  }

  /** Resolves once the figures for the latest report and hub are in. */
  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.running;
      await seen;
    } while (seen !== this.running);
  }

  /** The report or the hub (`hubVersion` counts its changes) may have changed: compute again if so. */
  update(snapshot: CommunitySnapshot | undefined, hubVersion: number): void {
    if (!snapshot) return;
    const key = [snapshot.key, snapshot.repositories.map((r) => r.name).join('\0'), this.org.hubStatus().repository, hubVersion].join('\u0001');
    if (key === this.computedFor) return;
    this.computedFor = key;
    const generation = ++this.generation;
    this.running = this.compute(snapshot, generation).catch((err: unknown) => {
      this.logger.warn(`hub figures of the communities: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  /** Drops whatever is still running. */
  stop(): void {
    this.generation++;
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
    this.changed();
    if (!hub) return;
    // The clones' repositories are never counted again from the hub.
    const options = { wait: true, skipRepositories: local, ...(snapshot.home ? { home: snapshot.home } : {}) };
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
      this.changed();
    }
  }
}
