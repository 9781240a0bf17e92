import { loadDirectory } from '../../core/directory/orgDirectory';
import { RELATIONSHIP_LABELS } from '../../core/directory/types';
import { GitRunner } from '../../core/git/gitRunner';
import { findRepository } from '../../core/git/repository';
import { currentUserEmail } from '../../core/git/repositoryConfig';
import { whoKnows, type WhoKnowsAnswer } from '../../core/hub/whoKnows';
import type { Logger } from '../../core/logger';
import { CliError, ExitCode } from '../exitCodes';
import { HUB_OPTION, openHubFolder } from '../hubOption';
import { terminalJson } from '../terminalText';

export interface WhoKnowsOptions {
  hub?: string;
  repo?: string;
  directory?: string;
  limit: number;
  json: boolean;
}

/**
 * `constellation who-knows <query> --hub DIR`: answers from a hub index on disk (a clone of the hub
 * repository). "You" and the directory come from the current repository when there is one.
 */
export async function runWhoKnows(words: string[], options: WhoKnowsOptions, logger: Logger): Promise<string> {
  const text = words.join(' ').trim();
  if (!text) throw new CliError('who-knows needs a package, path, pattern glob or community name', ExitCode.usage);
  if (!options.hub) throw new CliError(`who-knows needs ${HUB_OPTION} (a hub index folder, e.g. a clone of the hub repository)`, ExitCode.usage);
  const opened = await openHubFolder(options.hub);
  if (!opened.ok) throw new CliError(opened.message, ExitCode.failed);
  const hub = opened.index;
  const git = new GitRunner({ logger });
  const repo = await findRepository(git, options.repo ?? process.cwd()).catch(() => undefined);
  const directoryRoot = repo?.root ?? process.cwd();
  const { directory } = await loadDirectory(directoryRoot, { logger, ...(options.directory ? { directoryPath: options.directory } : {}) });
  const email = repo ? await currentUserEmail(git, repo.root).catch(() => undefined) : undefined;
  const answer = await whoKnows(hub, { kind: 'text', text }, { directory, you: email ? { email } : undefined, limit: options.limit });
  return options.json ? terminalJson(answerToJson(answer)) : answerToText(text, answer);
}

function answerToJson(answer: WhoKnowsAnswer): unknown {
  return {
    resolvedAs: answer.resolvedAs,
    matched: answer.matched,
    experts: answer.experts.map((e) => ({
      name: e.name,
      email: e.email ?? null,
      login: e.login ?? null,
      score: Math.round(e.score * 1000) / 1000,
      team: e.placement.team?.name ?? null,
      businessUnit: e.placement.businessUnit?.name ?? null,
      company: e.placement.company?.name ?? null,
      relationship: e.relationship,
      former: e.former,
      repositories: e.repositories.map((r) => r.name),
      evidence: e.explanation,
    })),
  };
}

function answerToText(query: string, answer: WhoKnowsAnswer): string {
  const lines = [`who knows ${query}? — ${answer.resolvedAs}, ${answer.matched.length} matching paths`];
  if (answer.experts.length === 0) lines.push('  nobody in the hub index');
  answer.experts.forEach((e, i) => {
    const place = [e.placement.team?.name, e.placement.businessUnit?.name, e.placement.company?.name].filter(Boolean).join(' · ');
    const who = e.email ? `${e.name} <${e.email}>` : e.login && e.name !== e.login ? `${e.name} (@${e.login})` : e.name;
    lines.push(`  ${String(i + 1).padStart(2)}. ${who}  ${e.score.toFixed(2)}  ${RELATIONSHIP_LABELS[e.relationship]}${place ? ` · ${place}` : ''}${e.former ? ' · former' : ''}`);
    lines.push(`      ${e.explanation}`);
  });
  return lines.join('\n');
}
