/** Where the core writes what it does; the editor adapts it to a LogOutputChannel, the CLI to stderr. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/** A logger that drops everything: for tests and callers that do not care. */
export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Prefixes every line with a component tag, e.g. `[git]`. */
export function tagged(logger: Logger, tag: string): Logger {
  const t = `[${tag}] `;
  return {
    trace: (m) => logger.trace(t + m),
    debug: (m) => logger.debug(t + m),
    info: (m) => logger.info(t + m),
    warn: (m) => logger.warn(t + m),
    error: (m) => logger.error(typeof m === 'string' ? t + m : m),
  };
}
