import { parseArgs } from 'util';
import { COMMUNITIES_HELP, runCommunities } from './commands/communitiesCommand';
import { runExperts } from './commands/expertsCommand';
import { runIndex } from './commands/indexCommand';
import { runDirectoryDraft } from './commands/directoryCommand';
import { stderrLogger } from './context';
import { CliError, ExitCode } from './exitCodes';
import { printErr, printOut } from './print';
import { ORG_COMMANDS, ORG_HELP, runOrgCommand } from './orgCommands';
import { runCommand } from './runCommand';

const HELP = `constellation — who knows this code, from git history and your org directory

Usage:
  constellation experts <path>[:<start>[-<end>]]... [--repo DIR] [--at REV] [--limit N] [--json]
  constellation index [--repo DIR] [--json]
  constellation directory draft [--repo DIR] [--out FILE [--force]]
${COMMUNITIES_HELP}
${ORG_HELP}
Options:
  --repo DIR   a work tree or a bare git directory (default: the current folder)
  --at REV     rank with the history up to REV only
  --limit N    experts per path (default 5)
  --json       machine-readable output: one path gives an array of experts,
               several give an object keyed by each argument
  --out FILE   directory draft: write the draft there (--force replaces a file)
  --verbose    log git calls to stderr
  communities: --repo repeats (NAME=DIR names it for repo:glob areas); --since or --window
               (default 365 days) up to --until (default now); --config/--directory read
               communities.yml/directory.yml from elsewhere; --bot adds bot name patterns;
               --hub DIR counts code areas on repositories not given with --repo from the
               hub index (as who-knows reads it)

Exit codes: 0 ok · 1 usage · 2 not a repository · 3 unknown path · 4 bad range ·
            5 bad revision · 6 git missing · 10 other failure
`;

export async function main(argv: string[]): Promise<number> {
  // Its options (repeatable --repo, --format…) are its own.
  if (argv[0] === 'communities') return runCommand(() => runCommunities(argv.slice(1), stderrLogger(argv.includes('--verbose')), (line) => printErr(`${line}\n`)));
  if (ORG_COMMANDS.has(argv[0])) return runOrgCommand(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        repo: { type: 'string' },
        at: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    printErr(`constellation: ${(err as Error).message}\n\n${HELP}`);
    return ExitCode.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    printOut(HELP);
    return values.help ? ExitCode.ok : ExitCode.usage;
  }
  const logger = stderrLogger(values.verbose === true);
  return runCommand(async () => {
    if (command === 'experts') {
      const limit = values.limit === undefined ? 5 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit takes a whole number from 1, not '${values.limit}'`, ExitCode.usage);
      return runExperts(rest, { repo: values.repo, at: values.at, limit, json: values.json === true }, logger);
    }
    if (command === 'index') return runIndex({ repo: values.repo, json: values.json === true }, logger);
    if (command === 'directory' && rest[0] === 'draft' && rest.length === 1) {
      return runDirectoryDraft({ repo: values.repo, out: values.out, force: values.force === true }, logger);
    }
    throw new CliError(`unknown command '${command}'\n\n${HELP}`, ExitCode.usage);
  });
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
