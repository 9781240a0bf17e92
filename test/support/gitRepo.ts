import { execFileSync } from 'child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, renameSync, unlinkSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Someone who commits in a test repository. */
export interface TestAuthor { name: string; email: string }

export interface CommitOptions {
  author: TestAuthor;
  /** ISO date or anything git accepts, used for both author and committer dates. */
  date: string;
  message?: string;
  /** Extra message lines, e.g. `Co-authored-by: X <x@y>` trailers. */
  trailers?: string[];
}

/**
 * A real git repository in a temp folder, built step by step by a test.
 * Every write goes through the git CLI so the history is exactly what git would record.
 */
export class TestRepo {
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  static create(prefix = 'constellation-test-'): TestRepo {
    const root = mkdtempSync(path.join(os.tmpdir(), prefix));
    const repo = new TestRepo(root);
    repo.git(['init', '-q', '-b', 'main']);
    repo.git(['config', 'user.email', 'tester@example.test']);
    repo.git(['config', 'user.name', 'Tester']);
    repo.git(['config', 'commit.gpgsign', 'false']);
    return repo;
  }

  /** Runs git in the repository with a fixed, isolated environment; returns stdout. */
  git(args: string[], env: Record<string, string> = {}, input?: string): string {
    return execFileSync('git', args, {
      cwd: this.root,
      encoding: 'utf8',
      input,
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        LC_ALL: 'C',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  write(relPath: string, content: string): this {
    const abs = path.join(this.root, relPath);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return this;
  }

  remove(relPath: string): this {
    unlinkSync(path.join(this.root, relPath));
    return this;
  }

  move(from: string, to: string): this {
    const abs = path.join(this.root, to);
    mkdirSync(path.dirname(abs), { recursive: true });
    renameSync(path.join(this.root, from), abs);
    return this;
  }

  /** Stages everything and commits as `author` at `date`; returns the new commit id. */
  commit(options: CommitOptions): string {
    this.git(['add', '-A']);
    const message = [options.message ?? 'change', ...(options.trailers?.length ? ['', ...options.trailers] : [])].join('\n');
    this.git(['commit', '-q', '--allow-empty', '-m', message], this.identityEnv(options));
    return this.head();
  }

  /** Merges `branch` into the current branch with a merge commit (no fast-forward). */
  merge(branch: string, options: CommitOptions): string {
    this.git(['merge', '-q', '--no-ff', '-m', options.message ?? `merge ${branch}`, branch], this.identityEnv(options));
    return this.head();
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private identityEnv(options: CommitOptions): Record<string, string> {
    return {
      GIT_AUTHOR_NAME: options.author.name,
      GIT_AUTHOR_EMAIL: options.author.email,
      GIT_AUTHOR_DATE: options.date,
      GIT_COMMITTER_NAME: options.author.name,
      GIT_COMMITTER_EMAIL: options.author.email,
      GIT_COMMITTER_DATE: options.date,
    };
  }
}
