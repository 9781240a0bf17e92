import { parseArgs } from 'util';
import { runExperts } from './commands/expertsCommand';
import { runIndex } from './commands/indexCommand';
import { stderrLogger } from './context';
import { CliError, ExitCode } from './exitCodes';
import { ORG_COMMANDS, ORG_HELP, runOrgCommand } from './orgCommands';

const HELP = `constellation — who knows this code, from git history and your org directory

Usage:
  constellation experts <path>[:<start>[-<end>]]... [--repo DIR] [--at REV] [--limit N] [--json]
  constellation index [--repo DIR] [--json]
${ORG_HELP}
Options:
  --repo DIR   a work tree or a bare git directory (default: the current folder)
  --at REV     rank with the history up to REV only
  --limit N    experts per path (default 5)
  --json       machine-readable output: one path gives an array of experts,
               several give an object keyed by each argument
  --verbose    log git calls to stderr

Exit codes: 0 ok · 1 usage · 2 not a repository · 3 unknown path · 4 bad range ·
            5 bad revision · 6 git missing · 10 other failure
`;

export async function main(argv: string[]): Promise<number> {
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
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`constellation: ${(err as Error).message}\n\n${HELP}`);
    return ExitCode.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? ExitCode.ok : ExitCode.usage;
  }
  const logger = stderrLogger(values.verbose === true);
  try {
    let output: string;
    if (command === 'experts') {
      const limit = values.limit === undefined ? 5 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit takes a whole number from 1, not '${values.limit}'`, ExitCode.usage);
      output = await runExperts(rest, { repo: values.repo, at: values.at, limit, json: values.json === true }, logger);
    } else if (command === 'index') {
      output = await runIndex({ repo: values.repo, json: values.json === true }, logger);
    } else {
      throw new CliError(`unknown command '${command}'\n\n${HELP}`, ExitCode.usage);
    }
    process.stdout.write(`${output}\n`);
    return ExitCode.ok;
  } catch (err) {
    const code = err instanceof CliError ? err.exitCode : ExitCode.failed;
    process.stderr.write(`constellation: ${err instanceof Error ? err.message : String(err)}\n`);
    return code;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
