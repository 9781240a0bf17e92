/**
 * A multi-root workspace of REAL git repositories, opened through its `.code-workspace` file:
 *   web/                  acme/web: imports packages of other repositories; its directory.yml
 *                         reads the organisation's teams from GitHub; Jake commits with two emails
 *   web/tools/codegen/    acme/codegen, a clone nested in the web folder, with a pattern of its own
 *   http/                 acme/http: its own experts, a community with a file venue and a thread,
 *                         whose code areas span acme/web and the hub-only acme/ledger
 * Histories are backdated relative to "now". The hub-only repository (acme/ledger) is built by
 * the tests themselves (export + hub merge), since only the loopback GitHub serves it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { createAnchor } from '../../src/core/threads/anchor';
import { serializeThread } from '../../src/core/threads/fileStoreFormat';
import type { Thread } from '../../src/core/threads/threadTypes';
import { FixtureSourceFile } from './fixtureSource';
import { TestRepo, type TestAuthor } from './gitRepo';

export const MULTIROOT_INFO_ENV = 'CONSTELLATION_MULTIROOT_INFO';

export interface OrgPerson extends TestAuthor { login: string; id: number }

export const ORG_PEOPLE = {
  you: { name: 'Yuki Developer', email: 'you@acme.example', login: 'yuki-dev', id: 5001 },
  jake: { name: 'Jake Moreau', email: 'jake@acme.example', login: 'jake-m', id: 5002 },
  nina: { name: 'Nina Wolf', email: 'nina@acme.example', login: 'nina-w', id: 5003 },
  priya: { name: 'Priya Raman', email: 'priya@acme.example', login: 'priya-r', id: 5004 },
  omar: { name: 'Omar Haddad', email: 'omar@acme.example', login: 'omar-h', id: 5005 },
  sylvia: { name: 'Sylvia Chen', email: 'sylvia@acme.example', login: 'sylvia-c', id: 5006 },
  leo: { name: 'Leo Grant', email: 'leo@acme.example', login: 'leo-g', id: 5007 },
} satisfies Record<string, OrgPerson>;

/** Jake's second address: only GitHub (his verified emails) says it is Jake. */
export const JAKE_OTHER_EMAIL = 'jmoreau@acme.example';

/** Where something is, 1-based lines, workspace-folder-relative paths. */
export interface FixtureSpot { folder: string; file: string; line: number; topEmail: string }

export interface MultiRootFixture {
  workspaceFile: string;
  web: string;
  http: string;
  codegen: string;
  now: number;
  spots: { web: FixtureSpot; http: FixtureSpot; codegen: FixtureSpot };
  /** The import of the package only the hub index knows (0-based line and a column inside the specifier). */
  ledgerImport: { file: string; line: number; character: number; specifier: string };
  /** The thread of http's community, anchored to `request()`. */
  httpThread: { title: string; community: string };
  /** The http community's code areas on a repository only the hub index knows. */
  hubOnlyAreas: string[];
  codegenPattern: string;
}

export function loadMultiRootFixture(file = process.env[MULTIROOT_INFO_ENV]): MultiRootFixture {
  if (!file) throw new Error(`${MULTIROOT_INFO_ENV} is not set: run the tests through the harness (npm run test:integration)`);
  return JSON.parse(readFileSync(file, 'utf8')) as MultiRootFixture;
}

const DAY = 86_400;

