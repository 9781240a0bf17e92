import { parseArgs } from 'util';
import { computeCommunityReport } from '../../core/communities/communityReport';
import type { CommunityReport } from '../../core/communities/reportTypes';
import type { Logger } from '../../core/logger';
import { hubFiguresOfReport, type CliHubFigures } from '../communities/hubFigures';
import { loadCommunityInputs } from '../communities/loadInputs';
import { reportToHtml } from '../communities/formatHtml';
import { proposalsMarkdown, reportToMarkdown } from '../communities/formatMarkdown';
import { proposalsText, reportToText, windowLine } from '../communities/formatText';
import { CliError, ExitCode } from '../exitCodes';
import { terminalJson } from '../terminalText';

export const COMMUNITIES_HELP = `  constellation communities [discover] [--repo [NAME=]DIR]... [--since DATE] [--until DATE]
                            [--window DAYS] [--config FILE] [--directory FILE] [--bot PATTERN]...
                            [--hub DIR] [--format text|json|md|html]`;

const FORMATS = ['text', 'json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `constellation communities`: every figure of every community (json: the CommunityReport shape
 * documented in README); `discover` prints only the proposed potential communities.
 * Diagnostics of the config files go to stderr; the report still comes out.
 */
export async function runCommunities(argv: string[], logger: Logger, warn: (line: string) => void): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        repo: { type: 'string', multiple: true, default: [] },
        since: { type: 'string' },
        until: { type: 'string' },
        window: { type: 'string' },
        config: { type: 'string' },
        directory: { type: 'string' },
        hub: { type: 'string' },
        bot: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'text' },
        verbose: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new CliError((err as Error).message, ExitCode.usage);
  }
  const { values, positionals } = parsed;
  const sub = positionals[0];
  if (positionals.length > 1 || (sub !== undefined && sub !== 'discover')) throw new CliError(`communities takes no argument but 'discover', not '${positionals.join(' ')}'`, ExitCode.usage);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new CliError(`--format is one of ${FORMATS.join(', ')}, not '${values.format}'`, ExitCode.usage);
  const now = values.until !== undefined ? dateOption('--until', values.until) : Date.now() / 1000;
  const since = values.since !== undefined ? dateOption('--since', values.since) : undefined;
  if (since !== undefined && since >= now) throw new CliError('--since must be before --until (or now)', ExitCode.usage);
  const windowDays = values.window === undefined ? undefined : Number(values.window);
  if (windowDays !== undefined && !(Number.isInteger(windowDays) && windowDays > 0)) throw new CliError(`--window takes a whole number of days, not '${values.window}'`, ExitCode.usage);
  if (windowDays !== undefined && since !== undefined) throw new CliError('give --since or --window, not both', ExitCode.usage);

  const loaded = await loadCommunityInputs({ repos: values.repo, config: values.config, directory: values.directory }, logger);
  for (const d of loaded.diagnostics) warn(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  const report = computeCommunityReport(loaded.inputs, { now, since, windowDays, extraBots: values.bot });
  report.notes.unshift(...loaded.notes);
  if (sub === 'discover') return formatDiscovery(report, format);
  // Code areas on repositories not given with --repo: counted from the hub index when there is one.
  const hub = await hubFiguresOfReport({
    ...(values.hub ? { hubFolder: values.hub } : {}),
    report,
    communities: loaded.inputs.communities,
    localRepositories: loaded.inputs.repositories.map((r) => r.name),
    ...(loaded.inputs.directory ? { directory: loaded.inputs.directory } : {}),
    ...(loaded.you ? { you: { email: loaded.you } } : {}),
    now,
  });
  if (hub.hub.state === 'unavailable') warn(`hub unavailable: ${hub.hub.message}`);
  return formatReport(report, hub, format);
}

function formatReport(report: CommunityReport, hub: CliHubFigures, format: Format): string {
  switch (format) {
    case 'json':
      return terminalJson({ ...report, hub: { ...hub.hub, communities: hub.communities } });
    case 'md':
      return reportToMarkdown(report, hub).trimEnd();
    case 'html':
      return reportToHtml(report).trimEnd();
    default:
      return reportToText(report, hub);
  }
}

function formatDiscovery(report: CommunityReport, format: Format): string {
  switch (format) {
    case 'json':
      return terminalJson({ version: report.version, window: report.window, proposals: report.proposals, people: pick(report, report.proposals.flatMap((p) => p.people)) });
    case 'md':
      return proposalsMarkdown(report, report.proposals).join('\n').trimEnd();
    case 'html':
      return reportToHtml({ ...report, communities: [], coordinationGaps: [], boundarySpanners: [] }, 'Potential communities').trimEnd();
    default:
      return [`Communities · ${windowLine(report)}`, '', ...proposalsText(report, report.proposals)].join('\n');
  }
}

function pick(report: CommunityReport, keys: string[]): CommunityReport['people'] {
  return Object.fromEntries(keys.filter((k) => report.people[k]).map((k) => [k, report.people[k]]));
}

function dateOption(name: string, value: string): number {
  const time = Date.parse(value);
  if (!Number.isFinite(time)) throw new CliError(`${name} takes a date such as 2026-01-31, not '${value}'`, ExitCode.usage);
  return time / 1000;
}
