/** Experts of a pattern: the people who wrote most of the lines that use it (git blame of its usages). */
import * as vscode from 'vscode';
import type { ExpertsApi } from '../experts/expertsFeature';
import type { PatternUsage } from './usageSearch';

export interface PatternExpert {
  email: string;
  name: string;
  team?: string;
  lines: number;
  usages: number;
}

/** Usages blamed at most, so a pattern used everywhere stays quick. */
export const MAX_BLAMED_USAGES = 60;

/** Through the experts feature, so a person is merged across aliases exactly as in the hover. */
export async function patternExperts(usages: readonly PatternUsage[], experts: ExpertsApi, signal?: AbortSignal): Promise<PatternExpert[]> {
  const ranges = usages.slice(0, MAX_BLAMED_USAGES).map((u) => ({ uri: u.uri, startLine: u.range.startLine, endLine: u.range.endLine }));
  const authors = await experts.blameSummary(ranges, signal);
  return authors.map((a) => ({ email: a.email, name: a.name, team: a.team, lines: a.lines, usages: a.ranges }));
}

/** Whether experts may be computed: git runs only in a trusted workspace. */
export function expertsAvailable(): boolean {
  return vscode.workspace.isTrusted;
}
