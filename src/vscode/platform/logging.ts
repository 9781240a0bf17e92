import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { redactSecrets } from '../../core/util/redact';

/**
 * Adapts the extension's one LogOutputChannel to the core's Logger, redacting anything that looks
 * like a token. Work that finishes after deactivation may log to a closed channel, which throws:
 * drop the line.
 */
export function channelLogger(channel: vscode.LogOutputChannel): Logger {
  const safe = (write: (text: string) => void, message: string | Error): void => {
    try {
      write(redactSecrets(typeof message === 'string' ? message : (message.stack ?? message.message)));
    } catch {
      // channel closed
    }
  };
  return {
    trace: (m) => safe((t) => channel.trace(t), m),
    debug: (m) => safe((t) => channel.debug(t), m),
    info: (m) => safe((t) => channel.info(t), m),
    warn: (m) => safe((t) => channel.warn(t), m),
    error: (m) => safe((t) => channel.error(t), m),
  };
}
