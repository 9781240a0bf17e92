/** Experts of a pattern: the people who wrote most of the lines that use it (git blame of its usages). */
import * as vscode from 'vscode';
import { isBot } from '../../core/experts/bots';
import { resolveHead } from '../../core/git/repository';
import type { ExpertsModule } from '../experts/registerExperts';
import { readExpertSettings } from '../settings';
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

export async function patternExperts(usages: readonly PatternUsage[], experts: ExpertsModule, signal?: AbortSignal): Promise<PatternExpert[]> {
  const { services } = experts;
  const extraBots = readExpertSettings().model(Date.now() / 1000).extraBots;
  const byEmail = new Map<string, PatternExpert & { repository: string }>();
  const heads = new Map<string, Promise<string | undefined>>();
  for (const usage of usages.slice(0, MAX_BLAMED_USAGES)) {
    if (signal?.aborted) break;
    const location = await services.resolver.locate(usage.uri, signal);
    if (!location) continue;
    let head = heads.get(location.repository);
    if (!head) {
      head = resolveHead(services.git, location.repository, signal).catch(() => undefined);
      heads.set(location.repository, head);
    }
    const resolvedHead = await head;
    if (!resolvedHead) continue;
    try {
      const blame = await services.blameCache.get(services.git, location.repository, resolvedHead, location.relativePath, {
        startLine: usage.range.startLine,
        endLine: usage.range.endLine,
        signal,
      });
      for (const [email, lines] of blame.linesByPerson) {
        const name = blame.names.get(email) ?? email;
        if (isBot(email, name, extraBots)) continue;
        const entry = byEmail.get(email) ?? { email, name, lines: 0, usages: 0, repository: location.repository };
        entry.lines += lines;
        entry.usages += 1;
        byEmail.set(email, entry);
      }
    } catch (error) {
      services.logger.debug(`pattern experts: no blame for ${location.relativePath}: ${(error as Error).message}`);
    }
  }
  const ranked = [...byEmail.values()].sort((a, b) => b.lines - a.lines || b.usages - a.usages || a.email.localeCompare(b.email));
  return Promise.all(
    ranked.map(async ({ repository, ...expert }) => {
      const { directory } = await services.directories.get(repository);
      const placement = directory.placementOf({ email: expert.email, name: expert.name });
      return { ...expert, name: placement.name ?? expert.name, team: placement.team?.name };
    }),
  );
}

/** Whether experts may be computed: git runs only in a trusted workspace. */
export function expertsAvailable(): boolean {
  return vscode.workspace.isTrusted;
}
