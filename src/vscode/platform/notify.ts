/**
 * The only way the extension shows a message to the person: every text is redacted first (error
 * messages carry what servers and git answered, names and titles come from repositories).
 */
import * as vscode from 'vscode';
import { redactSecrets } from '../../core/util/redact';

const shown = new vscode.EventEmitter<string>();
/** Every message as shown, for the extension's tests. */
export const onDidShowMessage = shown.event;

function redacting<F extends (message: string, ...rest: never[]) => unknown>(show: F): F {
  return ((message: string, ...rest: never[]) => {
    const safe = redactSecrets(message);
    shown.fire(safe);
    return show(safe, ...rest);
  }) as F;
}

/* eslint-disable no-restricted-syntax -- the one place allowed to call the editor's message API */
export const notify = {
  error: redacting(vscode.window.showErrorMessage),
  warning: redacting(vscode.window.showWarningMessage),
  info: redacting(vscode.window.showInformationMessage),
};
/* eslint-enable no-restricted-syntax */
