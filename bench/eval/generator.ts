import { execFileSync } from 'child_process';
import { Prng } from './prng';

/**
 * Generates a realistic, deterministic git history for the evaluation, written with
 * `git fast-import` (a few seconds for thousands of commits).
 *
 * Assumptions about how teams work (independent of the expertise model; change them only to make
 * the world more realistic, never to suit a method):
 * - Code is split into areas (folders, some nested). Most people have one or two *home* folders
 *   and do most of their work there (ownership clusters).
 * - Within a folder, people come back to the files they already worked on (rich get richer),
 *   but also touch other files of the folder.
 * - People join over time (no history yet) and some leave (never commit again); when the last
 *   active owner of a folder leaves, someone active adopts it. Joiners prefer under-staffed folders.
 * - Activity levels differ a lot between people (a few prolific committers, many occasional ones).
 * - Some commits are drive-bys: someone fixes a file far from home. Files get created, renamed
 *   (sometimes to another folder) and deleted. A dependency bot bumps package.json.
 * - Each change rewrites a few hunks of a file, so blame reflects who wrote the surviving lines.
 */

export interface GeneratorOptions {
  seed: number;
  commits?: number;
  people?: number;
  areas?: number;
  /** Length of the history in days. */
  days?: number;
}

interface Person {
  name: string;
  email: string;
  joinDay: number;
  leaveDay: number;
  rate: number;
  homes: string[];
}

interface FileState {
  path: string;
  folder: string;
  lines: string[];
  touches: Map<string, number>;
}

const FIRST = ['Ada', 'Ben', 'Chen', 'Dana', 'Emil', 'Fatou', 'Gita', 'Hugo', 'Ines', 'Jon', 'Kemal', 'Lea', 'Mina', 'Noor', 'Olu', 'Pia', 'Quinn', 'Rui', 'Sara', 'Tomas', 'Uma', 'Vik', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Abe', 'Berg', 'Costa', 'Diaz', 'Eze', 'Fox', 'Gray', 'Holm', 'Ito', 'Jain', 'Kim', 'Lund', 'Moss', 'Nagy', 'Ortiz', 'Park', 'Rossi', 'Silva', 'Tan', 'Vogel'];
const AREAS = ['api', 'auth', 'billing', 'search', 'ui', 'infra', 'data', 'reports', 'mobile', 'notify', 'admin', 'sync', 'export', 'i18n'];
const SUBS = ['core', 'util', 'model', 'views', 'jobs'];
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'sigma', 'omega', 'kappa', 'theta', 'lambda', 'zeta'];
const START = 1_546_300_800; // 2019-01-01
const DAY = 86_400;
const BOT = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

class World {
  readonly rng: Prng;
  readonly people: Person[] = [];
  readonly folders: string[] = [];
  readonly files = new Map<string, FileState>();
  private lineCounter = 0;
  private fileCounter = 0;

  constructor(readonly options: Required<GeneratorOptions>) {
    this.rng = new Prng(options.seed);
    const rng = this.rng;
    for (const area of AREAS.slice(0, options.areas)) {
      this.folders.push(`src/${area}`);
      if (rng.chance(0.5)) this.folders.push(`src/${area}/${rng.pick(SUBS)}`);
    }
    for (const folder of this.folders) for (let i = rng.int(3, 8); i > 0; i--) this.newFile(folder, 'seed');
    for (let i = 0; i < options.people; i++) {
      const joinDay = i < options.people * 0.4 ? 0 : rng.int(0, Math.floor(options.days * 0.9));
      const leaves = rng.chance(0.35);
      const leaveDay = leaves ? rng.int(joinDay + 60, joinDay + 60 + options.days) : Infinity;
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + options.seed) % LAST.length]}${i >= FIRST.length ? ` ${i}` : ''}`;
      const rate = Math.exp(rng.next() * 2.5 - 1);
      this.people.push({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@gen.test`, joinDay, leaveDay, rate, homes: [] });
    }
    for (const p of this.people.filter((q) => q.joinDay === 0)) this.assignHomes(p, 0);
  }

  active(day: number): Person[] {
    return this.people.filter((p) => p.joinDay <= day && day < p.leaveDay && p.homes.length > 0);
  }

  /** Joiners pick under-staffed folders; orphaned folders get adopted. */
  update(day: number): void {
    for (const p of this.people) if (p.homes.length === 0 && p.joinDay <= day && day < p.leaveDay) this.assignHomes(p, day);
    const active = this.active(day);
    if (active.length === 0) return;
    for (const folder of this.folders) {
      if (!active.some((p) => p.homes.includes(folder))) {
        const adopter = this.rng.pick(active);
        adopter.homes.push(folder);
      }
    }
  }

  private assignHomes(p: Person, day: number): void {
    const staff = (folder: string): number => this.active(day).filter((q) => q.homes.includes(folder)).length;
    const count = this.rng.chance(0.4) ? 2 : 1;
    while (p.homes.length < count) {
      const folder = this.rng.weighted(this.folders, (f) => (p.homes.includes(f) ? 0 : 1 / (1 + staff(f))));
      if (p.homes.includes(folder)) break;
      p.homes.push(folder);
    }
  }

  filesIn(folder: string): FileState[] {
    return [...this.files.values()].filter((f) => f.folder === folder);
  }

  newFile(folder: string, author: string): FileState {
    const path = `${folder}/${this.rng.pick(WORDS)}${++this.fileCounter}.ts`;
    const file: FileState = { path, folder, lines: [], touches: new Map([[author, 1]]) };
    for (let i = this.rng.int(20, 60); i > 0; i--) file.lines.push(this.line());
    this.files.set(path, file);
    return file;
  }

  line(): string {
    return `export const v${++this.lineCounter} = '${this.rng.pick(WORDS)}';`;
  }

  /** Rewrites one to three hunks. */
  edit(file: FileState, author: string): void {
    for (let h = this.rng.int(1, 3); h > 0; h--) {
      const at = this.rng.int(0, file.lines.length);
      const removed = Math.min(this.rng.int(0, 4), file.lines.length - at);
      const added = Array.from({ length: this.rng.int(1, 6) }, () => this.line());
      file.lines.splice(at, removed, ...added);
    }
    if (file.lines.length > 250) file.lines.splice(this.rng.int(0, 200), 40);
    file.touches.set(author, (file.touches.get(author) ?? 0) + 1);
  }

  /** A file in `folder`: mostly one the author already knows, sometimes any. */
  chooseFile(folder: string, author: string): FileState | undefined {
    const files = this.filesIn(folder);
    if (files.length === 0) return undefined;
    if (this.rng.chance(0.6)) return this.rng.weighted(files, (f) => f.touches.get(author) ?? 0);
    return this.rng.pick(files);
  }
}

