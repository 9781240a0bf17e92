import * as vscode from 'vscode';
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
    model: (now) => ({
      halfLifeDays: experts.get<number>('halfLifeDays', 180),
      formerAfterDays: experts.get<number>('formerAfterDays', 365),
      backoffMinChanges: experts.get<number>('backoffMinChanges', 3),
      extraBots: experts.get<string[]>('extraBots', []),
      now,
    }),
  };
}
