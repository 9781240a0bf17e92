import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { FastImportWriter } from './support/fastImport';
import { pick, seededRandom } from './support/random';

export interface SyntheticHistoryOptions {
  commits: number;
  files: number;
  authors: number;
  seed?: number;
}

/**
 * A large repository for performance work: `files` files in 100 folders, `authors` people
 * who each favour a few folders, a few changes per commit, some renames and deletes.
 * Cached by its parameters so repeated bench runs reuse it.
 */
export async function syntheticHistory(cacheDir: string, options: SyntheticHistoryOptions): Promise<string> {
  const root = path.join(cacheDir, `synthetic-${options.commits}c-${options.files}f-${options.authors}a-${options.seed ?? 1}`);
  const complete = `${root}.complete`;
  if (existsSync(complete)) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', root]);
  const random = seededRandom(options.seed ?? 1);
  const authors = Array.from({ length: options.authors }, (_, i) => ({ name: `Person ${i}`, email: `person${i}@org${i % 7}.example` }));
  const folders = Array.from({ length: 100 }, (_, i) => `src/area${i}/module${i % 10}`);
  const homeFolders = authors.map(() => [pick(random, folders), pick(random, folders), pick(random, folders)]);
  const files: string[] = [];
  const writer = new FastImportWriter(root);
  let time = Date.UTC(2019, 0, 1) / 1000;
  const step = Math.floor((Date.UTC(2026, 10, 1) / 1000 - time) / options.commits);

  for (let c = 0; c < options.commits; c++) {
    time += step;
    const who = Math.floor(random() * authors.length);
    const modify: Array<[string, string]> = [];
    const rename: Array<[string, string]> = [];
    const remove: string[] = [];
    const grow = files.length < options.files && (c < options.files || random() < 0.1);
    if (grow) {
      const folder = random() < 0.8 ? pick(random, homeFolders[who]) : pick(random, folders);
      const file = `${folder}/file${files.length}.ts`;
      files.push(file);
      modify.push([file, `// ${file}\nexport const v = ${c};\n`]);
    }
    const touches = 1 + Math.floor(random() * 3);
    for (let t = 0; t < touches && files.length > 0; t++) {
      const file = files[Math.floor(random() * files.length)];
      if (!modify.some(([p]) => p === file)) modify.push([file, `// ${file}\nexport const v = ${c};\nexport const by = ${who};\n`]);
    }
    if (c > options.files && random() < 0.002 && files.length > 10) {
      const i = Math.floor(random() * files.length);
      const from = files[i];
      const to = from.replace(/file(\d+)\.ts$/, 'renamed$1.ts');
      if (!modify.some(([p]) => p === from) && to !== from) {
        rename.push([from, to]);
        files[i] = to;
      }
    } else if (c > options.files && random() < 0.001 && files.length > 10) {
      const i = Math.floor(random() * files.length);
      if (!modify.some(([p]) => p === files[i])) remove.push(...files.splice(i, 1));
    }
    await writer.commit({ author: authors[who], time, message: `change ${c}`, modify, rename, delete: remove });
  }
  await writer.close();
  execFileSync('git', ['-C', root, 'reset', '-q', '--hard', 'main']);
  execFileSync('git', ['-C', root, 'commit-graph', 'write', '--reachable']);
  writeFileSync(complete, new Date().toISOString());
  return root;
}
