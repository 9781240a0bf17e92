/**
 * A seeded, generated git history for checking that the community report keeps its results when
 * its computation is restructured: 24 authors in 4 teams (two with a .mailmap alias), 14 folders
 * of which 3 declared communities cover 9 (one area shared by two communities), two years of
 * backdated commits of 1–4 files, renames, deletes, a merge, pattern documents and threads.
 * Nothing is planted: the golden report (generatedReport.golden.json) is what the model said
 * about it before the restructuring.
 */
import { parseCommunities } from '../../../src/core/communities/parseCommunities';
import type { CommunityInputs } from '../../../src/core/communities/reportInputs';
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { GitRunner } from '../../../src/core/git/gitRunner';
import { buildHistoryIndex } from '../../../src/core/git/historyIndexBuilder';
import { silentLogger } from '../../../src/core/logger';
import { parsePatternDocument } from '../../../src/core/patterns/frontMatter';
import type { Thread } from '../../../src/core/threads/threadTypes';
import { seededRandom } from '../../../src/core/util/seededRandom';
import { TestRepo, type TestAuthor } from '../../support/gitRepo';

export const GENERATED_NOW = Date.UTC(2026, 2, 1) / 1000;
const TEAMS = ['red', 'green', 'blue', 'gold'];
const FOLDERS = Array.from({ length: 14 }, (_, i) => `${i < 10 ? 'src' : 'lib'}/part${i}${i % 3 === 0 ? '/deep' : ''}`);

const PAIRS = [['src/part1', 'src/part6/deep'], ['src/part4', 'lib/part11'], ['src/part2', 'src/part7'], ['lib/part12/deep', 'src/part7'], ['lib/part13', 'src/part5']];
const OUTSIDE = ['lib/part12/deep', 'lib/part13'];

const COMMUNITIES_YAML = `communities:
  - id: alpha
    name: Alpha
    codeAreas: ["src/part0/**", "src/part1/**", "src/part2/**", "src/part3/**"]
    leadership:
      institutional: [dev0@gen.test]
    members: [dev1@gen.test, { github: dev2-gh, role: sponsor }]
  - id: beta
    name: Beta
    codeAreas: ["src/part3/**", "src/part4/**", "src/part5/*.ts"]
  - id: gamma
    name: Gamma
    stage: active
    codeAreas: ["src/part6/**", "src/part7/**", "docs/**"]
`;

function directoryYaml(authors: TestAuthor[]): string {
  const teams = TEAMS.map((t) => `  - { id: ${t}, name: Team ${t} }`).join('\n');
  const people = authors.map((a, i) => `  - { email: ${a.email}, team: ${TEAMS[i % TEAMS.length]}${i === 2 ? ', github: dev2-gh' : ''}${i === 5 ? ', aliases: [dev5-old@gen.test]' : ''} }`).join('\n');
  return `companies:\n  - { id: gen, name: Gen, domains: [gen.test] }\nteams:\n${teams}\npeople:\n${people}\n`;
}

export interface GeneratedHistory {
  repo: TestRepo;
  inputs: CommunityInputs;
}

