/**
 * "Create communities.yml from the discovered proposals": each proposal's draft entry becomes a
 * community of the new file (stage potential, relationship unrecognized, its people as members),
 * or is added to the existing file, keeping what is there (comments included).
 */
import * as path from 'path';
import { isMap, isSeq, parse, stringify } from 'yaml';
import { COMMUNITIES_FILE, COMMUNITIES_SIZE_ADVICE } from '../../core/communities/loadCommunities';
import { MAX_COMMUNITIES_BYTES, readConfigFile } from '../../core/config/configFile';
import type { ProposedCommunity } from '../../core/communities/reportTypes';
import { writeFileAtomic } from '../../core/util/atomicWrite';
import { parseYaml } from '../../core/util/yamlReader';

const HEADER = [
  '# Communities of practice: who cares about which code, and where their design threads live.',
  '# Proposed by Constellation from who works together across teams; edit the domain and names,',
  '# add a venue for design threads, and set the stage and relationship as they really are.',
].join('\n');

/** The draft entries of the proposals, as plain objects. */
export function proposalEntries(proposals: readonly ProposedCommunity[]): unknown[] {
  return proposals.flatMap((p) => {
    const draft = parse(p.draftYaml) as { communities?: unknown[] } | null;
    return draft?.communities ?? [];
  });
}

/** A new communities.yml with the proposals (an empty list when there are none, with an example in comments). */
export function newConfigText(proposals: readonly ProposedCommunity[]): string {
  const entries = proposalEntries(proposals);
  if (entries.length === 0) {
    return `${HEADER}\n#\n# communities:\n#   - id: reliability\n#     name: Reliability Guild\n#     domain: Retries, idempotency and failure handling across teams\n#     codeAreas: ["src/payments/**", "src/http/**"]\ncommunities: []\n`;
  }
  return `${HEADER}\n${stringify({ communities: entries }, { lineWidth: 0 })}`;
}

/** The existing file with the proposals' entries appended (ids already there are skipped). */
export function appendedConfigText(existing: string, proposals: readonly ProposedCommunity[], file = COMMUNITIES_FILE): { text: string; added: number } {
  const { doc, syntaxErrors } = parseYaml(existing, file);
  const error = syntaxErrors[0];
  if (error) throw new Error(`${file}:${error.line}:${error.column}: ${error.message}; fix it before adding communities`);
  if (!isMap(doc.contents) && doc.contents !== null) throw new Error(`${file} is not a mapping with a communities: list`);
  let list = doc.get('communities');
  if (list === undefined || list === null) {
    doc.set('communities', doc.createNode([]));
    list = doc.get('communities');
  }
  if (!isSeq(list)) throw new Error(`communities: in ${file} is not a list`);
  const ids = new Set(list.items.map((item) => (isMap(item) ? String(item.get('id')) : '')));
  let added = 0;
  for (const entry of proposalEntries(proposals)) {
    const id = (entry as { id?: unknown }).id;
    if (typeof id === 'string' && ids.has(id)) continue;
    list.add(doc.createNode(entry));
    added++;
  }
  return { text: doc.toString({ lineWidth: 0 }), added };
}

/** Writes (atomically) the file of `root`; returns its path and how many communities were added. */
export async function writeProposals(root: string, proposals: readonly ProposedCommunity[]): Promise<{ file: string; added: number; created: boolean }> {
  const file = path.join(root, COMMUNITIES_FILE);
  // The same capped read of a regular file as loading it: a FIFO or a huge file never hangs or fills memory.
  const read = await readConfigFile(file, MAX_COMMUNITIES_BYTES, 'the communities file', COMMUNITIES_SIZE_ADVICE);
  if (read.kind === 'problem') throw new Error(`${file}: ${read.diagnostic.message}`);
  const existing = read.kind === 'text' ? read.text : undefined;
  if (existing === undefined) {
    await writeFileAtomic(file, newConfigText(proposals));
    return { file, added: proposals.length, created: true };
  }
  const { text, added } = appendedConfigText(existing, proposals, file);
  if (added > 0) await writeFileAtomic(file, text);
  return { file, added, created: false };
}
