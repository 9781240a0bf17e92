/**
 * The fixture's communities of practice (.constellation/communities.yml) with their venues, a git
 * remote whose main branch contains HEAD (so permalinks count as pushed), and design threads
 * already in the file venues, anchored to fixture code. The test preset adds only files and git
 * config, no commit, so the history the expert tests rely on is unchanged; the demo commits them,
 * so its Source Control view starts clean. A second repository is nested in the workspace (and
 * ignored by the main one) for the communities' figures across repositories (fixtureWarehouse.ts).
 */
import { createAnchor } from '../../src/core/threads/anchor';
import { serializeThread } from '../../src/core/threads/fileStoreFormat';
import type { Thread } from '../../src/core/threads/threadTypes';
import { PEOPLE, YOU } from './fixtureOrg';
import { addWarehouseRepository, WAREHOUSE } from './fixtureWarehouse';
import type { FixtureHistory, FixturePreset } from './fixtureWorkspace';

export const FIXTURE_REMOTE = 'https://github.com/acme/shop';
/** The GitHub venue of the `identity` community in the test preset (served by a loopback server). */
export const FIXTURE_GITHUB_VENUE = { community: 'identity', owner: 'acme', name: 'identity-hub', category: 'Design threads' };

export interface FixtureThread {
  community: string;
  title: string;
  file: string;
  functionName: string;
}

/** Threads already in the file venues, per preset. */
export function fixtureThreads(preset: FixturePreset): FixtureThread[] {
  const threads: FixtureThread[] = [{ community: 'reliability', title: 'Should chargeCard retry declined cards?', file: 'src/payments/gateway.ts', functionName: 'chargeCard' }];
  if (preset === 'demo') threads.push({ community: 'api-design', title: 'Discount caps: per order or per item?', file: 'src/pricing/discounts.ts', functionName: 'applyDiscount' });
  return threads;
}

function communitiesYaml(preset: FixturePreset): string {
  const identityVenue =
    preset === 'test'
      ? [`      backend: github-discussions`, `      repository: ${FIXTURE_GITHUB_VENUE.owner}/${FIXTURE_GITHUB_VENUE.name}`, `      category: ${FIXTURE_GITHUB_VENUE.category}`]
      : ['      backend: files', '      path: .constellation/threads/identity'];
  return [
    '# Communities of practice: who cares about which code, and where their design threads live.',
    'communities:',
    '  - id: reliability',
    '    name: Reliability Guild',
    '    domain: reliability',
    '    description: Retries, idempotency and failure handling across teams.',
    '    stage: active',
    '    relationship: legitimized',
    `    codeAreas: ["src/payments/**", "src/http/**", "src/shipping/**", "${WAREHOUSE.name.split('/')[1]}:inventory/**"]`,
    '    venue:',
    '      backend: files',
    '      path: .constellation/threads/reliability',
    '    leadership:',
    `      day-to-day: ${PEOPLE.dave.email}`,
    '    members:',
    `      - email: ${PEOPLE.dave.email}`,
    '        role: coordinator',
    '  - id: identity',
    '    name: Identity & Access',
    '    domain: security',
    '    relationship: unrecognized',
    '    codeAreas: ["src/auth/**"]',
    '    venue:',
    ...identityVenue,
    '    leadership:',
    `      boundary: ${PEOPLE.bob.email}`,
    '  - id: api-design',
    '    name: API Design',
    '    domain: api',
    '    stage: coalescing',
    '    codeAreas: ["src/api/**", "src/checkout/**", "src/pricing/**", "src/receipts/**"]',
    '    venue:',
    '      backend: files',
    '      path: .constellation/threads/api-design',
    '    members:',
    `      - email: ${YOU.email}`,
    '        role: newsletter editor',
    '',
  ].join('\n');
}

/** Called once by createFixtureWorkspace, after the last commit. */
export function addFixtureCommunities(h: FixtureHistory, preset: FixturePreset): void {
  const repo = h.repo;
  repo.git(['remote', 'add', 'origin', `${FIXTURE_REMOTE}.git`]);
  repo.git(['update-ref', 'refs/remotes/origin/main', 'HEAD']);
  repo.write('.constellation/communities.yml', communitiesYaml(preset));
  addWarehouseRepository(h);
  const commit = repo.head();
  fixtureThreads(preset).forEach((spec, i) => {
    const text = repo.git(['show', `HEAD:${spec.file}`]);
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`export function ${spec.functionName}(`));
    const end = lines.findIndex((l, n) => n > start && l === '}');
    if (start < 0 || end < 0) throw new Error(`fixture thread: no function ${spec.functionName} in ${spec.file}`);
    const anchor = createAnchor({ remote: FIXTURE_REMOTE, path: spec.file, commit, startLine: start + 1, endLine: end + 1, fileText: text });
    const createdAt = new Date((h.now - 2 * 86_400 + i * 60) * 1000).toISOString();
    const thread: Thread = {
      id: `${spec.functionName.toLowerCase()}-question-${i + 1}`,
      backend: 'files',
      venue: { backend: 'files', path: `.constellation/threads/${spec.community}` },
      title: spec.title,
      author: { name: PEOPLE.carol.name, email: PEOPLE.carol.email },
      createdAt,
      anchor,
      body: `We are changing how checkout calls \`${spec.functionName}\`. Is there a reason it behaves this way, and who should review a change?`,
      comments: [{ id: 'c-1', author: { name: PEOPLE.dave.name, email: PEOPLE.dave.email }, body: 'Good question: it is deliberate. Happy to pair on it this week.', createdAt: new Date(Date.parse(createdAt) + 3_600_000).toISOString() }],
      state: 'open',
    };
    repo.write(`.constellation/threads/${spec.community}/${thread.id}.md`, serializeThread(thread));
  });
  if (preset === 'demo') {
    h.commit(YOU, 0, 'Communities: venues and the first design threads');
    repo.git(['update-ref', 'refs/remotes/origin/main', 'HEAD']);
  }
}
