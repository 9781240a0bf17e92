/**
 * Every command id of the extension, with the arguments each takes. Features call each other only
 * through these (or through the narrow APIs they are handed); nobody spells an id by hand.
 */
import * as vscode from 'vscode';
import type { LineRange } from '../core/util/lineRange';
import { commandUri } from '../core/util/markdown';

/** The code a question is about, as passed through command links (JSON-safe). */
export interface CodeTarget extends LineRange {
  uri: string;
}

/** Arguments of `constellation.threads.start`; every field is optional. */
export interface StartThreadArgs {
  /** Document URI and 1-based inclusive lines of the code the thread is about. */
  uri?: string;
  startLine?: number;
  endLine?: number;
  /** Suggest this expert first. */
  expertEmail?: string;
  /** The thread is about this pattern. */
  patternId?: string;
  /** Community id of the venue (skips the prompt). */
  community?: string;
  title?: string;
  question?: string;
}

/** What `constellation.threads.start` returns (tests read it; the UI ignores it). */
export interface StartResult {
  draftUri: string;
  body: string;
  community: string;
}

export const Commands = {
  showLog: 'constellation.showLog',
  experts: {
    whoKnows: 'constellation.experts.whoKnows',
    rebuildIndex: 'constellation.experts.rebuildIndex',
    refreshView: 'constellation.experts.refreshView',
    showAll: 'constellation.experts.showAll',
    copyEmail: 'constellation.experts.copyEmail',
    askInThread: 'constellation.experts.askInThread',
    focusView: 'constellation.experts.focus',
  },
  patterns: {
    open: 'constellation.patterns.open',
    openSource: 'constellation.patterns.openSource',
    openFile: 'constellation.patterns.openFile',
    copyLink: 'constellation.patterns.copyLink',
    findUsages: 'constellation.patterns.findUsages',
    startThread: 'constellation.patterns.startThread',
    linkSelection: 'constellation.patterns.linkSelection',
    newFromSelection: 'constellation.patterns.newFromSelection',
    refresh: 'constellation.patterns.refresh',
    filter: 'constellation.patterns.filter',
    clearFilter: 'constellation.patterns.clearFilter',
    signIn: 'constellation.patterns.signIn',
  },
  directory: {
    draft: 'constellation.directory.draft',
  },
  threads: {
    start: 'constellation.threads.start',
    post: 'constellation.threads.post',
    reply: 'constellation.threads.reply',
    refresh: 'constellation.threads.refresh',
    retryDraft: 'constellation.threads.retryDraft',
    discardDraft: 'constellation.threads.discardDraft',
    cancelDraft: 'constellation.threads.cancelDraft',
    openDraft: 'constellation.threads.openDraft',
    openOnWeb: 'constellation.threads.openOnWeb',
    reveal: 'constellation.threads.reveal',
    focusView: 'constellation.threads.focus',
  },
} as const;

/** The arguments of the commands other code (links, other features) may pass. */
export interface CommandArgs {
  'constellation.patterns.open': [patternId?: string];
  'constellation.patterns.findUsages': [patternId?: string, options?: { show?: boolean }];
  'constellation.patterns.openFile': [relativePath: string, line?: number];
  'constellation.experts.showAll': [target?: CodeTarget];
  'constellation.experts.copyEmail': [email: string];
  'constellation.experts.askInThread': [target: CodeTarget | undefined, email?: string];
  'constellation.threads.start': [args?: StartThreadArgs];
  'constellation.threads.post': [draft?: vscode.Uri];
  'constellation.threads.cancelDraft': [draft?: vscode.Uri];
  'constellation.experts.focus': [];
  'constellation.threads.focus': [];
}

export function runCommand<K extends keyof CommandArgs, R = unknown>(id: K, ...args: CommandArgs[K]): Thenable<R | undefined> {
  return vscode.commands.executeCommand<R>(id, ...args);
}

/** A `command:` link, its arguments JSON-encoded as VS Code's Markdown expects. */
export function commandLink<K extends keyof CommandArgs>(id: K, ...args: CommandArgs[K]): string {
  return commandUri(id, args);
}

export function isCodeTarget(value: unknown): value is CodeTarget {
  const t = value as CodeTarget;
  return !!t && typeof t === 'object' && typeof t.uri === 'string' && Number.isInteger(t.startLine) && Number.isInteger(t.endLine) && t.startLine >= 1 && t.endLine >= t.startLine;
}
