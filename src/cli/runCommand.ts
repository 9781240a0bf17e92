import { CliError, ExitCode } from './exitCodes';
import { printErr, printOut } from './print';

/** Prints a command's output, or its error with the matching exit code. */
export async function runCommand(command: () => Promise<string>): Promise<number> {
  try {
    printOut(`${await command()}\n`);
    return ExitCode.ok;
  } catch (err) {
    const code = err instanceof CliError ? err.exitCode : ExitCode.failed;
    printErr(`constellation: ${err instanceof Error ? err.message : String(err)}\n`);
    return code;
  }
}
