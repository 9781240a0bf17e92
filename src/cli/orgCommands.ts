/** The organisation-wide commands: `export`, `hub merge`, `hub init`, `who-knows`. */
import { parseArgs } from 'util';
import { runExport } from './commands/exportCommand';
import { runHubInit, runHubMerge } from './commands/hubCommand';
import { runWhoKnows } from './commands/whoKnowsCommand';
import { stderrLogger } from './context';
import { CliError, ExitCode } from './exitCodes';
import { printErr } from './print';
import { runCommand } from './runCommand';

export const ORG_COMMANDS = new Set(['export', 'hub', 'who-knows']);

export const ORG_HELP = `  constellation export [--repo DIR] [--name NAME] --out FILE [--previous FILE|HUB_DIR] [--identities full|login|hashed] [--directory FILE]
  constellation hub merge FILE|DIR... --out DIR
  constellation hub init [--out DIR] [--repos owner/a,owner/b] [--schedule CRON] [--publish commit|release]
  constellation who-knows <package|path|glob|community> --hub DIR [--json]
`;

function limitOf(raw: string | undefined, fallback: number): number {
  const limit = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit takes a whole number from 1, not '${raw}'`, ExitCode.usage);
  return limit;
}

export async function runOrgCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        repo: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        previous: { type: 'string' },
        identities: { type: 'string' },
        directory: { type: 'string' },
        hub: { type: 'string' },
        repos: { type: 'string' },
        schedule: { type: 'string' },
        publish: { type: 'string' },
        'cli-package': { type: 'string' },
        force: { type: 'boolean', default: false },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    printErr(`constellation: ${(err as Error).message}\n\nUsage:\n${ORG_HELP}`);
    return ExitCode.usage;
  }
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  const logger = stderrLogger(v.verbose === true);
  return runCommand(async () => {
    if (command === 'export') {
      return runExport({ repo: v.repo, name: v.name, out: v.out, previous: v.previous, identities: v.identities, directory: v.directory, limit: limitOf(v.limit, 5), json: v.json === true }, logger);
    } else if (command === 'who-knows') {
      return runWhoKnows(rest, { hub: v.hub, repo: v.repo, directory: v.directory, limit: limitOf(v.limit, 10), json: v.json === true }, logger);
    } else if (command === 'hub' && rest[0] === 'merge') {
      return runHubMerge(rest.slice(1), { out: v.out, json: v.json === true }, logger);
    } else if (command === 'hub' && rest[0] === 'init') {
      return runHubInit({ out: v.out, repos: v.repos, schedule: v.schedule, publish: v.publish, cliPackage: v['cli-package'], force: v.force === true });
    }
    throw new CliError(`unknown command '${positionals.join(' ')}'\n\nUsage:\n${ORG_HELP}`, ExitCode.usage);
  });
}
