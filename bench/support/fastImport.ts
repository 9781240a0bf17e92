import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';

export interface FastImportAuthor { name: string; email: string }

export interface FastImportCommit {
  author: FastImportAuthor;
  /** Unix seconds. */
  time: number;
  message: string;
  /** Path → new content. */
  modify?: Array<[string, string]>;
  /** [from, to] renames (content kept). */
  rename?: Array<[string, string]>;
  delete?: string[];
}

/**
 * Streams commits into `git fast-import`, which builds a large history in seconds where one
 * `git commit` per change would take many minutes.
 */
export class FastImportWriter {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly done: Promise<void>;
  private buffer: string[] = [];
  private bufferedBytes = 0;
  private commits = 0;

  constructor(repoRoot: string, private readonly branch = 'refs/heads/main') {
    this.child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repoRoot });
    let stderr = '';
    this.child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    this.done = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import failed (${code}): ${stderr}`))));
    });
  }

  async commit(commit: FastImportCommit): Promise<void> {
    const identity = `${commit.author.name} <${commit.author.email}> ${commit.time} +0000`;
    const lines = [`commit ${this.branch}`, `author ${identity}`, `committer ${identity}`, data(commit.message)];
    for (const path of commit.delete ?? []) lines.push(`D ${quote(path)}`);
    for (const [from, to] of commit.rename ?? []) lines.push(`R ${quote(from)} ${quote(to)}`);
    for (const [path, content] of commit.modify ?? []) lines.push(`M 100644 inline ${quote(path)}`, data(content));
    this.commits++;
    await this.write(lines.join('\n') + '\n\n');
  }

  get commitCount(): number {
    return this.commits;
  }

  async close(): Promise<void> {
    await this.write('done\n', true);
    this.child.stdin.end();
    await this.done;
  }

  private async write(text: string, force = false): Promise<void> {
    this.buffer.push(text);
    this.bufferedBytes += text.length;
    if (!force && this.bufferedBytes < 1 << 20) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedBytes = 0;
    if (!this.child.stdin.write(chunk)) await new Promise((resolve) => this.child.stdin.once('drain', resolve));
  }
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}`;
}

function quote(path: string): string {
  return /[\s"\\]/.test(path) ? JSON.stringify(path) : path;
}
