import type { GitRunner } from './gitRunner';
import { parseContact, type CoAuthor } from './logParser';

/**
 * Resolves contacts (`Name <email>`) through the repository's .mailmap with one
 * `git check-mailmap --stdin` call (git ≥ 2.39 accepts --stdin; one line in, one line out). Returns raw contact → canonical identity; contacts git cannot
 * parse are left out (the caller keeps them as written).
 */
export async function resolveContacts(
  git: GitRunner,
  root: string,
  contacts: Iterable<string>,
  signal?: AbortSignal,
): Promise<Map<string, CoAuthor>> {
  const valid = [...contacts].filter(isCheckableContact);
  const result = new Map<string, CoAuthor>();
  if (valid.length === 0) {
    return result;
  }
  const out = await git.run(['check-mailmap', '--stdin'], { cwd: root, signal, input: valid.join('\n') + '\n' });
  const lines = out.split('\n');
  valid.forEach((contact, i) => {
    const resolved = parseContact(lines[i] ?? '');
    if (resolved) {
      result.set(contact, resolved);
    }
  });
  return result;
}

function isCheckableContact(contact: string): boolean {
  const open = contact.lastIndexOf('<');
  return (
    open !== -1 &&
    contact.endsWith('>') &&
    contact.indexOf('<') === open &&
    contact.indexOf('>') === contact.length - 1 &&
    !/[\n\r\0]/.test(contact)
  );
}
