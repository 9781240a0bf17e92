/**
 * A real git repository with planted answers for the community model, one year of history up to
 * NOW (2026-06-01) plus older work:
 * - reliability (src/reliability/**): ana, ben, cyd work together every month (core); dan and eve
 *   each made one change early in the window (drive-by, peripheral); ned arrived last month (newcomer);
 * - billing (src/billing/**): finn created every file and does nearly all the work (truck factor 1);
 *   old wrote legacy.ts three years ago and left (orphaned); gus works next to it now;
 * - hal (data team) works month after month in both reliability and billing (boundary spanner);
 * - shipping (src/shipping/**): leo and mo;
 * - nia changes src/billing/invoice.ts and src/shipping/label.ts together in three commits while
 *   their owners finn and leo never meet (a coordination gap); she also changes retry.ts and
 *   rates.ts together, but ana and leo talk in a reliability thread (no gap there);
 * - ivy, jon and kim, from three teams, work together on lib/cache and lib/store, which no
 *   community declares (a community to discover).
 */
import { parseDirectoryConfig } from '../../../src/core/directory/directoryConfig';
import { OrgDirectory } from '../../../src/core/directory/orgDirectory';
import { parsePatternDocument } from '../../../src/core/patterns/frontMatter';
import type { Pattern } from '../../../src/core/patterns/patternTypes';
import type { Thread } from '../../../src/core/threads/threadTypes';
import { TestRepo, type TestAuthor } from '../../support/gitRepo';

export const NOW = Date.UTC(2026, 5, 1) / 1000;

const person = (id: string, name: string): TestAuthor => ({ name, email: `${id}@acme.test` });
export const P = {
  ana: person('ana', 'Ana Alves'),
  ben: person('ben', 'Ben Brook'),
  cyd: person('cyd', 'Cyd Chan'),
  dan: person('dan', 'Dan Drive'),
  eve: person('eve', 'Eve Early'),
  ned: person('ned', 'Ned New'),
  finn: person('finn', 'Finn Fox'),
  gus: person('gus', 'Gus Grey'),
  old: person('old', 'Olga Old'),
  hal: person('hal', 'Hal Hub'),
  leo: person('leo', 'Leo Lane'),
  mo: person('mo', 'Mo Moss'),
  nia: person('nia', 'Nia Night'),
  ivy: person('ivy', 'Ivy Ito'),
  jon: person('jon', 'Jon Jay'),
  kim: person('kim', 'Kim Kay'),
};

export const DIRECTORY_YAML = `companies:
  - { id: acme, name: Acme, domains: [acme.test] }
businessUnits:
  - { id: commerce, name: Commerce, company: acme }
  - { id: core, name: Core, company: acme }
teams:
  - { id: payments, name: Payments, businessUnit: commerce }
  - { id: platform, name: Platform, businessUnit: core }
  - { id: search, name: Search, businessUnit: core }
  - { id: data, name: Data, businessUnit: core }
people:
  - { email: ana@acme.test, team: payments }
  - { email: ben@acme.test, github: benb, team: platform }
  - { email: cyd@acme.test, team: search }
  - { email: dan@acme.test, team: payments }
  - { email: eve@acme.test, team: platform }
  - { email: ned@acme.test, team: search }
  - { email: finn@acme.test, team: payments }
  - { email: gus@acme.test, team: payments }
  - { email: old@acme.test, team: payments }
  - { email: hal@acme.test, team: data }
  - { email: leo@acme.test, github: leo-lane, team: search }
  - { email: mo@acme.test, team: search }
  - { email: nia@acme.test, team: platform }
  - { email: ivy@acme.test, team: payments }
  - { email: jon@acme.test, team: platform }
  - { email: kim@acme.test, team: search }
`;

export const COMMUNITIES_YAML = `communities:
  - id: reliability
    name: Reliability Guild
    domain: Retries, timeouts and failure handling
    stage: active
    relationship: legitimized
    codeAreas: ["src/reliability/**"]
    leadership:
      day-to-day: ana@acme.test
      institutional: [ben@acme.test]
    members: [ana@acme.test, { github: benb, role: sponsor }, zed@acme.test]
  - id: billing
    name: Billing
    codeAreas: ["src/billing/**"]
  - id: shipping
    name: Shipping
    stage: coalescing
    codeAreas: ["src/shipping/**"]
`;

export interface Planted {
  repo: TestRepo;
  directory: OrgDirectory;
  patterns: Pattern[];
  threads: Thread[];
}

/** `YYYY-MM` month offset from June 2025 (0) to May 2026 (11); negative for earlier years. */
function at(month: number, day: number, minute = 0): string {
  const date = new Date(Date.UTC(2025, 5 + month, day, 9, minute));
  return date.toISOString();
}

