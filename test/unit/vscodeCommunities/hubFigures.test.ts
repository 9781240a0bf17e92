import * as assert from 'assert';
import type { CodeArea, Community } from '../../../src/core/communities/communityTypes';
import type { HubAreaActivity, HubAreaPerson } from '../../../src/core/hub';
import { resolveMe } from '../../../src/vscode/communities/communityModel';
import { areasBeyondWorkspace, hubFiguresLine, mergeHubFigures, peopleTakingPart, type CommunityHubFigures } from '../../../src/vscode/communities/hubFigures';
import { communityPage } from '../../../src/vscode/communities/pages/communityPage';
import { HUB_SECTION_TITLE, hubSection } from '../../../src/vscode/communities/pages/hubSection';
import { childNodes, communityNode, type CommunitiesNode } from '../../../src/vscode/communities/viewModel';
import type { CommunitySnapshot } from '../../../src/vscode/communities/snapshot';
import { NOW, P } from '../communities/plantedHistory';
import { plantedSnapshot, type PlantedSnapshot } from './plantedSnapshot';

const LEDGER: CodeArea = { repo: 'acme/ledger', glob: 'src/retry/**' };
const DOCS: CodeArea = { repo: 'acme/ledger', glob: 'docs/**' };
const NOW_MS = NOW * 1000;

function hubPerson(name: string, email: string, changes: number, extra: Partial<HubAreaPerson> = {}): HubAreaPerson {
  return {
    key: email, name, email, placement: { email, team: { id: 'ledger', name: 'Ledger' }, businessUnit: { id: 'finance', name: 'Finance', company: 'acme' } },
    lastActive: NOW - 86_400, relationship: 'other-business-unit', changes, lastChange: NOW - 86_400, files: 1, filesCreated: 1, former: false, repositories: ['acme/ledger'], ...extra,
  };
}

/** The hub's answer for the ledger's retry code: Ana (a member here too) and someone only the hub knows. */
function ledgerActivity(newcomerName = 'Sylvia Chen'): HubAreaActivity {
  return {
    repositories: [{ name: 'acme/ledger', asOf: NOW - 2 * 86_400, files: 1, changes: 5 }].map((r) => ({ ...r, lastActivity: r.asOf })),
    files: 1,
    people: [hubPerson(newcomerName, 'sylvia@acme.example', 4), hubPerson(P.ana.name, P.ana.email, 1, { relationship: 'your-team' })],
  };
}

const EMPTY: HubAreaActivity = { repositories: [], files: 0, people: [] };

