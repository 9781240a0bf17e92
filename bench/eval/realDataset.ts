import * as path from 'path';
import { inferAliases, type KnownIdentity } from '../../src/core/engine/identityAliases';
import type { GitRunner } from '../../src/core/git/gitRunner';
import { buildHistoryIndex } from '../../src/core/git/historyIndexBuilder';
import { HistoryReplay } from '../../src/core/git/historyReplay';
import type { HistoryIndexData } from '../../src/core/git/historyTypes';
import { fileEvents, readLaterHistory, type EvalEvent, type LaterHistory } from './events';
import { pickWindow, type EvalWindow, type WindowOptions } from './window';

/** A repository cut in two: the index the engine sees at the cut-off and what people did next. */
export interface RealDataset {
  name: string;
  repo: string;
  window: EvalWindow;
  /** The history index at the cut-off, built by the product's own builder, aliases folded. */
  index: HistoryIndexData;
  /** "Now" for the model: the cut-off commit's time. */
  now: number;
  filesAtCutoff: Set<string>;
  later: LaterHistory;
  /** Alias → the identity it was folded into (index and events alike). */
  aliases: Map<string, string>;
  events: EvalEvent[];
  seconds: { index: number; later: number };
}

export interface RealDatasetOptions extends WindowOptions {
  name?: string;
  extraBots?: string[];
}

/** Identities of the index and of the later history, with commit counts, for alias inference. */
function identities(index: HistoryIndexData, later: LaterHistory): KnownIdentity[] {
  const out = new Map<string, KnownIdentity>();
  for (const p of index.people.values()) out.set(p.email, { email: p.email, name: p.name, commits: p.commits });
  for (const c of later.commits) {
    const known = out.get(c.author);
    if (known) known.commits++;
    else out.set(c.author, { email: c.author, name: c.authorName, commits: 1 });
  }
  for (const [email, name] of later.names) if (!out.has(email)) out.set(email, { email, name, commits: 0 });
  return [...out.values()];
}

/** Folds aliases into their person in place (the index is the dataset's own). */
export function foldAliases(index: HistoryIndexData, aliases: ReadonlyMap<string, string>): void {
  if (aliases.size === 0) return;
  const replay = new HistoryReplay(index.files, index.people, index.shallow);
  for (const [from, to] of aliases) if (index.people.has(from)) replay.remapPerson(from, to, '');
}

/**
 * Cuts `repo` (a work tree or a bare git directory): the index at the cut-off through
 * `buildHistoryIndex(until)`, then one pass over the later commits. Undefined when the history
 * is shorter than the cut-off.
 */
export async function prepareRealDataset(git: GitRunner, repo: string, options: RealDatasetOptions): Promise<RealDataset | undefined> {
  const window = await pickWindow(git, repo, options);
  if (!window) return undefined;
  let started = Date.now();
  const index = await buildHistoryIndex(git, repo, { until: window.cutoff.sha });
  const indexSeconds = (Date.now() - started) / 1000;
  const tree = await git.run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', window.cutoff.sha], { cwd: repo, timeoutMs: 0 });
  const filesAtCutoff = new Set(tree.split('\0').filter(Boolean));
  started = Date.now();
  const later = await readLaterHistory(git, repo, window.cutoff.sha, window.end.sha, filesAtCutoff, options.extraBots);
  const laterSeconds = (Date.now() - started) / 1000;
  const aliases = inferAliases(identities(index, later), { sameFullName: true });
  foldAliases(index, aliases);
  const canonical = (key: string): string => aliases.get(key) ?? key;
  return {
    name: options.name ?? repoName(repo),
    repo,
    window,
    index,
    now: window.cutoff.time,
    filesAtCutoff,
    later,
    aliases,
    events: fileEvents(later.commits, canonical),
    seconds: { index: indexSeconds, later: laterSeconds },
  };
}

/** `owner/name` for the mirrors (`…/owner+name/repo`), else the folder name. */
export function repoName(repo: string): string {
  const base = path.basename(repo) === 'repo' || path.basename(repo) === '.git' ? path.basename(path.dirname(repo)) : path.basename(repo);
  return base.replace(/\.git$/, '').replace('+', '/');
}
