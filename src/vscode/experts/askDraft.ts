import * as vscode from 'vscode';
import type { CodeTarget } from './codeTarget';
import type { ExpertServices } from './expertServices';

/**
 * Until design threads land (issue #5), "Ask in a thread" opens a Markdown draft addressed to
 * the expert with the code attached, which the user can send however their team talks.
 */
export async function openAskDraft(services: ExpertServices, target: CodeTarget | undefined, email: string | undefined): Promise<void> {
  const lines: string[] = ['<!-- Design threads are coming to Constellation; until then this draft is yours to send. -->', ''];
  lines.push(`To: ${email ?? '(choose an expert)'}`, '', '## Question', '', '(What would you like to ask?)', '');
  if (target) {
    const uri = vscode.Uri.parse(target.uri);
    const location = await services.resolver.locate(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const snippet = document.getText(new vscode.Range(target.startLine - 1, 0, target.endLine, 0));
    const where = location?.relativePath ?? uri.fsPath;
    const fence = '`'.repeat(Math.max(3, ...[...snippet.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    lines.push(`## Code`, '', `${where} lines ${target.startLine}–${target.endLine}`, '', `${fence}${document.languageId}`, snippet.replace(/\n$/, ''), fence, '');
  }
  const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') });
  await vscode.window.showTextDocument(draft, { preview: false });
}
