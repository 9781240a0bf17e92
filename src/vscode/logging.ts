import type * as vscode from 'vscode';
import type { Logger } from '../core/logger';

/**
 * Adapts the extension's one LogOutputChannel to the core's Logger. Work that finishes after
 * deactivation (a git call, a refresh) may log to a closed channel, which throws: drop the line.
 */
export function channelLogger(channel: vscode.LogOutputChannel): Logger {
  const safe = (write: () => void): void => {
    try {
      write();
    } catch {
      // channel closed
    }
  };
  return {
    trace: (m) => safe(() => channel.trace(m)),
    debug: (m) => safe(() => channel.debug(m)),
    info: (m) => safe(() => channel.info(m)),
    warn: (m) => safe(() => channel.warn(m)),
    error: (m) => safe(() => channel.error(m)),
  };
}
