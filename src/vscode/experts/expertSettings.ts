import type { ExpertModelOptions } from '../../core/experts/types';
import { setting } from '../platform/configuration';

export interface ExpertSettings {
  enableHover: boolean;
  hoverCount: number;
  crossTeamFirst: boolean;
  model(now: number): ExpertModelOptions;
}

/** Reads `constellation.experts.*` fresh each time, so changes apply without a reload. */
export function readExpertSettings(): ExpertSettings {
  return {
    enableHover: setting('experts.enableHover'),
    hoverCount: setting('experts.hoverCount'),
    crossTeamFirst: setting('experts.crossTeamFirst'),
    model: (now) => ({
      halfLifeDays: setting('experts.halfLifeDays'),
      formerAfterDays: setting('experts.formerAfterDays'),
      backoffMinChanges: setting('experts.backoffMinChanges'),
      extraBots: setting('experts.extraBots'),
      now,
    }),
  };
}
