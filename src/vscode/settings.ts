import * as vscode from 'vscode';
import { defaultExpertModelOptions } from '../core/experts/ranking';
import type { ExpertModelOptions } from '../core/experts/types';

export interface ExpertSettings {
  enableHover: boolean;
  hoverCount: number;
  crossTeamFirst: boolean;
  directoryPath: string;
  model(now: number): ExpertModelOptions;
}

/** Reads `constellation.*` settings fresh each time, so changes apply without a reload. */
export function readExpertSettings(): ExpertSettings {
  const experts = vscode.workspace.getConfiguration('constellation.experts');
  const directory = vscode.workspace.getConfiguration('constellation.directory');
  return {
    enableHover: experts.get<boolean>('enableHover', true),
    hoverCount: experts.get<number>('hoverCount', 3),
    crossTeamFirst: experts.get<boolean>('crossTeamFirst', true),
    directoryPath: directory.get<string>('path', '.constellation/directory.yml'),
    model: (now) => {
      const defaults = defaultExpertModelOptions(now);
      return {
        halfLifeDays: experts.get<number>('halfLifeDays', defaults.halfLifeDays),
        formerAfterDays: experts.get<number>('formerAfterDays', defaults.formerAfterDays),
        backoffMinChanges: experts.get<number>('backoffMinChanges', defaults.backoffMinChanges),
        extraBots: experts.get<string[]>('extraBots', defaults.extraBots),
        now,
      };
    },
  };
}
