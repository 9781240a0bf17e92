/**
 * A design thread written but not posted is never lost: cancelling an edited draft document asks
 * first, and what the person keeps (or closes the editor on) waits in Drafts, to be opened again.
 */
import * as vscode from 'vscode';
import { embedAnchor } from '../../core/threads/anchor';
import type { Draft } from '../../core/threads/drafts';
import { notify } from '../platform/notify';
import { askChoice } from '../platform/prompts';
import { readComposeDocument, type ComposeDocuments, type ComposeSession } from './draftDocuments';
import type { DraftSender } from './draftSender';
import { venueKey, type ThreadsService } from './threadsService';

export interface KeptDraftDeps {
  compose: ComposeDocuments;
  sender: DraftSender;
  threads: ThreadsService;
}

const KEEP = 'Keep in Drafts';
const DISCARD = 'Discard';

/** A stored thread draft never sent (kept from a draft document), as opposed to one whose sending failed. */
export function isKeptDraft(draft: Draft): boolean {
  return draft.payload.kind === 'thread' && draft.attempts === 0 && !draft.error;
}

/** Saves the text of a draft document in Drafts, replacing the draft it was reopened from. */
export async function keepDraftText(deps: KeptDraftDeps, session: ComposeSession, text: string): Promise<Draft> {
  const { title, body } = readComposeDocument(text);
  const fullBody = session.anchor ? embedAnchor(body, session.anchor) : `${body}\n`;
  const kept = await deps.sender.keep(session.entry.venue, { kind: 'thread', content: { title: title || 'Untitled design thread', body: fullBody, anchor: session.anchor } });
  if (session.keptDraftId) await deps.sender.discard(session.keptDraftId);
  return kept;
}

/** The editor closed an edited draft document: keep it and say where it went. */
export async function keepClosedDraft(deps: KeptDraftDeps, session: ComposeSession, text: string): Promise<void> {
  const kept = await keepDraftText(deps, session, text);
  const title = kept.payload.kind === 'thread' ? kept.payload.content.title : '';
  void notify.info(`The unposted design thread "${title}" is kept in Drafts of the Threads view.`);
}

/**
 * The Cancel of a draft document: an unedited draft just closes; an edited one asks whether to
 * keep it in Drafts or discard it (the dialog's Cancel goes back to editing).
 */
export async function cancelDraftDocument(deps: KeptDraftDeps, uri: vscode.Uri | undefined): Promise<'closed' | 'kept' | 'discarded' | undefined> {
  const document = deps.compose.document(uri);
  const session = document && deps.compose.session(document.uri);
  if (!document || !session) return undefined;
  let result: 'closed' | 'kept' | 'discarded' = 'closed';
  if (deps.compose.edited(document)) {
    const choice = await askChoice('Discard this design thread draft?', 'You edited it. Keep it in Drafts (Threads view) to finish later, or discard what you wrote.', KEEP, DISCARD);
    if (!choice) return undefined;
    if (choice === KEEP) {
      await keepDraftText(deps, session, document.getText());
      result = 'kept';
    } else {
      if (session.keptDraftId) await deps.sender.discard(session.keptDraftId);
      result = 'discarded';
    }
  }
  deps.compose.forget(document.uri);
  await closeDraftDocument(document);
  return result;
}

/** Opens a kept draft again in a draft document, to finish and post it. */
export async function openKeptDraft(deps: KeptDraftDeps, draft: Draft): Promise<vscode.TextDocument | undefined> {
  if (draft.payload.kind !== 'thread') return undefined;
  const key = JSON.stringify(draft.venue);
  const entry = (await deps.threads.venues()).find((v) => venueKey(v) === key);
  if (!entry) {
    void notify.warning('The community of this draft has no venue in .constellation/communities.yml any more: the draft stays in Drafts.');
    return undefined;
  }
  const { title, body, anchor } = draft.payload.content;
  return deps.compose.open({ entry, anchor, keptDraftId: draft.id }, title, body);
}

/** Closes a draft document without the editor's "save changes?" (what was worth keeping is kept). */
export async function closeDraftDocument(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  await vscode.window.showTextDocument(document, { viewColumn: editor?.viewColumn, preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
