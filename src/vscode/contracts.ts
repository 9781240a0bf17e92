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

/** A person to ask, as an org-wide answer (the hub index) names them: JSON-safe. */
export interface PersonToAsk {
  name: string;
  email?: string;
  /** GitHub login: the thread @mentions them. */
  login?: string;
  team?: string;
}

/** Arguments of `constellation.threads.start`; every field is optional. */
export interface StartThreadArgs {
  /** Document URI and 1-based inclusive lines of the code the thread is about. */
  uri?: string;
  startLine?: number;
  endLine?: number;
  /** Suggest this expert first. */
  expertEmail?: string;
  /** Ask this person first, even when they are not among the code's experts (or there is no code). */
  expert?: PersonToAsk;
  /** The thread is about this pattern. */
  patternId?: string;
  /** Community id of the venue (skips the prompt). */
  community?: string;
  title?: string;
  question?: string;
  /** People to suggest first, before the experts of the code (a coordination gap names both sides). */
  suggestExperts?: SuggestedPerson[];
}

/** Someone a new thread suggests asking; `login` is @mentioned. */
export interface SuggestedPerson {
  name: string;
  email?: string;
  login?: string;
  team?: string;
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
    showScope: 'constellation.experts.showScope',
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
  org: {
    whoKnows: 'constellation.org.whoKnows',
    ask: 'constellation.org.ask',
    signIn: 'constellation.org.signIn',
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
  communities: {
    openPage: 'constellation.communities.openPage',
    showMap: 'constellation.communities.showMap',
    join: 'constellation.communities.join',
    myParticipation: 'constellation.communities.myParticipation',
    refresh: 'constellation.communities.refresh',
    createConfig: 'constellation.communities.createConfig',
    openItem: 'constellation.communities.openItem',
    focusView: 'constellation.communities.focus',
  },
} as const;

/** The arguments of the commands other code (links, other features) may pass. */
export interface CommandArgs {
  'constellation.patterns.open': [patternId?: string];
  'constellation.patterns.findUsages': [patternId?: string, options?: { show?: boolean }];
  'constellation.patterns.openFile': [relativePath: string, line?: number];
  'constellation.experts.showAll': [target?: CodeTarget];
  /** 'lines', 'file' or 'folder'; without it, a quick pick asks. */
  'constellation.experts.showScope': [scope?: string];
  'constellation.experts.copyEmail': [email: string];
  'constellation.experts.askInThread': [target: CodeTarget | undefined, email?: string];
  'constellation.threads.start': [args?: StartThreadArgs];
  /** Opens "Who Knows…?" (the organisation's hub index), with a first query. */
  'constellation.org.whoKnows': [query?: string];
  /** Starts a design thread asking a person the hub index named, about some code (the import) or a topic. */
  'constellation.org.ask': [person: PersonToAsk, target?: CodeTarget, topic?: string];
  'constellation.threads.post': [draft?: vscode.Uri];
  'constellation.threads.cancelDraft': [draft?: vscode.Uri];
  'constellation.experts.focus': [];
  'constellation.threads.focus': [];
  'constellation.communities.openPage': [communityId?: string];
  'constellation.communities.join': [communityId?: string];
  'constellation.communities.showMap': [];
  'constellation.communities.myParticipation': [];
}

export function runCommand<K extends keyof CommandArgs, R = unknown>(id: K, ...args: CommandArgs[K]): Thenable<R | undefined> {
  return vscode.commands.executeCommand<R>(id, ...args);
}

/** A `command:` link, its arguments JSON-encoded as VS Code's Markdown expects. */
export function commandLink<K extends keyof CommandArgs>(id: K, ...args: CommandArgs[K]): string {
  return commandUri(id, args);
}

export function isPersonToAsk(value: unknown): value is PersonToAsk {
  const p = value as PersonToAsk;
  const optionalText = (v: unknown, max: number): boolean => v === undefined || (typeof v === 'string' && v.length <= max);
  return !!p && typeof p === 'object' && !Array.isArray(p) && typeof p.name === 'string' && p.name.length > 0 && p.name.length <= 200
    && optionalText(p.email, 254) && optionalText(p.login, 39) && optionalText(p.team, 200)
    && Object.keys(p).every((k) => ['name', 'email', 'login', 'team'].includes(k));
}

export function isCodeTarget(value: unknown): value is CodeTarget {
  const t = value as CodeTarget;
  return !!t && typeof t === 'object' && typeof t.uri === 'string' && Number.isInteger(t.startLine) && Number.isInteger(t.endLine) && t.startLine >= 1 && t.endLine >= t.startLine;
}
