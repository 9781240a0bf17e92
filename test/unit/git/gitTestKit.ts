import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { HistoryIndexData } from '../../../src/core/git/historyTypes';
import type { Logger } from '../../../src/core/logger';
import { GitRunner } from '../../../src/core/git/gitRunner';
import type { TestAuthor } from '../../support/gitRepo';

export const alice: TestAuthor = { name: 'Alice Archer', email: 'alice@example.test' };
export const bob: TestAuthor = { name: 'Bob Baker', email: 'bob@example.test' };
export const carol: TestAuthor = { name: 'Carol Cook', email: 'carol@example.test' };
export const bobOld: TestAuthor = { name: 'bobby', email: 'Bob.Old@Legacy.test' };

/** A logger that keeps every line, to assert what was logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (m: string | Error) => lines.push(`${level} ${m instanceof Error ? m.message : m}`);
  return { lines, trace: keep('trace'), debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

export function runner(logger: Logger = recordingLogger()): GitRunner {
  return new GitRunner({ logger });
}

/** A temp folder removed by the returned function. */
export function tempDir(prefix = 'constellation-git-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs git outside any repository object (clones), isolated from the user's config. */
export function gitIn(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' },
  });
}

/** Unix seconds of an ISO date. */
export function unix(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** A captured git output file of test/fixtures/git (found from the compiled test or the cwd). */
export function fixture(name: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'git', name);
    if (existsSync(candidate)) {
      return readFileSync(candidate, 'utf8');
    }
    if (path.dirname(dir) === dir) {
      return readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'git', name), 'utf8');
    }
  }
}

/** A plain, order-independent view of an index, to compare two of them (updatedAt left out). */
export function snapshot(index: HistoryIndexData): unknown {
  return {
    repository: index.repository,
    head: index.head,
    shallow: index.shallow,
    commitCount: index.commitCount,
    people: [...index.people.values()].sort((a, b) => a.email.localeCompare(b.email)),
    files: [...index.files.values()]
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((f) => ({
        path: f.path,
        creator: f.creator,
        totalChanges: f.totalChanges,
        contributions: [...f.contributions.entries()].sort(([a], [b]) => a.localeCompare(b)),
      })),
  };
}
