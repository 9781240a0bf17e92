/** Process exit codes of the `constellation` CLI (documented in the README and `--help`). */
export const ExitCode = {
  ok: 0,
  usage: 1,
  notARepository: 2,
  unknownPath: 3,
  badRange: 4,
  badRevision: 5,
  gitMissing: 6,
  failed: 10,
} as const;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}