describe('community figures from the hub index', function () {
  this.timeout(60_000);
  let planted: PlantedSnapshot;
  let snapshot: CommunitySnapshot;

  before(async () => {
    planted = await plantedSnapshot();
    snapshot = planted.snapshot;
  });

  after(() => planted?.planted.repo.dispose());

  const ready = (activity = ledgerActivity()): CommunityHubFigures =>
    mergeHubFigures(snapshot.report, 'reliability', [LEDGER, DOCS], { hub: 'acme/constellation-hub/index', generatedAt: new Date(NOW_MS - 3 * 86_400_000).toISOString(), combined: activity, perArea: [activity, EMPTY] });

  it('asks the hub only for code areas on repositories not cloned here', () => {
    const community: Community = { id: 'x', name: 'X', codeAreas: [{ glob: 'src/**' }, { repo: 'shop', glob: 'lib/**' }, LEDGER, { repo: 'github.com/acme/Shop', glob: 'a/**' }], leadership: {}, members: [] } as unknown as Community;
    assert.deepStrictEqual(areasBeyondWorkspace(community, ['acme/shop']), [LEDGER]);
    assert.deepStrictEqual(areasBeyondWorkspace(community, ['acme/shop', 'acme/ledger']), []);
  });

  it('counts a person the clones already count once, and adds the hub-only ones to the people taking part', () => {
    const figures = ready();
    assert.strictEqual(figures.state, 'ready');
    if (figures.state !== 'ready') return;
    assert.deepStrictEqual(figures.people.map((p) => [p.name, p.alsoLocal]), [['Sylvia Chen', false], [P.ana.name, true]]);
    assert.strictEqual(figures.added, 1);
    const local = snapshot.report.communities.find((c) => c.id === 'reliability')!.members.length;
    assert.ok(snapshot.report.communities.find((c) => c.id === 'reliability')!.members.some((m) => m.person === P.ana.email), 'Ana is a member from the clone');
    assert.strictEqual(peopleTakingPart(local, figures), local + 1);
    assert.strictEqual(peopleTakingPart(local, { state: 'off', areas: ['acme/ledger:src/retry/**'], hub: '' }), local);
    assert.deepStrictEqual(figures.perArea.map((a) => [a.area, a.files]), [['acme/ledger:src/retry/**', 1], ['acme/ledger:docs/**', 0]]);
  });

  it('renders the section with relationships, counts, the areas the hub answered for and its age, escaping what the hub says', () => {
    const html = hubSection(ready(ledgerActivity('<img src=x onerror=alert(1)>')), NOW_MS);
    assert.ok(html.includes(HUB_SECTION_TITLE.replace('—', '—')));
    assert.ok(!/<img|<script/i.test(html), 'no markup from the hub');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /<span class="tag">other business unit<\/span><\/td><td>Ledger · Finance<\/td><td>4<\/td><td>1<\/td><td>acme\/ledger<\/td><td>hub only<\/td>/);
    assert.match(html, /<span class="tag">your team<\/span>[\s\S]*?also here \(counted once\)/);
    assert.match(html, /<code>acme\/ledger:docs\/\*\*<\/code><\/td><td><span class="muted">no figures in the hub for this area<\/span>/);
    assert.match(html, /acme\/ledger as of \d{4}-\d\d-\d\d \(2 days ago\)/);
    assert.match(html, /generated \d{4}-\d\d-\d\d \(3 days ago\)/);
  });

  it('says when no hub is configured, when it is unavailable, and when it names nobody: never an empty section', () => {
    const areas = ['acme/ledger:src/retry/**'];
    const off = hubSection({ state: 'off', areas, hub: '' });
    assert.match(off, /no hub is configured — set constellation\.hub\.repository/);
    assert.match(off, /<code>acme\/ledger:src\/retry\/\*\*<\/code>/);
    const unavailable = hubSection({ state: 'unavailable', areas, hub: 'acme/hub', message: '<b>offline</b>' });
    assert.match(unavailable, /the hub index acme\/hub is unavailable \(&lt;b&gt;offline&lt;\/b&gt;\)/);
    const nobody = hubSection(mergeHubFigures(snapshot.report, 'reliability', [DOCS], { hub: 'acme/hub', combined: EMPTY, perArea: [EMPTY] }));
    assert.match(nobody, /The hub index names nobody in these code areas\./);
    assert.match(nobody, /no figures in the hub for this area/);
  });

  it('puts the section on the community page only for a community that has hub areas', () => {
    const me = resolveMe(snapshot, [P.gus.email]);
    const withHub = communityPage(snapshot, 'reliability', me, ready());
    assert.ok(withHub?.body.includes(`<h2 id="org-h">${HUB_SECTION_TITLE}</h2>`));
    assert.ok(withHub?.body.includes('<a href="#org">Across the organisation</a>'));
    const without = communityPage(snapshot, 'reliability', me);
    assert.ok(without && !without.body.includes('id="org"'));
  });

  it('counts the hub people in the view and says so in the tooltip; lists them with their relationship', () => {
    const figures = ready();
    const hubOf = (id: string): CommunityHubFigures | undefined => (id === 'reliability' ? figures : undefined);
    const local = snapshot.report.communities.find((c) => c.id === 'reliability')!.members.length;
    const node = communityNode(snapshot, 'reliability', hubOf) as Extract<CommunitiesNode, { kind: 'community' }>;
    assert.match(node.description, new RegExp(`· ${local + 1} taking part \\(1 from the hub\\)$`));
    assert.match(node.tooltip, /From the hub index acme\/constellation-hub\/index, generated [\d-]+ \([^)]+\): 2 people in acme\/ledger:src\/retry\/\*\*, acme\/ledger:docs\/\*\*, 1 of them not already counted/);
    assert.match(node.tooltip, /No figures in the hub for acme\/ledger:docs\/\*\*\./);
    const plain = communityNode(snapshot, 'billing', hubOf) as Extract<CommunitiesNode, { kind: 'community' }>;
    assert.ok(!plain.description.includes('hub') && !plain.tooltip.includes('hub'));
    const sections = childNodes(snapshot, node, hubOf);
    const org = sections.find((s) => s.kind === 'section' && s.section === 'org');
    assert.ok(org && org.kind === 'section' && org.label === 'Across the organisation (2)', JSON.stringify(sections));
    const people = childNodes(snapshot, org, hubOf).filter((n) => n.kind === 'fact');
    assert.deepStrictEqual(people.slice(0, 2).map((p) => p.kind === 'fact' && [p.label, p.description]), [['Sylvia Chen', 'other business unit · 4 changes in 1 file · acme/ledger'], [P.ana.name, 'your team · 1 change in 1 file · acme/ledger']]);
    const off: CommunityHubFigures = { state: 'off', areas: ['acme/ledger:src/retry/**'], hub: '' };
    const offNode = communityNode(snapshot, 'reliability', () => off) as Extract<CommunitiesNode, { kind: 'community' }>;
    assert.match(offNode.description, new RegExp(`· ${local} taking part$`));
    assert.strictEqual(offNode.tooltip.split('\n').pop(), hubFiguresLine(off));
  });
});
