import * as vscode from 'vscode';
import { embedAnchor } from '../../core/threads/anchor';
import type { Thread, ThreadComment, ThreadPerson } from '../../core/threads/threadTypes';
import type { VenueEntry } from './communities';
import { QUESTION_PLACEHOLDER, readComposeDocument, type ComposeDocuments } from './draftDocuments';
import type { DraftSender } from './draftSender';
import type { ExternalOpener } from '../platform/links';
import type { RepositoryRegistry } from '../platform/repositories';
import { closeDraftDocument } from './keptDrafts';
import { repositoryInfo } from './repositories';
import type { ThreadsService } from './threadsService';
import { notify } from '../platform/notify';

export interface PostDeps {
  compose: ComposeDocuments;
  sender: DraftSender;
  threads: ThreadsService;
  registry: RepositoryRegistry;
  external: ExternalOpener;
}

/** Sends the draft document as a new thread; the document closes once the venue has it. */
export async function postComposeDocument(deps: PostDeps, uri: vscode.Uri | undefined): Promise<Thread | undefined> {
  const document = deps.compose.document(uri);
  const session = document && deps.compose.session(document.uri);
  if (!document || !session) {
    void notify.info('Start a design thread first: select code and run "Start Design Thread".');
    return undefined;
  }
  const { title, body } = readComposeDocument(document.getText());
  if (!title) {
    void notify.error('The first line of the draft must be the title, as "# Title".');
    return undefined;
  }
  if (body.includes(QUESTION_PLACEHOLDER)) {
    void notify.error('Write your question in the draft before posting it.');
    return undefined;
  }
  const fullBody = session.anchor ? embedAnchor(body, session.anchor) : `${body}\n`;
  const author = await me(deps, session.entry);
  // Stored before the first byte goes out; from then on the document's text lives in this draft.
  const saved = await deps.sender.keep(session.entry.venue, { kind: 'thread', content: { title, body: fullBody, anchor: session.anchor, author } });
  const previous = session.keptDraftId;
  deps.compose.attachDraft(document.uri, saved.id);
  if (previous) await deps.sender.discard(previous);
  const result = await deps.sender.send(saved.id);
  if (!result || !('thread' in result)) return undefined;
  deps.compose.forget(document.uri);
  deps.threads.remember(result.thread, session.entry);
  await closeDraftDocument(document);
  const open = result.thread.url && /^https?:/.test(result.thread.url) ? 'Open on the Web' : undefined;
  void notify.info(`Design thread "${title}" posted to ${session.entry.community.name}.`, ...(open ? [open] : [])).then((choice) => {
    if (choice && result.thread.url) void deps.external.open(result.thread.url);
  });
  return result.thread;
}

/** Posts a reply typed in the editor's comment widget. */
export async function postReply(deps: PostDeps, entry: VenueEntry, threadId: string, text: string): Promise<ThreadComment | undefined> {
  if (!text.trim()) return undefined;
  const author = await me(deps, entry);
  const result = await deps.sender.submit(entry.venue, { kind: 'comment', threadId, body: text, author });
  if (!result || !('comment' in result)) return undefined;
  deps.threads.rememberComment(entry, threadId, result.comment);
  return result.comment;
}

async function me(deps: PostDeps, entry: VenueEntry): Promise<ThreadPerson | undefined> {
  if (entry.venue.backend !== 'files') return undefined;
  const repository = await deps.registry.open(entry.root);
  return repository ? (await repositoryInfo(repository)).me : undefined;
}