export function buildPlantedHistory(): Planted {
  const repo = TestRepo.create('constellation-communities-');
  let serial = 0;
  const change = (who: TestAuthor, date: string, files: string[]): void => {
    for (const file of files) repo.write(file, `// ${file}\nexport const v${++serial} = ${serial};\n`);
    repo.commit({ author: who, date, message: `${who.name}: ${files.join(', ')}` });
  };

  // Older history, before the window.
  change(P.old, at(-36, 3), ['src/billing/legacy.ts']);
  change(P.ana, at(-12, 1), ['src/reliability/retry.ts', 'src/reliability/breaker.ts', 'src/reliability/timeout.ts']);
  const billing = ['src/billing/invoice.ts', 'src/billing/tax.ts', 'src/billing/refund.ts', 'src/billing/ledger.ts', 'src/billing/currency.ts', 'src/billing/plans.ts'];
  change(P.finn, at(-11, 2), billing);
  change(P.leo, at(-11, 3), ['src/shipping/label.ts', 'src/shipping/rates.ts', 'src/shipping/carrier.ts']);
  change(P.ivy, at(-10, 4), ['lib/cache/lru.ts', 'lib/cache/ttl.ts', 'lib/store/kv.ts', 'lib/store/log.ts']);
  change(P.gus, at(-10, 5), ['src/billing/README.md']);

  const reliability = ['src/reliability/retry.ts', 'src/reliability/breaker.ts', 'src/reliability/timeout.ts'];
  for (let m = 0; m < 12; m++) {
    change(P.ana, at(m, 3), [reliability[m % 3], reliability[(m + 1) % 3]]);
    change(P.ben, at(m, 6), [reliability[(m + 1) % 3], reliability[(m + 2) % 3]]);
    change(P.cyd, at(m, 9), [reliability[(m + 2) % 3], reliability[m % 3]]);
    change(P.finn, at(m, 12), [billing[m % 6], billing[(m + 1) % 6]]);
    change(P.hal, at(m, 14), m % 2 === 0 ? [reliability[m % 3]] : [billing[(m + 3) % 6]]);
    change(P.leo, at(m, 16), ['src/shipping/label.ts', 'src/shipping/carrier.ts']);
    change(P.mo, at(m, 18), ['src/shipping/carrier.ts', 'src/shipping/rates.ts']);
    if (m < 8) {
      change(P.ivy, at(m, 20), ['lib/cache/lru.ts', 'lib/store/kv.ts']);
      change(P.jon, at(m, 21), ['lib/cache/ttl.ts', 'lib/store/kv.ts']);
      change(P.kim, at(m, 22), ['lib/store/log.ts', 'lib/cache/lru.ts']);
    }
  }
  change(P.dan, at(1, 7, 30), ['src/reliability/retry.ts']);
  change(P.eve, at(2, 7, 30), ['src/reliability/breaker.ts']);
  change(P.gus, at(6, 8), ['src/billing/README.md']);
  change(P.gus, at(7, 8), ['src/billing/README.md']);
  for (const m of [8, 9, 10]) {
    change(P.nia, at(m, 25), ['src/billing/invoice.ts', 'src/shipping/label.ts']);
    change(P.nia, at(m, 26), ['src/reliability/retry.ts', 'src/shipping/rates.ts']);
  }
  change(P.ned, at(11, 1), ['src/reliability/timeout.ts']);
  change(P.ned, at(11, 10), ['src/reliability/retry.ts']);

  repo.write('.constellation/patterns/retry-with-backoff.md', patternText('retry-with-backoff', 'adopted', ['cyd@acme.test']));
  repo.write('.constellation/patterns/hedged-requests.md', patternText('hedged-requests', 'proposed', ['benb']));
  repo.commit({ author: P.cyd, date: at(10, 2), message: 'patterns' });
  repo.write('.constellation/patterns/retry-with-backoff.md', patternText('retry-with-backoff', 'adopted', ['cyd@acme.test'], 'More.'));
  repo.commit({ author: P.cyd, date: at(10, 20), message: 'pattern edits' });

  const patterns = ['retry-with-backoff', 'hedged-requests'].map((id) => {
    const file = `${repo.root}/.constellation/patterns/${id}.md`;
    const parsed = parsePatternDocument(repo.git(['show', `HEAD:.constellation/patterns/${id}.md`]), { file, source: 'test' });
    if (!parsed.pattern) throw new Error(`pattern ${id} did not parse: ${JSON.stringify(parsed.diagnostics)}`);
    return parsed.pattern;
  });
  const directory = new OrgDirectory(parseDirectoryConfig(DIRECTORY_YAML, 'directory.yml').config);
  return { repo, directory, patterns, threads: plantedThreads() };
}

function patternText(id: string, status: string, maintainers: string[], extra = ''): string {
  return ['---', `id: ${id}`, `title: ${id}`, `summary: ${id} summary`, 'community: reliability', `status: ${status}`, `maintainers: [${maintainers.join(', ')}]`, '---', `# ${id}`, extra, ''].join('\n');
}

function plantedThreads(): Thread[] {
  const venue = { backend: 'files' as const, path: '/venues/reliability' };
  return [
    {
      id: 'timeouts',
      backend: 'files',
      venue,
      title: 'Default timeouts?',
      author: { name: P.ana.name, email: P.ana.email },
      createdAt: at(9, 1),
      body: 'What should the default be?',
      comments: [
        { id: 'c1', author: { login: 'benb' }, body: 'Two seconds.', createdAt: at(9, 2) },
        { id: 'c2', author: { login: 'leo-lane' }, body: 'Shipping needs five.', createdAt: at(9, 3) },
        { id: 'c3', author: { name: 'Cyd Chan' }, body: 'Agreed.', createdAt: at(9, 4) },
      ],
      state: 'open',
    },
    {
      id: 'breakers',
      backend: 'files',
      venue,
      title: 'Breaker thresholds',
      author: { name: P.ana.name, email: P.ana.email },
      createdAt: at(10, 1),
      body: '?',
      comments: [{ id: 'c1', author: { login: 'benb' }, body: '50%.', createdAt: at(10, 2) }],
      state: 'closed',
    },
  ];
}