class StreamWriter {
  private readonly parts: string[] = [];
  private mark = 0;

  commit(author: { name: string; email: string }, time: number, message: string, ops: string[]): void {
    const ident = `${author.name} <${author.email}> ${time} +0000`;
    this.parts.push(`commit refs/heads/main\nmark :${++this.mark}\nauthor ${ident}\ncommitter ${ident}\n${data(message)}`);
    if (this.mark > 1) this.parts.push(`from :${this.mark - 1}\n`);
    this.parts.push(...ops, '\n');
  }

  get commits(): number {
    return this.mark;
  }

  text(): string {
    return this.parts.join('');
  }
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function modify(file: FileState): string {
  return `M 100644 inline ${file.path}\n${data(file.lines.join('\n') + '\n')}`;
}

/** The whole history as a `git fast-import` stream. Pure: same options, same bytes. */
export function generateHistory(options: GeneratorOptions): { stream: string; commits: number } {
  const opts: Required<GeneratorOptions> = { commits: 2500, people: 36, areas: 10, days: 3 * 365, ...options };
  const world = new World(opts);
  const rng = world.rng;
  const out = new StreamWriter();
  const founder = world.people[0];
  out.commit(founder, START, 'initial import', [...world.files.values()].map(modify).concat(`M 100644 inline package.json\n${data('{ "version": 0 }\n')}`));
  let bumps = 0;
  for (let i = 1; i < opts.commits; i++) {
    const day = Math.floor((i / opts.commits) * opts.days);
    const time = START + day * DAY + rng.int(8 * 3600, 19 * 3600);
    if (i % 50 === 0) world.update(day);
    if (rng.chance(0.02)) {
      out.commit(BOT, time, 'chore(deps): bump', [`M 100644 inline package.json\n${data(`{ "version": ${++bumps} }\n`)}`]);
      continue;
    }
    const active = world.active(day);
    if (active.length === 0) continue;
    const author = rng.weighted(active, (p) => p.rate);
    const home = rng.weighted(author.homes, (f) => (f === author.homes[0] ? 3 : 1));
    const roll = rng.next();
    const ops: string[] = [];
    let message = 'change';
    if (roll < 0.1) {
      const target = rng.pick([...world.files.values()]);
      world.edit(target, author.email);
      ops.push(modify(target));
      message = 'drive-by fix';
    } else if (roll < 0.15) {
      ops.push(modify(world.newFile(home, author.email)));
      message = 'add file';
    } else if (roll < 0.165) {
      const file = world.chooseFile(home, author.email);
      if (!file) continue;
      const folder = rng.chance(0.3) ? rng.pick(world.folders) : file.folder;
      const to = `${folder}/${rng.pick(WORDS)}${i}r.ts`;
      world.files.delete(file.path);
      ops.push(`R ${file.path} ${to}\n`);
      world.files.set(to, { ...file, path: to, folder });
      message = 'rename';
    } else if (roll < 0.175) {
      const files = world.filesIn(home);
      if (files.length <= 2) continue;
      const file = rng.pick(files);
      world.files.delete(file.path);
      ops.push(`D ${file.path}\n`);
      message = 'delete';
    } else {
      const touched = new Set<FileState>();
      for (let n = rng.chance(0.7) ? 1 : rng.int(2, 3); n > 0; n--) {
        const file = world.chooseFile(home, author.email);
        if (file) touched.add(file);
      }
      for (const file of touched) {
        world.edit(file, author.email);
        ops.push(modify(file));
      }
    }
    if (ops.length > 0) out.commit(author, time, message, ops);
  }
  return { stream: out.text(), commits: out.commits };
}

/** Creates a repository at `dir` (must not exist or be empty) holding the generated history. */
export function createGeneratedRepo(dir: string, options: GeneratorOptions): { commits: number } {
  const { stream, commits } = generateHistory(options);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env, stdio: 'pipe' });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: stream, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir, env, stdio: 'pipe' });
  return { commits };
}
