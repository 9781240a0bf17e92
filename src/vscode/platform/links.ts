/**
 * What links in untrusted Markdown (pattern documents, hovers over code with foreign authors) may
 * do: run a few read-only commands with arguments checked by type, or open an https page. Commands
 * that write, post, delete or open external addresses take their arguments only from objects the
 * extension itself made (`issued`).
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { githubWebBase } from '../../core/github/endpoint';
import { Commands, isCodeTarget, isPersonToAsk, type CommandArgs } from '../contracts';
import { setting } from './configuration';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;
const PATTERN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Validator = (args: unknown[]) => boolean;

/** The read-only commands links may run, each with the types its arguments must have. */
export const LINK_COMMANDS: Partial<Record<keyof CommandArgs, Validator>> = {
  [Commands.patterns.open]: ([id, ...rest]) => typeof id === 'string' && PATTERN_ID.test(id) && rest.length === 0,
  [Commands.patterns.findUsages]: ([id, ...rest]) => typeof id === 'string' && PATTERN_ID.test(id) && rest.length === 0,
  [Commands.patterns.openFile]: ([file, line, ...rest]) => typeof file === 'string' && isWorkspaceRelative(file) && (line === undefined || (Number.isInteger(line) && (line as number) >= 1)) && rest.length === 0,
  [Commands.experts.showAll]: ([target, ...rest]) => (target === undefined || (isCodeTarget(target) && isFileUri(target.uri))) && rest.length === 0,
  [Commands.experts.copyEmail]: ([email, ...rest]) => typeof email === 'string' && email.length <= 254 && EMAIL.test(email) && rest.length === 0,
  [Commands.experts.askInThread]: ([target, email, ...rest]) =>
    (target === undefined || target === null || (isCodeTarget(target) && isFileUri(target.uri))) && (email === undefined || (typeof email === 'string' && EMAIL.test(email))) && rest.length === 0,
  [Commands.org.whoKnows]: ([query, ...rest]) => (query === undefined || (typeof query === 'string' && query.length <= 200)) && rest.length === 0,
  [Commands.org.ask]: ([person, target, topic, ...rest]) =>
    isPersonToAsk(person) && (person.email === undefined || EMAIL.test(person.email))
    && (target === undefined || target === null || (isCodeTarget(target) && isFileUri(target.uri)))
    && (topic === undefined || (typeof topic === 'string' && topic.length <= 200)) && rest.length === 0,
};

/** For `MarkdownString.isTrusted`: the hover and every other Markdown we render trust these only. */
export const LINK_COMMAND_IDS = Object.keys(LINK_COMMANDS);

/** A link's command and arguments, when the allow-list accepts them. */
export function parseCommandLink(href: string): { id: keyof CommandArgs; args: unknown[] } | undefined {
  const m = /^command:([A-Za-z0-9_.]+)(?:\?(.*))?$/.exec(href.trim());
  if (!m) return undefined;
  const id = m[1] as keyof CommandArgs;
  const validate = LINK_COMMANDS[id];
  if (!validate) return undefined;
  let args: unknown[] = [];
  if (m[2]) {
    try {
      const parsed: unknown = JSON.parse(decodeURIComponent(m[2]));
      args = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      return undefined;
    }
  }
  return validate(args) ? { id, args } : undefined;
}

/** Objects the extension made and handed to VS Code (tree nodes, CodeLens arguments). */
const issuedObjects = new WeakSet<object>();

export function issued<T extends object>(value: T): T {
  issuedObjects.add(value);
  return value;
}

export function isIssued(value: unknown): boolean {
  return typeof value === 'object' && value !== null && issuedObjects.has(value);
}

/** Whether an address may be opened outside the editor: https, or http on the configured Enterprise host. */
export function mayOpenExternally(uri: vscode.Uri): boolean {
  if (uri.scheme === 'https') return uri.authority !== '';
  if (uri.scheme !== 'http' || !setting('github.enterpriseUri').trim()) return false;
  const enterprise = vscode.Uri.parse(githubWebBase({ enterpriseUri: setting('github.enterpriseUri') }));
  return enterprise.scheme === 'http' && enterprise.authority.toLowerCase() === uri.authority.toLowerCase();
}

/** The only way the extension opens an address outside the editor. */
export class ExternalOpener {
  private readonly refused = new vscode.EventEmitter<string>();
  /** Fires with every address (or command link) refused, for the log and the extension's tests. */
  readonly onDidRefuse = this.refused.event;

  constructor(private readonly logger: Logger) {}

  async open(target: string | vscode.Uri): Promise<boolean> {
    let uri: vscode.Uri;
    try {
      uri = typeof target === 'string' ? vscode.Uri.parse(target, true) : target;
    } catch {
      this.refuse(String(target));
      return false;
    }
    if (!mayOpenExternally(uri)) {
      this.refuse(uri.toString());
      return false;
    }
    return vscode.env.openExternal(uri);
  }

  /** Runs a `command:` link if the allow-list accepts it. */
  async runLink(href: string): Promise<boolean> {
    const link = parseCommandLink(href);
    if (!link) {
      this.refuse(href);
      return false;
    }
    await vscode.commands.executeCommand(link.id, ...link.args);
    return true;
  }

  refuse(what: string): void {
    this.logger.warn(`refused to open ${what.slice(0, 200)}`);
    this.refused.fire(what);
  }

  dispose(): void {
    this.refused.dispose();
  }
}

function isFileUri(text: string): boolean {
  try {
    return vscode.Uri.parse(text, true).scheme === 'file';
  } catch {
    return false;
  }
}

function isWorkspaceRelative(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !/^[A-Za-z]:/.test(file) && !file.split(/[\\/]/).includes('..') && !file.includes('\0');
}