export async function buildGeneratedHistory(seed = 5): Promise<GeneratedHistory> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const authors: TestAuthor[] = Array.from({ length: 24 }, (_, i) => ({ name: `Dev ${i}`, email: `dev${i}@gen.test` }));
  // dev20–dev23 keep to two undeclared folders and no thread: owners a coordination gap can miss.
  const outsider = (i: number): boolean => i >= 20;
  const homes = authors.map((_, i) => (outsider(i) ? [OUTSIDE[i % 2]] : [pick(FOLDERS), pick(FOLDERS)]));
  const repo = TestRepo.create('constellation-generated-');
  repo.write('.mailmap', 'Dev 7 <dev7@gen.test> <seven@old.gen.test>\n');
  const files: string[] = [];
  let time = GENERATED_NOW - 2 * 365 * 86_400;
  const step = Math.floor((2 * 365 * 86_400) / 320);
  for (let c = 0; c < 320; c++) {
    time += step - Math.floor(random() * 3_600);
    const i = Math.floor(random() * authors.length);
    // Some authors stop early (former people, orphaned code); dev5 and dev7 also commit as an alias.
    if (i % 6 === 1 && c > 200) continue;
    const author = i === 5 && random() < 0.4 ? { name: 'Dev 5', email: 'dev5-old@gen.test' } : i === 7 && random() < 0.4 ? { name: 'Seven', email: 'seven@old.gen.test' } : authors[i];
    const touched = new Set<string>();
    if (files.length < 60 && (c < 40 || random() < 0.25)) {
      const folder = random() < 0.8 || outsider(i) ? pick(homes[i]) : pick(FOLDERS);
      const file = `${folder}/f${files.length}.${random() < 0.8 ? 'ts' : 'md'}`;
      files.push(file);
      touched.add(file);
    }
    const count = 1 + Math.floor(random() * 3);
    for (let k = 0; k < count && files.length > 0; k++) touched.add(random() < 0.7 || outsider(i) ? pick(files.filter((f) => homes[i].some((h) => f.startsWith(`${h}/`)))) ?? (outsider(i) ? '' : pick(files)) : pick(files));
    // Pairs of files across community lines that keep changing together (coordination requirements).
    if (c > 160 && c % 9 === 0 && !outsider(i)) {
      const pair = PAIRS[(c / 9) % PAIRS.length].map((folder) => files.find((f) => f.startsWith(`${folder}/`)));
      if (pair[0] && pair[1]) pair.forEach((f) => touched.add(f!));
    }
    for (const file of touched) if (file) repo.write(file, `// ${file}\nexport const v = ${c};\n`);
    if (c > 100 && random() < 0.03 && files.length > 10) {
      const k = Math.floor(random() * files.length);
      const to = files[k].replace(/f(\d+)\./, 'moved$1.');
      if (!touched.has(files[k]) && to !== files[k]) {
        repo.move(files[k], to);
        files[k] = to;
      }
    } else if (c > 150 && random() < 0.02 && files.length > 10) {
      const k = Math.floor(random() * files.length);
      if (!touched.has(files[k])) {
        repo.remove(files[k]);
        files.splice(k, 1);
      }
    }
    repo.commit({ author, date: new Date(time * 1000).toISOString(), message: `change ${c}` });
    if (c === 250) {
      repo.git(['checkout', '-q', '-b', 'side', 'HEAD~3']);
      repo.write('docs/guide.md', '# guide\n');
      repo.commit({ author: authors[3], date: new Date((time - 3_600) * 1000).toISOString(), message: 'docs on a branch' });
      repo.git(['checkout', '-q', 'main']);
      repo.merge('side', { author: authors[4], date: new Date(time * 1000).toISOString(), message: 'merge side' });
    }
  }
  repo.write('.constellation/patterns/p-one.md', patternText('p-one', 'alpha', 'adopted', ['dev0@gen.test']));
  repo.write('.constellation/patterns/p-two.md', patternText('p-two', 'gamma', 'proposed', ['dev2-gh']));
  repo.commit({ author: authors[9], date: new Date((GENERATED_NOW - 40 * 86_400) * 1000).toISOString(), message: 'patterns' });
  const patterns = ['p-one', 'p-two'].map((id) => {
    const parsed = parsePatternDocument(repo.git(['show', `HEAD:.constellation/patterns/${id}.md`]), { file: `${repo.root}/.constellation/patterns/${id}.md`, source: 'test' });
    if (!parsed.pattern) throw new Error(`pattern ${id}: ${JSON.stringify(parsed.diagnostics)}`);
    return parsed.pattern;
  });

  const index = await buildHistoryIndex(new GitRunner({ logger: silentLogger }), repo.root);
  const { communities, diagnostics } = parseCommunities(COMMUNITIES_YAML, 'communities.yml');
  if (diagnostics.length) throw new Error(diagnostics[0].message);
  const directory = new OrgDirectory(parseDirectoryConfig(directoryYaml(authors), 'directory.yml').config);
  const threads = ['alpha', 'beta', 'gamma'].map((community, n) => ({
    community,
    threads: Array.from({ length: 4 }, (_, t): Thread => {
      const created = GENERATED_NOW - (20 + 70 * t + 9 * n) * 86_400;
      const who = (): Thread['author'] => (random() < 0.2 ? { login: 'dev2-gh' } : random() < 0.1 ? { name: 'Dev 11' } : { email: pick(authors.slice(0, 20)).email });
      return {
        id: `${community}-${t}`, backend: 'files', venue: { backend: 'files', path: `/venues/${community}` }, title: `T${t}`, author: who(), body: '',
        createdAt: new Date(created * 1000).toISOString(), state: t % 2 ? 'closed' : 'open',
        comments: Array.from({ length: 1 + Math.floor(random() * 4) }, (_, k) => ({ id: `c${k}`, author: who(), body: '', createdAt: new Date((created + (k + 1) * 7_200) * 1000).toISOString() })),
      };
    }),
  }));
  return { repo, inputs: { communities, repositories: [{ name: 'gen', index }], patterns, threads, directory } };
}

function patternText(id: string, community: string, status: string, maintainers: string[]): string {
  return ['---', `id: ${id}`, `title: ${id}`, `summary: ${id}`, `community: ${community}`, `status: ${status}`, `maintainers: [${maintainers.join(', ')}]`, '---', `# ${id}`, ''].join('\n');
}