function move(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

function configure(repo: TestRepo, remote: string): void {
  repo.git(['remote', 'add', 'origin', remote]);
  repo.git(['update-ref', 'refs/remotes/origin/main', 'HEAD']);
  repo.git(['config', 'user.email', ORG_PEOPLE.you.email]);
  repo.git(['config', 'user.name', ORG_PEOPLE.you.name]);
}

const WEB_DIRECTORY = [
  '# Acme: the company is written here, its teams come from GitHub.',
  'companies:',
  '  - { id: acme, name: Acme Corp, domains: [acme.example] }',
  'github:',
  '  organization: acme',
  '  company: acme',
  'people:',
  `  - { email: ${ORG_PEOPLE.you.email}, name: ${ORG_PEOPLE.you.name}, github: ${ORG_PEOPLE.you.login} }`,
  '',
].join('\n');

/**
 * http's directory, the communities' home: it disagrees with web's (GitHub's) about Leo, who works
 * for a contractor here. The community figures follow this one, whichever file is open.
 */
const HTTP_DIRECTORY = [
  'companies:',
  '  - { id: acme, name: Acme Corp, domains: [acme.example] }',
  '  - { id: ledgerco, name: Ledger Contractors, domains: [ledgerco.example] }',
  'businessUnits:',
  '  - { id: ledger-services, name: Ledger Services, company: ledgerco }',
  'teams:',
  '  - { id: ledger-contract, name: Ledger Contract Team, businessUnit: ledger-services }',
  'people:',
  `  - { email: ${ORG_PEOPLE.leo.email}, name: ${ORG_PEOPLE.leo.name}, team: ledger-contract }`,
  '',
].join('\n');

export function createMultiRootFixture(dir: string): MultiRootFixture {
  const target = path.resolve(dir);
  if (existsSync(target)) throw new Error(`fixture target ${target} exists`);
  const now = Math.floor(Date.now() / 1000);
  const at = (daysAgo: number): string => `${Math.round(now - daysAgo * DAY)} +0000`;
  const { jake, nina, priya, omar } = ORG_PEOPLE;

  // web: Jake writes checkout(), under two emails; Nina touches a few lines once.
  const web = TestRepo.create('constellation-mr-web-');
  const app = new FixtureSourceFile("import { post } from '@acme/ledger';\nimport { retry } from '@acme/http';\nconst audit = require('@acme/ledger/audit');\n// Checkout of the web shop.").addFunction({ name: 'checkout', bodyLines: 10 }, 'jake v1');
  web.write('src/app.ts', app.render());
  web.write('package.json', '{\n  "name": "acme-web",\n  "private": true\n}\n');
  web.write('.gitignore', 'tools/codegen/\n');
  web.write('.constellation/directory.yml', WEB_DIRECTORY);
  web.write('.github/CODEOWNERS', '*  @acme/web-platform\n');
  web.commit({ author: jake, date: at(200), message: 'Web: checkout' });
  web.write('src/app.ts', app.rewrite('checkout', 0, 4, 'jake second email').render());
  web.commit({ author: { name: jake.name, email: JAKE_OTHER_EMAIL }, date: at(100), message: 'Checkout: totals' });
  web.write('src/app.ts', app.rewrite('checkout', 4, 6, 'nina tweak').render());
  web.commit({ author: nina, date: at(60), message: 'Checkout: rounding' });
  web.write('src/app.ts', app.rewrite('checkout', 6, 10, 'jake again').render());
  web.commit({ author: { name: jake.name, email: JAKE_OTHER_EMAIL }, date: at(20), message: 'Checkout: limits' });
  configure(web, 'https://github.com/acme/web.git');
  const checkout = app.span('checkout');

  // web/tools/codegen: Omar's generator, its own repository with its own pattern.
  const codegen = TestRepo.create('constellation-mr-codegen-');
  const gen = new FixtureSourceFile('// Code generation.').addFunction({ name: 'generate', bodyLines: 6 }, 'omar v1');
  codegen.write('src/gen.ts', gen.render());
  codegen.write('.constellation/patterns/template-rendering.md', [
    '---', 'id: template-rendering', 'title: Template rendering', 'summary: Render generated files from templates.', 'status: adopted', 'community: codegen', 'appliesTo:', '  files: ["src/**/*.ts"]', '---', '',
    '# Template rendering', '', 'Render generated files from templates, never by string concatenation.', '',
  ].join('\n'));
  codegen.commit({ author: omar, date: at(90), message: 'Codegen: generator' });
  codegen.write('src/gen.ts', gen.rewrite('generate', 0, 3, 'omar v2').render());
  codegen.commit({ author: omar, date: at(10), message: 'Codegen: escapes' });
  configure(codegen, 'https://github.com/acme/codegen.git');

  // http: Priya's client, and the http community's thread about request().
  const http = TestRepo.create('constellation-mr-http-');
  const client = new FixtureSourceFile('// HTTP client.').addFunction({ name: 'request', bodyLines: 8 }, 'priya v1');
  http.write('src/client.ts', client.render());
  http.write('package.json', '{\n  "name": "@acme/http",\n  "version": "2.0.0"\n}\n');
  http.commit({ author: priya, date: at(150), message: 'HTTP: client' });
  http.write('src/client.ts', client.rewrite('request', 2, 6, 'priya retries').render());
  http.commit({ author: priya, date: at(15), message: 'HTTP: retries' });
  configure(http, 'https://github.com/acme/http.git');
  const request = client.span('request');
  const httpThread = { title: 'Should request() retry on 503?', community: 'http-guild' };
  http.write('.constellation/directory.yml', HTTP_DIRECTORY);
  http.write('.constellation/communities.yml', [
    'communities:',
    `  - id: ${httpThread.community}`,
    '    name: HTTP Guild',
    // Retries across the organisation: the web checkout (cloned here and in the hub), the ledger's
    // retry policy (in the hub only), and ledger docs the hub has no figures for.
    '    codeAreas: ["http:src/**", "web:src/**", "acme/ledger:src/retry/**", "ledger:docs/**"]',
    '    venue:',
    '      backend: files',
    '      path: .constellation/threads/http',
    '',
  ].join('\n'));
  const anchor = createAnchor({ remote: 'https://github.com/acme/http', path: 'src/client.ts', commit: http.head(), startLine: request.startLine, endLine: request.endLine, fileText: client.render() });
  const thread: Thread = {
    id: 'request-retry-1', backend: 'files', venue: { backend: 'files', path: '.constellation/threads/http' }, title: httpThread.title,
    author: { name: ORG_PEOPLE.nina.name, email: ORG_PEOPLE.nina.email }, createdAt: new Date((now - DAY) * 1000).toISOString(), anchor,
    body: 'Our checkout sees 503s from the ledger. Should request() retry them?', comments: [], state: 'open',
  };
  http.write(`.constellation/threads/http/${thread.id}.md`, serializeThread(thread));

  mkdirSync(target, { recursive: true });
  const webRoot = path.join(target, 'web');
  const httpRoot = path.join(target, 'http');
  const codegenRoot = path.join(webRoot, 'tools', 'codegen');
  move(web.root, webRoot);
  move(http.root, httpRoot);
  move(codegen.root, codegenRoot);
  const workspaceFile = path.join(target, 'org.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'web' }, { path: 'http' }], settings: {} }, null, 2));
  const header = app.render().split('\n').findIndex((l) => l.includes("'@acme/ledger'"));
  return {
    workspaceFile,
    web: webRoot,
    http: httpRoot,
    codegen: codegenRoot,
    now,
    spots: {
      web: { folder: webRoot, file: 'src/app.ts', line: checkout.startLine + 2, topEmail: jake.email },
      http: { folder: httpRoot, file: 'src/client.ts', line: request.startLine + 3, topEmail: priya.email },
      codegen: { folder: codegenRoot, file: 'src/gen.ts', line: gen.span('generate').startLine + 1, topEmail: omar.email },
    },
    ledgerImport: { file: 'src/app.ts', line: header, character: "import { post } from '@acme/".length + 2, specifier: '@acme/ledger' },
    httpThread,
    hubOnlyAreas: ['acme/ledger:src/retry/**', 'ledger:docs/**'],
    codegenPattern: 'template-rendering',
  };
}
