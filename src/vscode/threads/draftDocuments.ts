import * as vscode from 'vscode';
import { stripAnchor, type Anchor } from '../../core/threads/anchor';
import { Commands } from '../contracts';
import type { VenueEntry } from './communities';

/** A thread being written in an untitled Markdown document, not sent yet. */
export interface ComposeSession {
  entry: VenueEntry;
  anchor?: Anchor;
  /** Document and 1-based lines the thread is about (to show it there once posted). */
  uri?: string;
  /** The draft of Drafts this document was reopened from (replaced when kept again, removed once posted). */
  keptDraftId?: string;
}

/** An open draft document and what it held when it opened (to tell whether the person edited it). */
interface OpenSession extends ComposeSession {
  /** The document itself: an untitled URI is reused once its document closed. */
  document: vscode.TextDocument;
  initialText: string;
  /** The last text the person wrote (a revert on close brings back the initial text: this stays). */
  written?: string;
}

/** What becomes of a draft document closed without posting or cancelling: the editor's own close. */
export type KeepClosed = (session: ComposeSession, text: string) => Promise<void>;

const HINT = /^<!-- constellation:compose .* -->\r?\n?/m;
export const QUESTION_PLACEHOLDER = '_Write your question here: what are you trying to do, and what do you need from the other team?_';

/** Untitled drafts waiting for "Post Design Thread", by document URI; with a CodeLens to post them. */
export class ComposeDocuments implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly sessions = new Map<string, OpenSession>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** A draft document opened or closed. */
  readonly onDidChangeSessions = this.changed.event;
  // What the person writes; the revert of "Don't Save" empties an untitled document and is not writing.
  private readonly editing = vscode.workspace.onDidChangeTextDocument((e) => {
    const session = this.live(e.document);
    const text = e.document.getText();
    if (!session || text === '') return;
    if (text !== session.initialText) session.written = text;
    else if (e.reason === vscode.TextDocumentChangeReason.Undo) session.written = undefined;
  });
  // Closed by the editor (its X, "Don't Save") after the person edited it: what they wrote is kept.
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => {
    const session = this.live(d);
    if (!session) return;
    this.sessions.delete(d.uri.toString());
    this.changed.fire();
    if (session.written !== undefined) void this.keepClosed(session, session.written);
  });
  private opened = 0;

  constructor(private readonly keepClosed: KeepClosed) {}

  async open(session: ComposeSession, title: string, body: string): Promise<vscode.TextDocument> {
    const hint = `<!-- constellation:compose Edit the title and question, then run "Post Design Thread" to send to ${session.entry.community.name}. -->`;
    const content = `# ${title}\n${hint}\n\n${stripAnchor(body).replace(/\s+$/, '')}\n`;
    // A name of its own: an untitled URI the workbench reuses may still name a closed document here.
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `design-thread-${Date.now().toString(36)}-${++this.opened}.md` });
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), content);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the draft document could not be filled');
    this.sessions.set(document.uri.toString(), { ...session, document, initialText: document.getText() });
    this.changed.fire();
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  /** The session of this very document (not of an earlier one that had its URI). */
  private live(document: vscode.TextDocument): OpenSession | undefined {
    const session = this.sessions.get(document.uri.toString());
    return session?.document === document ? session : undefined;
  }

  /**
   * The open draft document at `uri`, else the active one if it is a draft document. Looked up
   * through its session: an untitled URI is reused while the closed document it named lingers.
   */
  document(uri: vscode.Uri | undefined): vscode.TextDocument | undefined {
    const document = uri ? this.sessions.get(uri.toString())?.document : vscode.window.activeTextEditor?.document;
    return document && !document.isClosed && this.live(document) ? document : undefined;
  }

  session(uri: vscode.Uri): ComposeSession | undefined {
    return this.sessions.get(uri.toString());
  }

  /** Whether the person changed the document since it opened. */
  edited(document: vscode.TextDocument): boolean {
    const session = this.sessions.get(document.uri.toString());
    return !!session && document.getText() !== session.initialText;
  }

  /** The draft documents open now, with their current titles. */
  list(): Array<{ uri: vscode.Uri; title: string; session: ComposeSession }> {
    return vscode.workspace.textDocuments
      .filter((d) => this.live(d) !== undefined)
      .map((d) => ({ uri: d.uri, title: readComposeDocument(d.getText()).title, session: this.sessions.get(d.uri.toString()) as ComposeSession }));
  }

  /** The document's text is stored as this draft of Drafts now. */
  attachDraft(uri: vscode.Uri, draftId: string): void {
    const session = this.sessions.get(uri.toString());
    if (session) session.keptDraftId = draftId;
  }

  forget(uri: vscode.Uri): void {
    this.sessions.delete(uri.toString());
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.sessions.get(document.uri.toString());
    if (!session) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: `$(send) Post to ${session.entry.community.name}`, command: Commands.threads.post, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: 'Cancel', command: Commands.threads.cancelDraft, arguments: [document.uri] }),
    ];
  }

  dispose(): void {
    this.closing.dispose();
    this.editing.dispose();
    this.changed.dispose();
  }
}

/** Title from the first `# ` line, body = the rest without the compose hint. */
export function readComposeDocument(text: string): { title: string; body: string } {
  const lines = text.replace(HINT, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  let title = '';
  if (first >= 0 && /^#\s+/.test(lines[first])) {
    title = lines[first].replace(/^#\s+/, '').trim();
    lines.splice(first, 1);
  }
  return { title, body: lines.join('\n').trim() };
}
